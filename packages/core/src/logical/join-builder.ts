import { AnalysisError } from '../analyzer/analysis-error.ts';
import { castTo, resolveExpr } from '../analyzer/resolve-expression.ts';
import type { BoundExpr, NamedExpr } from '../expr/bound-expr.ts';
import { exprToString, type Expr } from '../expr/expression.ts';
import { lookupFunction } from '../functions/registry.ts';
import type { StructField } from '../types/data-type.ts';
import { simpleString } from '../types/data-type.ts';
import { StructType } from '../types/schema.ts';
import type { Join, JoinType, LogicalPlan } from './logical-plan.ts';

/** What `df.join(other, on, how)` joins on: column names (USING), a condition, or nothing (every pair). */
export type JoinOn =
  | { readonly kind: 'using'; readonly columns: readonly string[] }
  | { readonly kind: 'condition'; readonly expr: Expr };

const JOIN_TYPES: ReadonlyMap<string, JoinType> = new Map([
  ['inner', 'Inner'], ['cross', 'Cross'],
  ['outer', 'FullOuter'], ['full', 'FullOuter'], ['fullouter', 'FullOuter'],
  ['leftouter', 'LeftOuter'], ['left', 'LeftOuter'],
  ['rightouter', 'RightOuter'], ['right', 'RightOuter'],
  ['leftsemi', 'LeftSemi'], ['semi', 'LeftSemi'],
  ['leftanti', 'LeftAnti'], ['anti', 'LeftAnti'],
]);

/** Spark's `JoinType(typ)`: case-insensitive, underscores ignored (`left_outer` = `leftouter` = `left`). */
export function parseJoinType(how: string): JoinType {
  const t = JOIN_TYPES.get(how.toLowerCase().replaceAll('_', ''));
  if (!t) {
    throw new AnalysisError(
      `Unsupported join type '${how}'. Supported join types include: 'inner', 'outer', 'full', 'fullouter', 'full_outer', ` +
      `'leftouter', 'left', 'left_outer', 'rightouter', 'right', 'right_outer', 'leftsemi', 'left_semi', 'semi', ` +
      `'leftanti', 'left_anti', 'anti', 'cross'.`,
    );
  }
  return t;
}

/** `df.alias(name)`: names the DataFrame so join conditions can say `name.column`. */
export function buildSubqueryAlias(child: LogicalPlan, alias: string): LogicalPlan {
  if (alias === '' || alias.includes('.')) throw new AnalysisError(`The alias of a DataFrame must be a non-empty name without dots, but got '${alias}'`);
  return { kind: 'subqueryAlias', child, alias, schema: child.schema, streaming: child.streaming };
}

/**
 * `left.join(right, on, joinType)`. With column names (USING) the result has one column per name
 * (the left's, the right's for a right outer join, their coalesce for a full outer join), then the other
 * left columns, then the other right columns, as Spark. A condition may name columns of either side
 * unqualified (when only one side has the name) or qualified by a DataFrame alias (`a.id`).
 */
export function buildJoin(left: LogicalPlan, right: LogicalPlan, on: JoinOn | null, joinType: JoinType): LogicalPlan {
  if (on === null) return makeJoin(left, right, joinType, null);
  if (on.kind === 'condition') {
    const fields = bothSides(left, right);
    const bound = resolveExpr(qualifyColumns(on.expr, fields), internalSchema(fields));
    if (bound.dataType.kind !== 'boolean' && bound.dataType.kind !== 'null') {
      throw new AnalysisError(`Join condition '${exprToString(on.expr)}' must be a boolean, but has type ${simpleString(bound.dataType)}`);
    }
    return makeJoin(left, right, joinType, castTo(bound, { kind: 'boolean' }));
  }
  return buildUsingJoin(left, right, on.columns, joinType);
}

function makeJoin(left: LogicalPlan, right: LogicalPlan, joinType: JoinType, condition: BoundExpr | null): Join {
  const nullableLeft = joinType === 'RightOuter' || joinType === 'FullOuter';
  const nullableRight = joinType === 'LeftOuter' || joinType === 'FullOuter';
  const widen = (f: StructField, yes: boolean): StructField => (yes && !f.nullable ? { ...f, nullable: true } : f);
  const fields = joinType === 'LeftSemi' || joinType === 'LeftAnti'
    ? left.schema.fields
    : [...left.schema.fields.map((f) => widen(f, nullableLeft)), ...right.schema.fields.map((f) => widen(f, nullableRight))];
  return { kind: 'join', left, right, joinType, condition, schema: new StructType(fields), streaming: left.streaming || right.streaming };
}

