/**
 * The text Spark names a function call by, given its arguments' texts: `name(a, b)`, except for calls that
 * Spark prints in their own syntax (`TRIM(BOTH x FROM s)`, `(IF(c, a, b))`) or with the default arguments
 * it fills in (`round(x)` is `round(x, 0)`, `sort_array(a)` is `sort_array(a, true)`).
 */
export function callText(name: string, args: readonly string[]): string {
  const lower = name.toLowerCase();
  if (args.length === 2) {
    const side = TRIM_SIDES.get(lower);
    if (side !== undefined) return `TRIM(${side} ${args[0]} FROM ${args[1]})`;
  }
  if (lower === 'if' && args.length === 3) return `(IF(${args.join(', ')}))`;
  const defaults = args.length === 1 ? DEFAULT_SECOND_ARGUMENT.get(lower) : undefined;
  return `${name}(${(defaults === undefined ? args : [...args, defaults]).join(', ')})`;
}

const TRIM_SIDES: ReadonlyMap<string, string> = new Map([['trim', 'BOTH'], ['ltrim', 'LEADING'], ['rtrim', 'TRAILING']]);

/** `array_sort(a)` is `array_sort(a, <the default comparator>)` in Spark, lambda text included. */
const ARRAY_SORT_COMPARATOR =
  'lambdafunction((IF(((namedlambdavariable() IS NULL) AND (namedlambdavariable() IS NULL)), 0, (IF((namedlambdavariable() IS NULL), 1, '
  + '(IF((namedlambdavariable() IS NULL), -1, (IF((namedlambdavariable() < namedlambdavariable()), -1, '
  + '(IF((namedlambdavariable() > namedlambdavariable()), 1, 0)))))))))), namedlambdavariable(), namedlambdavariable())';

const DEFAULT_SECOND_ARGUMENT: ReadonlyMap<string, string> = new Map([
  ['round', '0'], ['bround', '0'], ['sort_array', 'true'], ['array_sort', ARRAY_SORT_COMPARATOR],
]);
