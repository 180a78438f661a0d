import { AnalysisError } from '../analyzer/analysis-error.ts';
import { itemNameOver } from '../analyzer/expression-name.ts';
import { outputName, resolveExpr } from '../analyzer/resolve-expression.ts';
import { Column } from '../dataframe/column.ts';
import type { DataFrame } from '../dataframe/dataframe.ts';
import { containsAggregate, exprToString, type Expr } from '../expr/expression.ts';
import { buildAggregate } from '../logical/plan-builders.ts';
import { scopeOf } from '../logical/plan-scope.ts';
import type { StructType } from '../types/schema.ts';
import { exprKey } from './expr-key.ts';
import type { SortItem } from './sql-ast.ts';
import { integerLiteral, resolveOrdinal, resolvesOver, sortColumn } from './sort-items.ts';
import { columnParts, columnRef, stripAlias, transformExpr } from './transform-expr.ts';

export interface AggregateSelect {
  readonly items: readonly Expr[];
  readonly groupBy: readonly Expr[];
  readonly having: Expr | null;
  readonly distinct: boolean;
}

interface GroupKey {
  readonly key: string;
  /** The key's column in the aggregation's buffer row: its output name (`window` / `session_window` for windows). */
  readonly name: string;
  /** A plain input column: items find it by name (and qualifier), so they need no rewriting. */
  readonly plain: boolean;
}

/**
 * A SELECT with GROUP BY, HAVING or aggregates: one Aggregate whose results are the select items (so
 * `SELECT word, count(*) AS n ... GROUP BY word` is `groupBy('word').agg(count('*').alias('n'))`), then
 * HAVING as a filter, DISTINCT, ORDER BY. As Spark does, HAVING and ORDER BY may use select aliases,
 * aggregates and grouping expressions that are not selected: those become hidden results of the
 * Aggregate, projected away at the end.
 */