function buildUsingJoin(left: LogicalPlan, right: LogicalPlan, names: readonly string[], joinType: JoinType): LogicalPlan {
  const width = left.schema.length;
  const pairs = names.map((name) => ({ name, l: usingColumn(left.schema, name, 'left'), r: usingColumn(right.schema, name, 'right') }));
  if (pairs.length === 0) return makeJoin(left, right, joinType, null);
  const fields = bothSides(left, right);
  const eq = pairs
    .map((p): Expr => ({ kind: 'binary', op: '=', left: internalRef(fields, p.l), right: internalRef(fields, width + p.r) }))
    .reduce((a, b) => ({ kind: 'binary', op: 'and', left: a, right: b }));
  const join = makeJoin(left, right, joinType, resolveExpr(eq, internalSchema(fields)));
  const ref = (i: number, name = join.schema.fields[i]!.name): NamedExpr => {
    const f = join.schema.fields[i]!;
    return { expr: { kind: 'ref', index: i, name: f.name, dataType: f.dataType, nullable: f.nullable }, name };
  };
  const keys: NamedExpr[] = pairs.map(({ l, r }) => {
    if (joinType === 'RightOuter') return ref(width + r);
    if (joinType !== 'FullOuter') return ref(l);
    const name = left.schema.fields[l]!.name;
    const args = [ref(l).expr, ref(width + r).expr];
    const coalesce = lookupFunction('coalesce');
    const sql = `coalesce(${name}, ${right.schema.fields[r]!.name})`;
    const resolved = coalesce.resolve(args, sql);
    const castArgs = args.map((a, i) => (resolved.argTypes?.[i] ? castTo(a, resolved.argTypes[i]!) : a));
    return { expr: { kind: 'call', fn: coalesce, args: castArgs, dataType: resolved.dataType, nullable: resolved.nullable ?? true, sql }, name };
  });
  const usedLeft = new Set(pairs.map((p) => p.l));
  const usedRight = new Set(pairs.map((p) => p.r));
  const exprs: NamedExpr[] = [...keys];
  left.schema.fields.forEach((_, i) => { if (!usedLeft.has(i)) exprs.push(ref(i)); });
  if (joinType !== 'LeftSemi' && joinType !== 'LeftAnti') {
    right.schema.fields.forEach((_, i) => { if (!usedRight.has(i)) exprs.push(ref(width + i)); });
  }
  const schema = new StructType(exprs.map((e) => ({ name: e.name, dataType: e.expr.dataType, nullable: e.expr.nullable })));
  return { kind: 'project', child: join, exprs, schema, streaming: join.streaming };
}

function usingColumn(schema: StructType, name: string, side: 'left' | 'right'): number {
  const lower = name.toLowerCase();
  const hits = schema.fields.flatMap((f, i) => (f.name.toLowerCase() === lower ? [i] : []));
  if (hits.length === 1) return hits[0]!;
  const exact = hits.filter((i) => schema.fields[i]!.name === name);
  if (exact.length === 1) return exact[0]!;
  if (hits.length > 1) throw new AnalysisError(`USING column \`${name}\` is ambiguous on the ${side} side of the join: it has ${hits.length} columns of that name`);
  throw new AnalysisError(
    `USING column \`${name}\` cannot be resolved on the ${side} side of the join. The ${side}-side columns: [${schema.fields.map((f) => `\`${f.name}\``).join(', ')}]`,
  );
}

/** A column of either join side: its field, the alias that qualifies it (if any) and a name unique among both sides. */
interface SideField {
  readonly field: StructField;
  readonly qualifier: string | undefined;
  readonly internal: string;
}

function bothSides(left: LogicalPlan, right: LogicalPlan): SideField[] {
  const quals = [...columnQualifiers(left), ...columnQualifiers(right)];
  const all = [...left.schema.fields, ...right.schema.fields].map((field, i) => ({ field, qualifier: quals[i] }));
  const count = new Map<string, number>();
  for (const { field } of all) count.set(field.name.toLowerCase(), (count.get(field.name.toLowerCase()) ?? 0) + 1);
  // Unique names stay as they are (so messages read naturally); duplicates get their alias or position.
  const taken = new Set(all.filter(({ field }) => count.get(field.name.toLowerCase()) === 1).map(({ field }) => field.name.toLowerCase()));
  return all.map(({ field, qualifier }, i) => {
    if (count.get(field.name.toLowerCase()) === 1) return { field, qualifier, internal: field.name };
    let internal = qualifier !== undefined ? `${qualifier}.${field.name}` : `${field.name}#${i}`;
    if (taken.has(internal.toLowerCase())) internal = `${field.name}#${i}`;
    taken.add(internal.toLowerCase());
    return { field, qualifier, internal };
  });
}

