import { AnalysisError } from '../analyzer/analysis-error.ts';
import { Column } from '../dataframe/column.ts';
import type { DataFrame } from '../dataframe/dataframe.ts';
import type { Expr } from '../expr/expression.ts';
import type { LateralView } from './sql-ast.ts';
import { columnParts, transformExpr } from './transform-expr.ts';

/** The columns each LATERAL VIEW of a query added, by its table alias (lower case). */
export type LateralColumns = ReadonlyMap<string, readonly string[]>;

/**
 * `LATERAL VIEW explode(e) t AS c` is `df.select('*', explode(e).alias('c'))`: every input column, then
 * the generated ones. With several names (`posexplode(e) t AS p, c`) the generated columns are renamed
 * one by one, as `withColumnRenamed` does. Returns the new DataFrame and the generated column names.
 */
export function applyLateralView(df: DataFrame, lv: LateralView): { df: DataFrame; columns: string[] } {
  const gen: Expr = { kind: 'generator', fn: lv.fn, child: lv.input };
  const names = lv.columnAliases;
  const base = df.columns.length;
  const single = names.length === 1 ? names[0]! : undefined;
  let out = df.select(new Column({ kind: 'star' }), new Column(single === undefined ? gen : { kind: 'alias', child: gen, name: single }));
  const generated = out.columns.slice(base);
  if (names.length > 0 && names.length !== generated.length) {
    throw new AnalysisError(
      `The number of aliases supplied in the AS clause does not match the number of columns output by the UDTF: ` +
      `${lv.fn} produces ${generated.length} (${generated.join(', ')}), but got ${names.length} (${names.join(', ')})`,
    );
  }
  if (names.length > 1) {
    generated.forEach((from, j) => {
      const to = names[j]!;
      if (from === to) return;
      const same = out.columns.filter((c) => c.toLowerCase() === from.toLowerCase()).length;
      if (same > 1) throw new AnalysisError(`LATERAL VIEW cannot name the generated column \`${from}\` \`${to}\`: the input already has a column \`${from}\``);
      out = out.withColumnRenamed(from, to);
    });
  }
  return { df: out, columns: out.columns.slice(base) };
}

/**
 * Rewrites `t.c` to `c` where t is a LATERAL VIEW's alias and c one of its columns: the generated columns
 * are plain columns of the result, so the qualifier only has to find them.
 */
export function dequalifyLateral(e: Expr, lateral: LateralColumns): Expr {
  if (lateral.size === 0) return e;
  return transformExpr(e, (x) => {
    if (x.kind !== 'column') return undefined;
    const parts = columnParts(x);
    if (parts.length < 2) return x;
    const cols = lateral.get(parts[0]!.toLowerCase());
    if (!cols || !cols.some((c) => c.toLowerCase() === parts[1]!.toLowerCase())) return x;
    const rest = parts.slice(1);
    return { kind: 'column', name: rest.join('.'), nameParts: rest };
  });
}
