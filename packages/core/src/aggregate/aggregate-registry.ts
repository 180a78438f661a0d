import { AnalysisError } from '../analyzer/analysis-error.ts';
import type { AggregateFunction } from './accumulator.ts';
import { approx_count_distinct } from './approx-count-distinct.ts';
import { any, bool_and, bool_or, every, some } from './bool-and-or.ts';
import { stddev, stddev_pop, stddev_samp, var_pop, var_samp, variance } from './central-moments.ts';
import { collect_list, collect_set } from './collect.ts';
import { count } from './count.ts';
import { count_if } from './count-if.ts';
import { first, last } from './first-last.ts';
import { max, min } from './min-max.ts';
import { avg, sum } from './sum.ts';

/** Every aggregate function by lower-case name (the parser's list is expr/function-kinds.ts). */
const AGGREGATES: ReadonlyMap<string, AggregateFunction> = new Map([
  ['count', count], ['sum', sum], ['avg', avg], ['mean', avg], ['min', min], ['max', max],
  ['first', first], ['last', last], ['collect_list', collect_list], ['collect_set', collect_set],
  ['approx_count_distinct', approx_count_distinct],
  ['stddev', stddev], ['stddev_samp', stddev_samp], ['stddev_pop', stddev_pop],
  ['variance', variance], ['var_samp', var_samp], ['var_pop', var_pop],
  ['count_if', count_if], ['bool_and', bool_and], ['every', every], ['bool_or', bool_or], ['some', some], ['any', any],
]);

export function lookupAggregate(name: string): AggregateFunction {
  const f = AGGREGATES.get(name.toLowerCase());
  if (!f) throw new AnalysisError(`Undefined aggregate function: ${name}`);
  return f;
}
