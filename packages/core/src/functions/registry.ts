import { AnalysisError } from '../analyzer/analysis-error.ts';
import { window_time } from './window-time.ts';
import { abs } from './abs.ts';
import { array } from './array.ts';
import { array_contains } from './array-contains.ts';
import { coalesce, ifnull, nvl } from './coalesce.ts';
import { concat } from './concat.ts';
import { concat_ws } from './concat-ws.ts';
import { map } from './create-map.ts';
import { current_date, current_timestamp, now } from './current-timestamp.ts';
import { date_add, date_sub } from './date-add.ts';
import { date_format } from './date-format.ts';
import { day, dayofmonth, dayofweek, dayofyear, hour, minute, month, quarter, second, year } from './date-parts.ts';
import { datediff } from './datediff.ts';
import { element_at } from './element-at.ts';
import { exp } from './exp.ts';
import { ceil, ceiling, floor } from './floor-ceil.ts';
import { from_json } from './from-json.ts';
import { from_unixtime } from './from-unixtime.ts';
import { get_json_object } from './get-json-object.ts';
import { greatest, least } from './greatest-least.ts';
import { if_, nullif, nvl2 } from './if.ts';
import { instr } from './instr.ts';
import { isnan } from './isnan.ts';
import { isnull } from './isnull.ts';
import { char_length, character_length, length } from './length.ts';
import { ln, log, log10, log2 } from './log.ts';
import { lower } from './lower.ts';
import { lpad, rpad } from './pad.ts';
import { pow, power } from './pow.ts';
import { regexp_extract } from './regexp-extract.ts';
import { regexp_replace } from './regexp-replace.ts';
import { bround, round } from './round.ts';
import type { ScalarFunction } from './scalar-function.ts';
import { cardinality, size } from './size.ts';
import { array_sort, sort_array } from './sort-array.ts';
import { split } from './split.ts';
import { sqrt } from './sqrt.ts';
import { named_struct, struct } from './struct.ts';
import { substr, substring } from './substring.ts';
import { to_date } from './to-date.ts';
import { to_json } from './to-json.ts';
import { to_timestamp } from './to-timestamp.ts';
import { btrim, ltrim, rtrim, trim } from './trim.ts';
import { to_unix_timestamp, unix_timestamp } from './unix-timestamp.ts';
import { upper } from './upper.ts';

/** Every scalar function by lower-case name. Add a function: one file in functions/, one entry here. */
const FUNCTIONS: ReadonlyMap<string, ScalarFunction> = new Map(
  [window_time, 
    // strings
    lower, upper, split, concat, concat_ws, trim, ltrim, rtrim, btrim, length, char_length, character_length, substring, substr,
    regexp_replace, regexp_extract, instr, lpad, rpad,
    // nulls and conditionals
    coalesce, nvl, ifnull, isnull, isnan, if_, nvl2, nullif,
    // collections
    size, cardinality, array, array_contains, struct, named_struct, element_at, map, sort_array, array_sort,
    // JSON
    get_json_object, from_json, to_json,
    // date and time
    to_timestamp, to_date, from_unixtime, unix_timestamp, to_unix_timestamp, current_timestamp, now, current_date,
    date_format, year, month, dayofmonth, day, dayofweek, dayofyear, quarter, hour, minute, second,
    date_add, date_sub, datediff,
    // math
    round, bround, abs, floor, ceil, ceiling, sqrt, pow, power, exp, log, ln, log10, log2, greatest, least,
  ].map((f) => [f.name, f]),
);

export function lookupFunction(name: string): ScalarFunction {
  if (name.toLowerCase() === 'window') {
    throw new AnalysisError('window(...) is only allowed as a select item or a grouping key, e.g. groupBy(window(col("ts"), "10 minutes"))');
  }
  if (name.toLowerCase() === 'session_window') {
    throw new AnalysisError('session_window(...) is only allowed as a select item or a grouping key, e.g. groupBy(session_window(col("ts"), "5 minutes"), col("user"))');
  }
  const f = FUNCTIONS.get(name.toLowerCase());
  if (!f) throw new AnalysisError(`Undefined function: ${name}. This function is neither a built-in function nor a temporary function`);
  return f;
}

/**
 * The names of every scalar function SQL expressions and `call` accept, sorted.
 *
 * @example
 * ```ts
 * import { functionNames } from 'caudal';
 * functionNames().includes('regexp_replace'); // true
 * console.log(functionNames().join(', ')); // abs, array, array_contains, cardinality, ...
 * ```
 */
export function functionNames(): string[] {
  return [...FUNCTIONS.keys()].sort();
}
