import { AnalysisError } from '../analyzer/analysis-error.ts';
import { resolveExpr } from '../analyzer/resolve-expression.ts';
import { Column } from '../dataframe/column.ts';
import type { DataFrame } from '../dataframe/dataframe.ts';
import type { Expr } from '../expr/expression.ts';
import { scopeOf } from '../logical/plan-scope.ts';
import type { SortItem } from './sql-ast.ts';
import { columnRef } from './transform-expr.ts';

/** The Column `orderBy` takes for a sort item: `col.asc()`, `col.desc_nulls_first()`... */
export function sortColumn(s: SortItem): Column {
  return new Column({ kind: 'sortOrder', child: s.expr, ascending: s.ascending, nullsFirst: s.nullsFirst });
}

/** `ORDER BY 2`: an integer literal names the output column at that position (1-based), as in Spark. */
export function resolveOrdinal(s: SortItem, outputs: readonly string[]): SortItem {
  const n = integerLiteral(s.expr);
  if (n === undefined) return s;
  const name = outputs[n - 1];
  if (name === undefined) throw new AnalysisError(`ORDER BY position ${n} is not in select list (valid range is [1, ${outputs.length}])`);
  return { ...s, expr: columnRef(name) };
}

export function integerLiteral(e: Expr): number | undefined {
  return e.kind === 'literal' && e.dataType.kind === 'int' && typeof e.value === 'number' ? e.value : undefined;
}

/** Whether `e` resolves over the columns of `df` (names, qualifiers and struct fields). */
export function resolvesOver(e: Expr, df: DataFrame): boolean {
  try {
    resolveExpr(e, scopeOf(df.plan));
    return true;
  } catch (err) {
    if (err instanceof AnalysisError) return false;
    throw err;
  }
}
