import type { GeneratorFn } from './expression.ts';

/** Names the parser and Column API turn into aggregate calls rather than scalar calls. */
export const AGGREGATE_FUNCTIONS: ReadonlySet<string> = new Set([
  'count', 'sum', 'avg', 'mean', 'min', 'max', 'first', 'last', 'collect_list', 'collect_set',
  'approx_count_distinct', 'stddev', 'stddev_samp', 'stddev_pop', 'variance', 'var_samp', 'var_pop',
  'count_if', 'bool_and', 'every', 'bool_or', 'some', 'any',
]);

export const GENERATOR_FUNCTIONS: ReadonlySet<GeneratorFn> = new Set<GeneratorFn>(['explode', 'explode_outer', 'posexplode', 'posexplode_outer']);

export function isGeneratorName(name: string): name is GeneratorFn {
  return GENERATOR_FUNCTIONS.has(name as GeneratorFn);
}
