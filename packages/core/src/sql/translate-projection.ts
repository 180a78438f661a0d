import { outputName } from '../analyzer/resolve-expression.ts';
import { Column } from '../dataframe/column.ts';
import type { DataFrame } from '../dataframe/dataframe.ts';
import type { Expr } from '../expr/expression.ts';
import { exprKey } from './expr-key.ts';
import type { SortItem } from './sql-ast.ts';
import { resolveOrdinal, resolvesOver, sortColumn } from './sort-items.ts';
import { columnRef, transformExpr } from './transform-expr.ts';

/**
 * A SELECT without aggregation: `df.select(items)`, then DISTINCT, then ORDER BY. ORDER BY may name
 * select aliases and output columns, and (without DISTINCT) also input columns that are not selected:
 * as Spark does, those are selected too, sorted on, then projected away.
 */
export function translateProjection(df: DataFrame, items: readonly Expr[], distinct: boolean, sort: readonly SortItem[]): DataFrame {
  const projected = df.select(...items.map((e) => new Column(e)));
  if (sort.length === 0) return distinct ? projected.distinct() : projected;
  const outputs = projected.columns;
  const ordered = sort.map((s) => resolveOrdinal(s, outputs));
  if (distinct) return projected.distinct().orderBy(...ordered.map(sortColumn));

  const hidden: Expr[] = [];
  const hiddenByKey = new Map<string, string>();
  const taken = new Set(outputs.map((o) => o.toLowerCase()));
  const rewritten = ordered.map((s) => ({
    ...s,
    expr: transformExpr(s.expr, (x) => {
      if (x.kind !== 'column' || resolvesOver(x, projected) || !resolvesOver(x, df)) return x.kind === 'column' ? x : undefined;
      const key = exprKey(x);
      const known = hiddenByKey.get(key);
      if (known !== undefined) return columnRef(known);
      // A missing column keeps its name unless an output column already has it.
      const natural = outputName(x);
      const name = taken.has(natural.toLowerCase()) ? `__sort${hidden.length}` : natural;
      taken.add(name.toLowerCase());
      hiddenByKey.set(key, name);
      hidden.push(name === natural ? x : { kind: 'alias', child: x, name });
      return name === natural ? x : columnRef(name);
    }),
  }));
  if (hidden.length === 0) return projected.orderBy(...ordered.map(sortColumn));
  const wide = df.select(...[...items, ...hidden].map((e) => new Column(e)));
  return wide.orderBy(...rewritten.map(sortColumn)).select(...outputs.map((o) => new Column(columnRef(o))));
}
