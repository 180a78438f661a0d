import type { BoundExpr } from '../expr/bound-expr.ts';
import type { LogicalPlan } from './logical-plan.ts';
import { planChildren } from './logical-plan.ts';
import { drawTree } from './draw-tree.ts';

/** The plan as an indented tree, one node per line (the form `explain()` prints). */
export function explainPlan(plan: LogicalPlan): string {
  return drawTree(plan, describeNode, planChildren);
}

export function describeNode(p: LogicalPlan): string {
  switch (p.kind) {
    case 'streamingRelation': return `StreamingRelation ${p.format} [${p.schema.fieldNames().join(', ')}]`;
    case 'batchRelation': return `Relation ${p.format} [${p.schema.fieldNames().join(', ')}]`;
    case 'localRelation': return `LocalRelation [${p.schema.fieldNames().join(', ')}]`;
    case 'tableScan': return `Table ${p.name} [${p.schema.fieldNames().join(', ')}]`;
    case 'project': return `Project [${p.exprs.map((e) => named(e.expr, e.name)).join(', ')}]`;
    case 'filter': return `Filter ${exprText(p.condition)}`;
    case 'generate': return `Generate ${p.fn}(${exprText(p.input)}) [${p.schema.fieldNames().slice(p.child.schema.length).join(', ')}]`;
    case 'aggregate':
      return `Aggregate [${p.groupBy.map((g) => exprText(g.expr)).join(', ')}], [${[
        ...p.calls.map((c) => c.sql),
      ].join(', ')}]${p.streaming ? ' (stateful)' : ''}`;
    case 'union': return 'Union';
    case 'sort': return `Sort [${p.keys.map((k) => `${exprText(k.expr)} ${k.ascending ? 'ASC' : 'DESC'} NULLS ${k.nullsFirst ? 'FIRST' : 'LAST'}`).join(', ')}]`;
    case 'limit': return `Limit ${p.n}`;
    case 'timeWindow':
      return `TimeWindow ${exprText(p.timeColumn)}, ${p.windowMicros / 1000} ms, ${p.slideMicros / 1000} ms, ${p.startMicros / 1000} ms`;
    case 'eventTimeWatermark': return `EventTimeWatermark ${p.schema.fields[p.column]!.name}, ${p.delayMs} ms`;
    case 'deduplicate': return `Deduplicate [${p.keys.map((k) => p.child.schema.fields[k]!.name).join(', ')}]${p.streaming ? ' (stateful)' : ''}`;
  }
}

function named(e: BoundExpr, name: string): string {
  const text = exprText(e);
  return text === name ? text : `${text} AS ${name}`;
}

export function exprText(e: BoundExpr): string {
  switch (e.kind) {
    case 'ref': return e.name;
    case 'literal': return e.value === null ? 'null' : typeof e.value === 'string' ? `'${e.value}'` : String(e.value);
    case 'binary': return `(${exprText(e.left)} ${e.op.toUpperCase()} ${exprText(e.right)})`;
    case 'unary':
      return e.op === 'not' ? `NOT ${exprText(e.child)}` : e.op === 'negate' ? `-${exprText(e.child)}` :
        `${exprText(e.child)} IS ${e.op === 'isNull' ? '' : 'NOT '}NULL`;
    case 'cast': return `CAST(${exprText(e.child)} AS ${e.dataType.kind.toUpperCase()})`;
    case 'call': return `${e.fn.name}(${e.args.map(exprText).join(', ')})`;
    case 'caseWhen': return `CASE ${e.branches.map(([c, v]) => `WHEN ${exprText(c)} THEN ${exprText(v)}`).join(' ')}${e.otherwise ? ` ELSE ${exprText(e.otherwise)}` : ''} END`;
    case 'in': return `${exprText(e.child)} IN (${e.list.map(exprText).join(', ')})`;
    case 'getField': return `${exprText(e.child)}.${(e.child.dataType as Extract<typeof e.child.dataType, { kind: 'struct' }>).fields[e.ordinal]?.name ?? e.ordinal}`;
    case 'getItem': return `${exprText(e.child)}[${exprText(e.key)}]`;
  }
}
