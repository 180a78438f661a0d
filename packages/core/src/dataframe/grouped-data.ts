import { AnalysisError } from '../analyzer/analysis-error.ts';
import type { Expr } from '../expr/expression.ts';
import { buildAggregate } from '../logical/plan-builders.ts';
import { Column, nameOrColumn } from './column.ts';
import type { DataFrame } from './dataframe.ts';

/**
 * The result of `groupBy(...)`: aggregate it with `agg`, `count`, `sum`, `avg`, `min`, `max`.
 *
 * @example
 * ```ts
 * import { col, count, sum, window } from 'caudal';
 * df.groupBy('bucket').agg(count('*').alias('n'), sum('value').alias('total'));
 * df.groupBy(window(col('timestamp'), '10 seconds'), col('word')).count();
 * ```
 */
export class GroupedData {
  /** @internal */
  constructor(private readonly df: DataFrame, private readonly keys: readonly Expr[]) {}

  /**
   * `agg(count('*').alias('n'), max('x'))`, or PySpark's dict form `agg({ x: 'max', y: 'avg' })`.
   * The result has the grouping columns first, then one column per aggregate.
   */
  agg(...exprs: (Column | Record<string, string>)[]): DataFrame {
    const items: Expr[] = exprs.flatMap((e): Expr[] => {
      if (e instanceof Column) return [e.expr];
      return Object.entries(e).map(([name, fn]) => ({
        kind: 'aggregate', fn: fn.toLowerCase(), args: name === '*' ? [] : [{ kind: 'column', name }], distinct: false, star: name === '*',
      } as Expr));
    });
    if (items.length === 0) throw new AnalysisError('agg() needs at least one aggregate expression');
    return this.df.withPlan(buildAggregate(this.df.plan, this.keys, items, true));
  }

  /** Rows per group, in a column named `count`. */
  count(): DataFrame {
    return this.agg(new Column({ kind: 'aggregate', fn: 'count', args: [], distinct: false, star: true }).alias('count'));
  }

  /** The sum of each named numeric column per group. */
  sum(...cols: string[]): DataFrame { return this.simple('sum', cols); }
  /** The average of each named numeric column per group. */
  avg(...cols: string[]): DataFrame { return this.simple('avg', cols); }
  /** Same as `avg`. */
  mean(...cols: string[]): DataFrame { return this.simple('avg', cols); }
  /** The minimum of each named column per group. */
  min(...cols: string[]): DataFrame { return this.simple('min', cols); }
  /** The maximum of each named column per group. */
  max(...cols: string[]): DataFrame { return this.simple('max', cols); }

  private simple(fn: string, cols: readonly string[]): DataFrame {
    const names = cols.length > 0 ? cols : this.df.schema.fields.filter((f) => ['int', 'long', 'double'].includes(f.dataType.kind)).map((f) => f.name);
    return this.agg(...names.map((c) => new Column({ kind: 'aggregate', fn, args: [nameOrColumn(c)], distinct: false })));
  }
}