export function translateAggregate(df: DataFrame, spec: AggregateSelect, sort: readonly SortItem[]): DataFrame {
  const inputScope = scopeOf(df.plan);
  const keys = spec.groupBy.map((k) => groupKey(k, spec.items, df));
  const keyInfo: GroupKey[] = keys.map((k) => ({
    key: exprKey(k),
    name: windowName(k) ?? itemNameOver(k, inputScope),
    plain: k.kind === 'column' && isPlainColumn(k, inputScope),
  }));
  // An item that repeats a grouping expression reads the key's column (`SELECT lower(name) ... GROUP BY lower(name)`).
  const toKeys = (e: Expr): Expr => transformExpr(e, (x) => {
    if (x.kind === 'aggregate') return x;
    const k = exprKey(x);
    const hit = keyInfo.find((g) => !g.plain && g.key === k);
    return hit === undefined ? undefined : columnRef(hit.name);
  });
  const selectItems = spec.items.map((item): Expr => {
    if (item.kind === 'alias') return { ...item, child: toKeys(item.child) };
    const r = toKeys(item);
    // As a whole select item, `window(...)` is named `window` (as extractTimeWindow names it), `session_window(...)` `session_window`.
    const name = windowName(item) ?? itemNameOver(item, inputScope);
    return outputName(r) === name ? r : { kind: 'alias', child: r, name };
  });
  const visibleNames = selectItems.map(outputName);
  const visibleKeys = spec.items.map((item) => exprKey(stripAlias(item)));

  const hidden: Expr[] = [];
  const hiddenNames: string[] = [];
  const hiddenByKey = new Map<string, string>();
  const taken = (n: string): boolean => [...visibleNames, ...hiddenNames].some((x) => x.toLowerCase() === n.toLowerCase());
  const addHidden = (item: Expr, key: string, preferred: string): Expr => {
    const name = taken(preferred) ? `__hidden${hidden.length}` : preferred;
    hidden.push(outputName(item) === name ? item : { kind: 'alias', child: item, name });
    hiddenNames.push(name);
    hiddenByKey.set(key, name);
    return columnRef(name);
  };
  const isVisibleName = (n: string): boolean => visibleNames.some((v) => v.toLowerCase() === n.toLowerCase());
  // Rewrites an expression over the aggregation's output: selected expressions become their output
  // column, other aggregates and grouping expressions become hidden results.
  const overOutput = (e: Expr): Expr => transformExpr(e, (x) => {
    if (x.kind === 'literal' || x.kind === 'star') return x;
    const k = exprKey(x);
    const v = visibleKeys.indexOf(k);
    if (v !== -1) return columnRef(visibleNames[v]!);
    const h = hiddenByKey.get(k);
    if (h !== undefined) return columnRef(h);
    if (x.kind === 'aggregate') return addHidden(x, k, exprToString(x));
    if (x.kind === 'column') {
      // A select alias or output column (or a field of one) stays as it is.
      if (isVisibleName(columnParts(x)[0]!)) return x;
      return addHidden(toKeys(x), k, outputName(x));
    }
    if (keyInfo.some((g) => g.key === k)) return addHidden(toKeys(x), k, outputName(x));
    return undefined;
  });

  const having = spec.having === null ? null : overOutput(spec.having);
  const hiddenForHaving = hidden.length;
  const ordered = sort.map((s) => resolveOrdinal(s, visibleNames)).map((s) => ({ ...s, expr: overOutput(s.expr) }));
  if (spec.distinct && hidden.length > hiddenForHaving) {
    throw new AnalysisError(
      `ORDER BY of a SELECT DISTINCT can only use the selected columns (${visibleNames.map((n) => `\`${n}\``).join(', ')}), but it needs ${hidden.slice(hiddenForHaving).map((x) => exprToString(x)).join(', ')}`,
    );
  }
  const visible = (): Column[] => visibleNames.map((n) => new Column(columnRef(n)));

  let out = df.withPlan(buildAggregate(df.plan, keys, [...selectItems, ...hidden], false));
  if (having !== null) out = out.filter(new Column(having));
  if (spec.distinct) {
    if (hidden.length > 0) out = out.select(...visible());
    out = out.distinct();
    return ordered.length > 0 ? out.orderBy(...ordered.map(sortColumn)) : out;
  }
  if (ordered.length > 0) out = out.orderBy(...ordered.map(sortColumn));
  return hidden.length > 0 ? out.select(...visible()) : out;
}

/**
 * A GROUP BY item: `GROUP BY 2` is the second select item, a name that is no input column but a select
 * alias is that item's expression (Spark's groupByOrdinal and groupByAliases), anything else itself.
 */
function groupKey(k: Expr, items: readonly Expr[], df: DataFrame): Expr {
  const n = integerLiteral(k);
  if (n !== undefined) {
    const item = items[n - 1];
    if (item === undefined) throw new AnalysisError(`GROUP BY position ${n} is not in select list (valid range is [1, ${items.length}])`);
    const inner = stripAlias(item);
    if (containsAggregate(inner)) {
      throw new AnalysisError(`GROUP BY ${n} refers to an expression ${exprToString(inner)} that contains an aggregate function. Aggregate functions are not allowed in GROUP BY.`);
    }
    return inner;
  }
  if (k.kind === 'column' && columnParts(k).length === 1 && !resolvesOver(k, df)) {
    const name = columnParts(k)[0]!.toLowerCase();
    const aliased = items.find((i) => i.kind === 'alias' && i.name.toLowerCase() === name);
    if (aliased?.kind === 'alias' && !containsAggregate(aliased.child)) return aliased.child;
  }
  return k;
}

/** The column name of a `window(...)` or `session_window(...)` call; undefined for other expressions. */
function windowName(e: Expr): string | undefined {
  if (e.kind !== 'call') return undefined;
  const n = e.name.toLowerCase();
  return n === 'window' || n === 'session_window' ? n : undefined;
}

/** A column reference that names a whole input column (not a struct field inside one). */
function isPlainColumn(e: Expr, scope: StructType): boolean {
  try {
    return resolveExpr(e, scope).kind === 'ref';
  } catch (err) {
    if (err instanceof AnalysisError) return true;
    throw err;
  }
}
