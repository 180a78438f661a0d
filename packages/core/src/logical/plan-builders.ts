import { AnalysisError } from '../analyzer/analysis-error.ts';
import { QualifiedSchema } from '../analyzer/qualified-schema.ts';
import { itemNameOver } from '../analyzer/expression-name.ts';
import { castTo, commonType, resolveExpr } from '../analyzer/resolve-expression.ts';
import { lookupAggregate } from '../aggregate/aggregate-registry.ts';
import type { BoundExpr, NamedExpr } from '../expr/bound-expr.ts';
import { containsAggregate, exprToString, type Expr, type GeneratorFn } from '../expr/expression.ts';
import type { DataType, StructField } from '../types/data-type.ts';
import { INT, simpleString } from '../types/data-type.ts';
import { StructType } from '../types/schema.ts';
import type { Aggregate, AggregateCall, LogicalPlan, SortKey } from './logical-plan.ts';
import { columnQualifiers } from './join-builder.ts';
import { scopeOf } from './plan-scope.ts';
import { extractTimeWindow } from './time-window-builder.ts';
import { durationMs } from '../types/interval.ts';

/** Plan-building operations behind the DataFrame API. Each resolves names and types as it builds. */

function schemaOf(exprs: readonly NamedExpr[]): StructType {
  return new StructType(exprs.map((e) => ({ name: e.name, dataType: e.expr.dataType, nullable: e.expr.nullable })));
}

function refTo(schema: StructType, index: number): BoundExpr {
  const f = schema.fields[index]!;
  return { kind: 'ref', index, name: f.name, dataType: f.dataType, nullable: f.nullable };
}

/**
 * Expands `*` into every column of the input, `t.*` into the columns qualified by t (an alias or table
 * name) or else into the fields of a struct column t. A column whose name another column shares (after
 * a join) is bound by position (`byPosition`), since its name alone would be ambiguous.
 */
function expandStars(items: readonly Expr[], input: LogicalPlan): { items: Expr[]; byPosition: Map<Expr, number> } {
  const byPosition = new Map<Expr, number>();
  if (!items.some((e) => e.kind === 'star')) return { items: [...items], byPosition };
  const fields = input.schema.fields;
  const counts = new Map<string, number>();
  for (const f of fields) counts.set(f.name.toLowerCase(), (counts.get(f.name.toLowerCase()) ?? 0) + 1);
  const expanded = items.flatMap((e): Expr[] => {
    if (e.kind !== 'star') return [e];
    let picked = fields.map((_, i) => i);
    if (e.qualifier !== undefined) {
      const q = e.qualifier.toLowerCase();
      const qualifiers = columnQualifiers(input);
      picked = picked.filter((i) => qualifiers[i]?.toLowerCase() === q);
      if (picked.length === 0) return expandStruct(e.qualifier, input.schema);
    }
    return picked.map((i) => {
      const name = fields[i]!.name;
      const c: Expr = { kind: 'column', name, nameParts: [name] };
      if ((counts.get(name.toLowerCase()) ?? 0) > 1) byPosition.set(c, i);
      return c;
    });
  });
  return { items: expanded, byPosition };
}

