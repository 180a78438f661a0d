import { AnalysisError } from '../analyzer/analysis-error.ts';
import type { AggregateFunction } from './accumulator.ts';
import { count } from './count.ts';
import { max, min } from './min-max.ts';
import { avg, sum } from './sum.ts';

const AGGREGATES: ReadonlyMap<string, AggregateFunction> = new Map([
  ['count', count], ['sum', sum], ['avg', avg], ['mean', avg], ['min', min], ['max', max],
]);

export function lookupAggregate(name: string): AggregateFunction {
  const f = AGGREGATES.get(name.toLowerCase());
  if (!f) throw new AnalysisError(`Undefined aggregate function: ${name}`);
  return f;
}
