import type { BoundExpr } from '../expr/bound-expr.ts';
import type { LogicalPlan } from './logical-plan.ts';
import { planChildren } from './logical-plan.ts';
import { drawTree } from './draw-tree.ts';
import { intervalToString, type IntervalValue } from '../types/interval.ts';
import { simpleString, type StructField } from '../types/data-type.ts';

/** The plan as an indented tree, one node per line (the form `explain()` prints). */
export function explainPlan(plan: LogicalPlan): string {
  return drawTree(plan, (p) => describeNode(p), planChildren);
}

/**
 * The analysed plan as `explain(true)` shows it: Spark's header line of output columns (`name: type`),
 * then the same tree with every column typed (`word#string`). Plans are analysed as they are built, so
 * this is the parsed tree with the types the analyzer found.
 */
export function explainAnalyzedPlan(plan: LogicalPlan): string {
  const header = plan.schema.fields.map((f) => `${f.name}: ${simpleString(f.dataType)}`).join(', ');
  return `${header}\n${drawTree(plan, (p) => describeNode(p, true), planChildren)}`;
}

/** One node's line; `typed` writes columns as `name#type`, as the analysed plan does. */
export function describeNode(p: LogicalPlan, typed = false): string {
  const ex = (e: BoundExpr): string => exprText(e, typed);
  const col = (f: StructField): string => (typed ? `${f.name}#${simpleString(f.dataType)}` : f.name);
  const cols = (fields: readonly StructField[]): string => fields.map(col).join(', ');
  switch (p.kind) {
    case 'streamingRelation': return `StreamingRelation ${p.format} [${cols(p.schema.fields)}]`;
    case 'batchRelation': return `Relation ${p.format} [${cols(p.schema.fields)}]`;
    case 'localRelation': return `LocalRelation [${cols(p.schema.fields)}]`;
    case 'tableScan': return `Table ${p.name} [${cols(p.schema.fields)}]`;
    case 'project': return `Project [${p.exprs.map((e) => named(e.expr, e.name, typed)).join(', ')}]`;
    case 'filter': return `Filter ${ex(p.condition)}`;
    case 'generate': return `Generate ${p.fn}(${ex(p.input)}) [${cols(p.schema.fields.slice(p.child.schema.length))}]`;
    case 'aggregate':
      return `Aggregate [${p.groupBy.map((g) => ex(g.expr)).join(', ')}], [${[
        ...p.calls.map((c) => (typed ? `${c.sql}#${simpleString(c.dataType)}` : c.sql)),
      ].join(', ')}]${p.streaming ? ' (stateful)' : ''}`;
    case 'union': return 'Union';
    case 'sort': return `Sort [${p.keys.map((k) => `${ex(k.expr)} ${k.ascending ? 'ASC' : 'DESC'} NULLS ${k.nullsFirst ? 'FIRST' : 'LAST'}`).join(', ')}]`;
    case 'limit': return `Limit ${p.n}`;
    case 'timeWindow':
      return `TimeWindow ${ex(p.timeColumn)}, ${p.windowMicros / 1000} ms, ${p.slideMicros / 1000} ms, ${p.startMicros / 1000} ms`;
    case 'sessionWindow':
      return `SessionWindow ${ex(p.timeColumn)}, ${p.gap.kind === 'fixed' ? `INTERVAL '${intervalToString(p.gap.interval)}'` : ex(p.gap.expr)}`;
    case 'eventTimeWatermark': return `EventTimeWatermark ${col(p.schema.fields[p.column]!)}, ${p.delayMs} ms`;
    case 'join': return `Join ${p.joinType}${p.condition ? `, ${ex(p.condition)}` : ''}${p.streaming && p.left.streaming && p.right.streaming ? ' (stateful)' : ''}`;
    case 'subqueryAlias': return `SubqueryAlias ${p.alias}`;
    case 'flatMapGroupsWithState':
      return `${p.isMapGroups ? 'MapGroupsWithState' : 'FlatMapGroupsWithState'} ${p.functionOutputMode}, ${p.timeout} [${p.schema.fieldNames().join(', ')}]`;
    case 'deduplicate': return `Deduplicate [${cols(p.keys.map((k) => p.child.schema.fields[k]!))}]${p.streaming ? ' (stateful)' : ''}`;
  }
}

function named(e: BoundExpr, name: string, typed: boolean): string {
  const text = exprText(e, typed);
  const out = typed ? `${name}#${simpleString(e.dataType)}` : name;
  return text === out ? text : `${text} AS ${out}`;
}

/** An expression as SQL-like text; `typed` writes column references as `name#type`. */
export function exprText(e: BoundExpr, typed = false): string {
  const ex = (c: BoundExpr): string => exprText(c, typed);
  switch (e.kind) {
    case 'ref': return typed ? `${e.name}#${simpleString(e.dataType)}` : e.name;
    case 'literal':
      return e.value === null ? 'null' : typeof e.value === 'string' ? `'${e.value}'`
        : e.dataType.kind === 'interval' ? `INTERVAL '${intervalToString(e.value as IntervalValue)}'` : String(e.value);
    case 'binary': return `(${ex(e.left)} ${e.op.toUpperCase()} ${ex(e.right)})`;
    case 'unary':
      return e.op === 'not' ? `NOT ${ex(e.child)}` : e.op === 'negate' ? `-${ex(e.child)}` :
        `${ex(e.child)} IS ${e.op === 'isNull' ? '' : 'NOT '}NULL`;
    case 'cast': return `CAST(${ex(e.child)} AS ${e.dataType.kind.toUpperCase()})`;
    case 'call': return `${e.fn.name}(${e.args.map(ex).join(', ')})`;
    case 'caseWhen': return `CASE ${e.branches.map(([c, v]) => `WHEN ${ex(c)} THEN ${ex(v)}`).join(' ')}${e.otherwise ? ` ELSE ${ex(e.otherwise)}` : ''} END`;
    case 'in': return `${ex(e.child)} IN (${e.list.map(ex).join(', ')})`;
    case 'getField': return `${ex(e.child)}.${(e.child.dataType as Extract<typeof e.child.dataType, { kind: 'struct' }>).fields[e.ordinal]?.name ?? e.ordinal}`;
    case 'getItem': return `${ex(e.child)}[${ex(e.key)}]`;
  }
}