/** `s.*` over a struct column s: one item per field. */
function expandStruct(name: string, schema: StructType): Expr[] {
  const parts = name.split('.');
  let t: DataType | undefined;
  try {
    t = resolveExpr({ kind: 'column', name, nameParts: parts }, schema).dataType;
  } catch (err) {
    if (!(err instanceof AnalysisError)) throw err;
  }
  if (t?.kind !== 'struct') {
    throw new AnalysisError(`Cannot resolve \`${name}\`.* given input columns ${schema.fields.map((f) => `\`${f.name}\``).join(', ') || '(none)'}: it is neither a table alias nor a struct column`);
  }
  return t.fields.map((f) => ({ kind: 'column', name: `${name}.${f.name}`, nameParts: [...parts, f.name] }));
}

/** `select(...)`: a projection, a Generate + projection when a generator is selected, or a global aggregate. */
export function buildProject(input: LogicalPlan, rawItems: readonly Expr[]): LogicalPlan {
  const { items: starred, byPosition } = expandStars(rawItems, input);
  if (starred.some(containsAggregate)) return buildAggregate(input, [], starred);
  const { child, exprs: items } = extractTimeWindow(input, starred);
  const scope = scopeOf(child);
  const resolveItem = (e: Expr): BoundExpr => {
    const i = byPosition.get(e);
    return i === undefined ? resolveExpr(e, scope) : refTo(child.schema, i);
  };
  const generators = items.filter((e) => unwrapAlias(e).kind === 'generator');
  if (generators.length > 1) {
    throw new AnalysisError(`Only one generator allowed per select clause but found ${generators.length}: ${generators.map((g) => exprToString(g)).join(', ')}`);
  }
  if (generators.length === 1) {
    const gItem = generators[0]!;
    const g = unwrapAlias(gItem) as Extract<Expr, { kind: 'generator' }>;
    const gen = buildGenerate(child, g.fn, g.child);
    const generatedCount = gen.schema.length - child.schema.length;
    const alias = gItem.kind === 'alias' ? gItem.name : undefined;
    const exprs: NamedExpr[] = items.flatMap((item): NamedExpr[] => {
      if (item !== gItem) return [{ expr: resolveItem(item), name: itemNameOver(item, scope) }];
      return Array.from({ length: generatedCount }, (_, k) => {
        const idx = child.schema.length + k;
        const name = alias !== undefined && generatedCount === 1 ? alias : gen.schema.fields[idx]!.name;
        return { expr: refTo(gen.schema, idx), name };
      });
    });
    return { kind: 'project', child: gen, exprs, schema: schemaOf(exprs), streaming: child.streaming };
  }
  const exprs = items.map((e) => {
    const bound = resolveItem(e);
    return { expr: bound, name: projectionName(e, bound, scope) };
  });
  return { kind: 'project', child, exprs, schema: schemaOf(exprs), streaming: child.streaming };
}

function unwrapAlias(e: Expr): Expr {
  return e.kind === 'alias' ? unwrapAlias(e.child) : e;
}

export function buildGenerate(child: LogicalPlan, fn: GeneratorFn, inputExpr: Expr): LogicalPlan {
  const input = resolveExpr(inputExpr, scopeOf(child));
  const t = input.dataType;
  const position = fn === 'posexplode' || fn === 'posexplode_outer';
  let generated: StructField[];
  if (t.kind === 'array') generated = [{ name: 'col', dataType: t.elementType, nullable: true }];
  else if (t.kind === 'map') generated = [{ name: 'key', dataType: t.keyType, nullable: false }, { name: 'value', dataType: t.valueType, nullable: true }];
  else {
    throw new AnalysisError(
      `Cannot resolve '${fn}(${exprToString(inputExpr)})' due to data type mismatch: input to function ${fn} should be array or map type, not ${simpleString(t)}`,
    );
  }
  if (position) generated = [{ name: 'pos', dataType: INT, nullable: false }, ...generated];
  const schema = new StructType([...child.schema.fields, ...generated]);
  return { kind: 'generate', child, fn, input, schema, streaming: child.streaming };
}

export function buildFilter(child: LogicalPlan, condition: Expr): LogicalPlan {
  if (containsAggregate(condition)) {
    throw new AnalysisError(`Aggregate functions are not allowed in filter/where: ${exprToString(condition)}`);
  }
  const bound = resolveExpr(condition, scopeOf(child));
  if (bound.dataType.kind !== 'boolean' && bound.dataType.kind !== 'null') {
    throw new AnalysisError(`Filter condition '${exprToString(condition)}' must be a boolean, but has type ${simpleString(bound.dataType)}`);
  }
  return { kind: 'filter', child, condition: castTo(bound, { kind: 'boolean' }), schema: child.schema, streaming: child.streaming };
}

/**
 * `groupBy(keys).agg(items)`: output = the grouping columns, then each item. Items may combine aggregates
 * and grouping columns (`sum(x) / count(1)`); a plain column that is not grouped is an error, as in Spark.
 */
export function buildAggregate(input: LogicalPlan, rawGroupExprs: readonly Expr[], rawItems: readonly Expr[], includeKeys = false): Aggregate {
  // A `window(...)` among the keys (or items) becomes a TimeWindow under the aggregate.
  const windowed = extractTimeWindow(input, [...rawGroupExprs, ...rawItems]);
  const child = windowed.child;
  const groupExprs = windowed.exprs.slice(0, rawGroupExprs.length);
  const items = windowed.exprs.slice(rawGroupExprs.length);
  const scope = scopeOf(child);
  const groupBy: NamedExpr[] = groupExprs.map((e) => {
    const bound = resolveExpr(e, scope);
    return { expr: bound, name: itemName(e, bound, scope) };
  });
  const calls: AggregateCall[] = [];
  const callIndex = new Map<string, number>();
  // Aggregate calls become columns `__agg<i>` of the buffer row (keys first).
  const rewrite = (e: Expr): Expr => {
    switch (e.kind) {
      case 'aggregate': {
        const sql = exprToString(e);
        let i = callIndex.get(sql);
        if (i === undefined) {
          const fn = lookupAggregate(e.fn);
          const args = e.args.map((a) => {
            if (containsAggregate(a)) throw new AnalysisError(`It is not allowed to use an aggregate function in the argument of another aggregate function: ${sql}`);
            return resolveExpr(a, scope);
          });
          const { dataType, nullable } = fn.resolve(args, sql, e.star === true);
          i = calls.length;
          calls.push({ fn, args, distinct: e.distinct, star: e.star === true, dataType, nullable, sql });
          callIndex.set(sql, i);
        }
        return { kind: 'column', name: `__agg${i}`, nameParts: [`__agg${i}`] };
      }
      case 'column': case 'star': case 'literal': return e;
      case 'alias': return { ...e, child: rewrite(e.child) };
      case 'binary': return { ...e, left: rewrite(e.left), right: rewrite(e.right) };
      case 'unary': case 'cast': case 'generator': case 'sortOrder': return { ...e, child: rewrite(e.child) };
      case 'call': return { ...e, args: e.args.map(rewrite) };
      case 'caseWhen': return { ...e, branches: e.branches.map(([c, v]) => [rewrite(c), rewrite(v)] as const), otherwise: e.otherwise ? rewrite(e.otherwise) : null };
      case 'in': return { ...e, child: rewrite(e.child), list: e.list.map(rewrite) };
      case 'extract': return { ...e, child: rewrite(e.child), key: rewrite(e.key) };
    }
  };
  const rewritten = items.map((item) => ({ item, expr: rewrite(item) }));
  const bufferFields = [
    ...groupBy.map((g) => ({ name: g.name, dataType: g.expr.dataType, nullable: g.expr.nullable })),
    ...calls.map((c, i) => ({ name: `__agg${i}`, dataType: c.dataType, nullable: c.nullable })),
  ];
  // A key that is a plain column keeps its qualifier, so `t.word` in an item still names the key `word`.
  const keyQualifiers = scope instanceof QualifiedSchema
    ? groupBy.map((g) => (g.expr.kind === 'ref' ? scope.qualifiers[g.expr.index] : undefined))
    : [];
  const bufferSchema = keyQualifiers.some((q) => q !== undefined) ? new QualifiedSchema(bufferFields, keyQualifiers) : new StructType(bufferFields);
  const results: NamedExpr[] = [];
  if (includeKeys) groupBy.forEach((g, i) => results.push({ expr: refTo(bufferSchema, i), name: g.name }));
  for (const { item, expr } of rewritten) {
    let bound: BoundExpr;
    try {
      bound = resolveExpr(expr, bufferSchema);
    } catch (err) {
      if (err instanceof AnalysisError && /cannot be resolved/.test(err.message)) {
        throw new AnalysisError(
          `Expression '${exprToString(item)}' is neither present in the group by, nor is it an aggregate function. Add it to groupBy or wrap it in an aggregate such as first(). Grouping columns: ${groupBy.map((g) => `\`${g.name}\``).join(', ') || '(none)'}`,
        );
      }
      throw err;
    }
    results.push({ expr: bound, name: itemNameOver(item, scope) });
  }
  return { kind: 'aggregate', child, groupBy, calls, results, schema: schemaOf(results), streaming: child.streaming };
}

/** `union` / `unionAll`: by position, as in Spark; column types are widened to a common type. */
export function buildUnion(left: LogicalPlan, right: LogicalPlan): LogicalPlan {
  if (left.schema.length !== right.schema.length) {
    throw new AnalysisError(
      `Union can only be performed on inputs with the same number of columns, but the first has ${left.schema.length} columns and the second has ${right.schema.length}`,
    );
  }
  const types: DataType[] = left.schema.fields.map((f, i) =>
    commonType([f.dataType, right.schema.fields[i]!.dataType], `union column ${i + 1} (${f.name})`));
  const coerce = (p: LogicalPlan): LogicalPlan => {
    if (p.schema.fields.every((f, i) => f.dataType.kind === types[i]!.kind)) return p;
    const exprs = p.schema.fields.map((f, i) => ({ expr: castTo(refTo(p.schema, i), types[i]!), name: f.name }));
    return { kind: 'project', child: p, exprs, schema: schemaOf(exprs), streaming: p.streaming };
  };
  const children = [coerce(left), coerce(right)];
  const schema = new StructType(left.schema.fields.map((f, i) => ({
    name: f.name, dataType: types[i]!, nullable: f.nullable || right.schema.fields[i]!.nullable,
  })));
  return { kind: 'union', children, schema, streaming: left.streaming || right.streaming };
}

export function buildSort(child: LogicalPlan, orders: readonly Expr[]): LogicalPlan {
  const scope = scopeOf(child);
  const keys: SortKey[] = orders.map((o) => {
    const e = o.kind === 'sortOrder' ? o : { kind: 'sortOrder' as const, child: o, ascending: true, nullsFirst: true };
    return { expr: resolveExpr(e.child, scope), ascending: e.ascending, nullsFirst: e.nullsFirst };
  });
  return { kind: 'sort', child, keys, schema: child.schema, streaming: child.streaming };
}

export function buildLimit(child: LogicalPlan, n: number): LogicalPlan {
  if (!Number.isInteger(n) || n < 0) throw new AnalysisError(`The limit must be a non-negative integer, but got ${n}`);
  return { kind: 'limit', child, n, schema: child.schema, streaming: child.streaming };
}

export function buildDeduplicate(child: LogicalPlan, columns: readonly string[] | undefined, withinWatermark = false): LogicalPlan {
  const keys = columns === undefined
    ? child.schema.fields.map((_, i) => i)
    : columns.map((c) => {
      const b = resolveExpr({ kind: 'column', name: c, nameParts: [c] }, child.schema);
      if (b.kind !== 'ref') throw new AnalysisError(`dropDuplicates takes column names, not '${c}'`);
      return b.index;
    });
  return { kind: 'deduplicate', child, keys, withinWatermark, schema: child.schema, streaming: child.streaming };
}

/** `withWatermark(eventTime, delay)`: the column must be a timestamp (or a window struct). */
export function buildWatermark(child: LogicalPlan, column: string, delay: string): LogicalPlan {
  const b = resolveExpr({ kind: 'column', name: column }, child.schema);
  if (b.kind !== 'ref') throw new AnalysisError(`withWatermark needs a top-level column name, not '${column}'`);
  const t = b.dataType;
  const isWindow = t.kind === 'struct' && t.fields.length === 2 && t.fields.every((f) => f.dataType.kind === 'timestamp');
  if (t.kind !== 'timestamp' && !isWindow) {
    throw new AnalysisError(`Event time must be defined on a window or a timestamp, but ${b.name} is of type ${simpleString(t)}`);
  }
  let delayMs: number;
  try {
    delayMs = durationMs(delay, 'delay threshold of withWatermark');
  } catch (e) {
    throw new AnalysisError((e as Error).message);
  }
  if (delayMs < 0) throw new AnalysisError(`The delay threshold of withWatermark must not be negative, but got '${delay}'`);
  return { kind: 'eventTimeWatermark', child, column: b.index, delayMs, schema: child.schema, streaming: child.streaming };
}

/**
 * The output name of a select item: a reference to a column whose own name contains dots (`col('a.b')`
 * on a column named `a.b`) keeps the whole name; anything else is named as Spark names it.
 */
function itemName(e: Expr, bound: BoundExpr, scope: StructType): string {
  // As written (Spark keeps the query's spelling: `SELECT AGE` names the column AGE), but whole.
  if (e.kind === 'column' && bound.kind === 'ref' && e.name.toLowerCase() === bound.name.toLowerCase()) return e.name;
  return itemNameOver(e, scope);
}

/**
 * A select item's name. Beyond `itemName`, Spark names a cast of a column after the column
 * (`cast(id AS STRING)` is `id`; Analyzer's ResolveAliases), but not a cast of a struct field or of any other
 * expression, and not in grouping keys.
 */
function projectionName(e: Expr, bound: BoundExpr, scope: StructType): string {
  if (e.kind === 'cast') {
    let inner: Expr = e;
    let b: BoundExpr = bound;
    while (inner.kind === 'cast') inner = inner.child;
    while (b.kind === 'cast') b = b.child;
    if (inner.kind === 'column' && b.kind === 'ref') return itemName(inner, b, scope);
  }
  return itemName(e, bound, scope);
}