function internalSchema(fields: readonly SideField[]): StructType {
  return new StructType(fields.map((f) => ({ ...f.field, name: f.internal })));
}

function internalRef(fields: readonly SideField[], i: number): Expr {
  return { kind: 'column', name: fields[i]!.internal, nameParts: [fields[i]!.internal] };
}

/** Rewrites every column reference of a join condition to the internal name of the column it means. */
function qualifyColumns(e: Expr, fields: readonly SideField[]): Expr {
  const q = (x: Expr): Expr => qualifyColumns(x, fields);
  switch (e.kind) {
    case 'column': {
      const parts = e.nameParts ?? e.name.split('.');
      const { index, rest } = lookupColumn(parts, fields);
      const name = fields[index]!.internal;
      return { kind: 'column', name: [name, ...rest].join('.'), nameParts: [name, ...rest] };
    }
    case 'star': case 'literal': return e;
    case 'alias': case 'unary': case 'cast': case 'generator': case 'sortOrder': return { ...e, child: q(e.child) };
    case 'binary': return { ...e, left: q(e.left), right: q(e.right) };
    case 'call': case 'aggregate': return { ...e, args: e.args.map(q) };
    case 'caseWhen': return { ...e, branches: e.branches.map(([c, v]) => [q(c), q(v)] as const), otherwise: e.otherwise ? q(e.otherwise) : null };
    case 'in': return { ...e, child: q(e.child), list: e.list.map(q) };
    case 'extract': return { ...e, child: q(e.child), key: q(e.key) };
  }
}

/** Which column `parts` names: `alias.col[.field...]`, a column whose name has dots, or `col[.field...]`. */
function lookupColumn(parts: readonly string[], fields: readonly SideField[]): { index: number; rest: string[] } {
  const whole = parts.join('.');
  const pick = (hits: number[], name: string): number | undefined => {
    if (hits.length === 1) return hits[0]!;
    if (hits.length === 0) return undefined;
    const exact = hits.filter((i) => fields[i]!.field.name === name);
    if (exact.length === 1) return exact[0]!;
    throw new AnalysisError(`Reference \`${whole}\` is ambiguous, could be: ${hits.map((i) => display(fields[i]!)).join(', ')}`);
  };
  const named = (name: string): number[] =>
    fields.flatMap((f, i) => (f.field.name.toLowerCase() === name.toLowerCase() ? [i] : []));
  if (parts.length >= 2) {
    const qualified = named(parts[1]!).filter((i) => fields[i]!.qualifier?.toLowerCase() === parts[0]!.toLowerCase());
    const hit = pick(qualified, parts[1]!);
    if (hit !== undefined) return { index: hit, rest: parts.slice(2) };
    const dotted = pick(named(whole), whole);
    if (dotted !== undefined) return { index: dotted, rest: [] };
  }
  const hit = pick(named(parts[0]!), parts[0]!);
  if (hit !== undefined) return { index: hit, rest: parts.slice(1) };
  throw new AnalysisError(
    `A column or function parameter with name \`${whole}\` cannot be resolved. Available columns: ${fields.map(display).join(', ') || '(none)'}`,
  );
}

function display(f: SideField): string {
  return f.qualifier !== undefined ? `\`${f.qualifier}\`.\`${f.field.name}\`` : `\`${f.field.name}\``;
}

/**
 * The alias qualifying each output column of a plan (`df.alias('a')`), followed through the operators
 * that pass columns on unchanged; columns computed after the alias have none.
 */
export function columnQualifiers(plan: LogicalPlan): (string | undefined)[] {
  switch (plan.kind) {
    case 'subqueryAlias': return plan.schema.fields.map(() => plan.alias);
    case 'filter': case 'sort': case 'limit': case 'deduplicate': case 'eventTimeWatermark':
      return columnQualifiers(plan.child);
    case 'generate': case 'timeWindow': case 'sessionWindow': {
      const inner = columnQualifiers(plan.child);
      return plan.schema.fields.map((_, i) => inner[i]);
    }
    case 'project': {
      const inner = columnQualifiers(plan.child);
      return plan.exprs.map((e) => (e.expr.kind === 'ref' && e.expr.name === e.name ? inner[e.expr.index] : undefined));
    }
    case 'join': {
      const l = columnQualifiers(plan.left);
      return plan.joinType === 'LeftSemi' || plan.joinType === 'LeftAnti' ? l : [...l, ...columnQualifiers(plan.right)];
    }
    case 'streamingRelation': case 'batchRelation': case 'localRelation': case 'tableScan': case 'aggregate': case 'union':
    case 'flatMapGroupsWithState':
      return plan.schema.fields.map(() => undefined);
  }
}
