import { Column, literalExpr, nameOrColumn, toExpr, type ColumnOrValue } from '../dataframe/column.ts';
import type { Expr, GeneratorFn } from '../expr/expression.ts';
import { parseExpression } from '../expr/parser/parse-expression.ts';
import type { DataType } from '../types/data-type.ts';
import { STRING, mapOf } from '../types/data-type.ts';
import { StructType } from '../types/schema.ts';
import { typeToDDL } from './json-schema.ts';

/**
 * The function library as PySpark's `pyspark.sql.functions`: `col`, `lit`, `expr`, string functions,
 * generators and aggregates. Arguments that name columns accept a column name or a Column.
 */
export type ColumnOrName = Column | string;

/**
 * A column by name (`col('value')`, `col('t.a')` for a qualified or nested name).
 *
 * @example
 * ```ts
 * lines.select(col('value').alias('line')).where(col('value').isNotNull());
 * ```
 */
export function col(name: string): Column {
  return new Column(nameOrColumn(name));
}

/** Same as `col`. */
export const column = col;

/** A literal value as a column (a Column is returned as it is). */
export function lit(value: ColumnOrValue): Column {
  return value instanceof Column ? value : new Column(literalExpr(value));
}

/** A Spark SQL expression string: `expr("CAST(value AS STRING)")`, `expr("explode(split(value, ' '))")`. */
export function expr(text: string): Column {
  return new Column(parseExpression(text));
}

function arg(c: ColumnOrName): Expr {
  return nameOrColumn(c);
}

/** Calls a scalar function of the registry by name (the generic form behind the named helpers). */
export function callFunction(name: string, ...args: (ColumnOrName | ColumnOrValue)[]): Column {
  return new Column({ kind: 'call', name, args: args.map((a) => (typeof a === 'string' ? arg(a) : toExpr(a))) });
}

function call(name: string, ...args: Expr[]): Column {
  return new Column({ kind: 'call', name, args });
}

/** PySpark accepts columns as varargs or as one list: `array('a', 'b')` or `array(['a', 'b'])`. */
function columnList(cols: readonly (ColumnOrName | readonly ColumnOrName[])[]): Expr[] {
  const flat = cols.length === 1 && Array.isArray(cols[0]) ? (cols[0] as readonly ColumnOrName[]) : (cols as readonly ColumnOrName[]);
  return flat.map(arg);
}

/** A number (a literal) or a Column, as PySpark's `int | Column` parameters. */
function numberOrColumn(v: number | Column): Expr {
  return v instanceof Column ? v.expr : literalExpr(v);
}

/** A column name or Column, or a plain number (a literal), as PySpark's `ColumnOrName | float` parameters. */
function nameOrNumber(v: ColumnOrName | number): Expr {
  return typeof v === 'number' ? literalExpr(v) : arg(v);
}

/** A string pattern or a Column (PySpark: a str here is a literal, not a column name). */
function textOrColumn(v: string | Column): Expr {
  return typeof v === 'string' ? literalExpr(v) : v.expr;
}

/** `map<string,string>` literal for the options of from_json / to_json. */
function optionsExpr(options: Readonly<Record<string, string>> | ReadonlyMap<string, string>): Expr {
  const entries = options instanceof Map ? [...options] : Object.entries(options);
  return { kind: 'literal', value: new Map(entries.map(([k, v]) => [k, String(v)])), dataType: mapOf(STRING, STRING, false) };
}

// ---- conditionals and nulls ----

/** `when(cond, value)`: a CASE expression; chain `.when(cond, value)` and finish with `.otherwise(value)`. Plain values are literals. */
export function when(condition: Column, value: ColumnOrValue): Column {
  return new Column({ kind: 'caseWhen', branches: [[condition.expr, toExpr(value)]], otherwise: null });
}

/** The first non-null argument. */
export function coalesce(...cols: ColumnOrName[]): Column { return call('coalesce', ...cols.map(arg)); }
/** True where the value is null (the same expression as `col.isNull()`). */
export function isnull(c: ColumnOrName): Column { return new Column({ kind: 'unary', op: 'isNull', child: arg(c) }); }
/** True where the value is NaN (false for null). */
export function isnan(c: ColumnOrName): Column { return call('isnan', arg(c)); }
/** `nvl(a, b)`: b where a is null. */
export function nvl(col1: ColumnOrName, col2: ColumnOrName): Column { return call('nvl', arg(col1), arg(col2)); }
/** `col2` where `col1` is null, else `col1`. */
export function ifnull(col1: ColumnOrName, col2: ColumnOrName): Column { return call('ifnull', arg(col1), arg(col2)); }

// ---- strings ----

/** The string in lower case. */
export function lower(c: ColumnOrName): Column { return call('lower', arg(c)); }
/** The string in upper case. */
export function upper(c: ColumnOrName): Column { return call('upper', arg(c)); }

/**
 * `split(str, pattern, limit = -1)`: the pattern is a regular expression, as in Spark.
 *
 * @example
 * ```ts
 * lines.select(explode(split(col('value'), ' ')).alias('word'));
 * ```
 */
export function split(c: ColumnOrName, pattern: string, limit?: number): Column {
  const args: Expr[] = [arg(c), literalExpr(pattern)];
  if (limit !== undefined) args.push(literalExpr(limit));
  return new Column({ kind: 'call', name: 'split', args });
}

/** Concatenates strings (or arrays); null if any argument is null. */
export function concat(...cols: ColumnOrName[]): Column { return call('concat', ...cols.map(arg)); }
/** Joins the non-null strings (and string-array elements) with `sep`. */
export function concat_ws(sep: string, ...cols: ColumnOrName[]): Column { return call('concat_ws', literalExpr(sep), ...cols.map(arg)); }
/** Removes spaces (or the characters of `trimChars`) from both ends. */
export function trim(c: ColumnOrName, trimChars?: string | Column): Column {
  return trimChars === undefined ? call('trim', arg(c)) : call('trim', arg(c), textOrColumn(trimChars));
}
/** The string without leading spaces (or leading `trimChars`). */
export function ltrim(c: ColumnOrName, trimChars?: string | Column): Column {
  return trimChars === undefined ? call('ltrim', arg(c)) : call('ltrim', arg(c), textOrColumn(trimChars));
}
/** The string without trailing spaces (or trailing `trimChars`). */
export function rtrim(c: ColumnOrName, trimChars?: string | Column): Column {
  return trimChars === undefined ? call('rtrim', arg(c)) : call('rtrim', arg(c), textOrColumn(trimChars));
}
/** Characters in a string, bytes in a binary value. */
export function length(c: ColumnOrName): Column { return call('length', arg(c)); }
/** The number of characters of a string (bytes of a binary). */
export function char_length(c: ColumnOrName): Column { return call('char_length', arg(c)); }
/** Same as `char_length`. */
export function character_length(c: ColumnOrName): Column { return call('character_length', arg(c)); }
/** `substring(str, pos, len)`: 1-based; a negative pos counts from the end. */
export function substring(str: ColumnOrName, pos: number | Column, len: number | Column): Column {
  return call('substring', arg(str), numberOrColumn(pos), numberOrColumn(len));
}
/** Same as `substring`: `len` characters from 1-based position `pos` (to the end without `len`). */
export function substr(str: ColumnOrName, pos: number | Column, len?: number | Column): Column {
  return len === undefined ? call('substr', arg(str), numberOrColumn(pos)) : call('substr', arg(str), numberOrColumn(pos), numberOrColumn(len));
}
/** Replaces every match of a Java regex; the replacement may use `$1`. (Spark names the result with the default position 1.) */
export function regexp_replace(string: ColumnOrName, pattern: string | Column, replacement: string | Column): Column {
  return call('regexp_replace', arg(string), textOrColumn(pattern), textOrColumn(replacement), literalExpr(1));
}
/** Group `idx` of the first match of a Java regex ('' when nothing matches). */
export function regexp_extract(str: ColumnOrName, pattern: string, idx: number): Column {
  return call('regexp_extract', arg(str), literalExpr(pattern), literalExpr(idx));
}
/** 1-based position of the first occurrence of `substr`, 0 when absent. */
export function instr(str: ColumnOrName, substr: string | Column): Column { return call('instr', arg(str), textOrColumn(substr)); }
/** Left-pads to `len` characters with `pad` (or truncates to `len`). */
export function lpad(c: ColumnOrName, len: number | Column, pad: string | Column): Column {
  return call('lpad', arg(c), numberOrColumn(len), textOrColumn(pad));
}
/** The string right-padded with `pad` to `len` characters (cut when longer). */
export function rpad(c: ColumnOrName, len: number | Column, pad: string | Column): Column {
  return call('rpad', arg(c), numberOrColumn(len), textOrColumn(pad));
}

// ---- arrays, maps and structs ----

/** Number of elements of an array or map; -1 for null. */
export function size(c: ColumnOrName): Column { return call('size', arg(c)); }
/** The number of elements of an array or map. */
export function cardinality(c: ColumnOrName): Column { return call('cardinality', arg(c)); }
/** An array of the given columns' values. */
export function array(...cols: (ColumnOrName | readonly ColumnOrName[])[]): Column { return call('array', ...columnList(cols)); }
/** Whether the array contains `value` (a literal or a Column). */
export function array_contains(c: ColumnOrName, value: ColumnOrValue): Column { return call('array_contains', arg(c), toExpr(value)); }
/**
 * A struct of the given columns, fields named after them (`struct('a', 'b')` is `struct<a, b>`); an
 * aliased column names its field (`struct(col('a').alias('x'))`).
 */
export function struct(...cols: (ColumnOrName | readonly ColumnOrName[])[]): Column {
  const args = columnList(cols);
  if (!args.some((a) => a.kind === 'alias')) return call('struct', ...args);
  // Aliases are dropped when an expression is resolved, so aliased fields are passed by name.
  return call('named_struct', ...args.flatMap((a, i): Expr[] => [
    literalExpr(a.kind === 'alias' ? a.name : a.kind === 'column' ? (a.nameParts?.at(-1) ?? a.name.split('.').at(-1)!) : `col${i + 1}`),
    a.kind === 'alias' ? a.child : a,
  ]));
}
/** `element_at(array, index)` (1-based, negative from the end) or `element_at(map, key)`. */
export function element_at(c: ColumnOrName, extraction: ColumnOrValue): Column { return call('element_at', arg(c), toExpr(extraction)); }
/** A map from key, value, key, value, ... columns. */
export function create_map(...cols: (ColumnOrName | readonly ColumnOrName[])[]): Column { return call('map', ...columnList(cols)); }

// ---- JSON ----

/** The value at a JSONPath (`$.a.b[0]`) of a JSON string, as a string. */
export function get_json_object(c: ColumnOrName, path: string): Column { return call('get_json_object', arg(c), literalExpr(path)); }
/**
 * Parses a JSON string column with a schema: a DDL string (`'a INT, b STRING'`, `'array<int>'`), a
 * StructType or a DataType. Options: `mode` (PERMISSIVE, FAILFAST), `timestampFormat`, `dateFormat`.
 */
export function from_json(c: ColumnOrName, schema: string | StructType | DataType, options?: Readonly<Record<string, string>> | ReadonlyMap<string, string>): Column {
  const ddl = typeof schema === 'string' ? schema : typeToDDL(schema instanceof StructType ? schema.toDataType() : schema);
  const args: Expr[] = [arg(c), literalExpr(ddl)];
  if (options !== undefined) args.push(optionsExpr(options));
  return new Column({ kind: 'call', name: 'from_json', args });
}
/** A struct, array or map column as JSON text. Options: `timestampFormat`, `dateFormat`, `ignoreNullFields`. */
export function to_json(c: ColumnOrName, options?: Readonly<Record<string, string>> | ReadonlyMap<string, string>): Column {
  return options === undefined ? call('to_json', arg(c)) : call('to_json', arg(c), optionsExpr(options));
}

// ---- date and time ----

/** `to_timestamp(col)` casts; `to_timestamp(col, fmt)` parses with a datetime pattern. */
export function to_timestamp(c: ColumnOrName, format?: string): Column {
  return format === undefined ? call('to_timestamp', arg(c)) : call('to_timestamp', arg(c), literalExpr(format));
}
/** `to_date(col)` casts; `to_date(col, fmt)` parses with a datetime pattern. */
export function to_date(c: ColumnOrName, format?: string): Column {
  return format === undefined ? call('to_date', arg(c)) : call('to_date', arg(c), literalExpr(format));
}
/** Seconds since the epoch as text in the session time zone. */
export function from_unixtime(timestamp: ColumnOrName, format = 'yyyy-MM-dd HH:mm:ss'): Column {
  return call('from_unixtime', arg(timestamp), literalExpr(format));
}
/** Seconds since the epoch: of the batch time (no argument), of a timestamp or date, or of text in `format`. */
export function unix_timestamp(timestamp?: ColumnOrName, format = 'yyyy-MM-dd HH:mm:ss'): Column {
  return timestamp === undefined ? call('unix_timestamp') : call('unix_timestamp', arg(timestamp), literalExpr(format));
}
/** The batch's timestamp (stable when a batch is replayed). */
export function current_timestamp(): Column { return call('current_timestamp'); }
/** Same as `current_timestamp`: the batch's timestamp. */
export function now(): Column { return call('now'); }
/** The batch timestamp's date in the session time zone. */
export function current_date(): Column { return call('current_date'); }
/** A timestamp as text with a datetime pattern (`yyyy-MM-dd HH:mm`, `EEE`, ...). */
export function date_format(date: ColumnOrName, format: string): Column { return call('date_format', arg(date), literalExpr(format)); }
/** The year of a date or timestamp. */
export function year(c: ColumnOrName): Column { return call('year', arg(c)); }
/** The quarter (1-4) of a date or timestamp. */
export function quarter(c: ColumnOrName): Column { return call('quarter', arg(c)); }
/** The month (1-12) of a date or timestamp. */
export function month(c: ColumnOrName): Column { return call('month', arg(c)); }
/** The day of the month (1-31) of a date or timestamp. */
export function dayofmonth(c: ColumnOrName): Column { return call('dayofmonth', arg(c)); }
/** Same as `dayofmonth`. */
export function day(c: ColumnOrName): Column { return call('day', arg(c)); }
/** 1 = Sunday ... 7 = Saturday. */
export function dayofweek(c: ColumnOrName): Column { return call('dayofweek', arg(c)); }
/** The day of the year (1-366) of a date or timestamp. */
export function dayofyear(c: ColumnOrName): Column { return call('dayofyear', arg(c)); }
/** The hour (0-23) of a timestamp, in the session time zone. */
export function hour(c: ColumnOrName): Column { return call('hour', arg(c)); }
/** The minute (0-59) of a timestamp. */
export function minute(c: ColumnOrName): Column { return call('minute', arg(c)); }
/** The second (0-59) of a timestamp. */
export function second(c: ColumnOrName): Column { return call('second', arg(c)); }
/** A date `days` later (days: a number or a column). */
export function date_add(start: ColumnOrName, days: ColumnOrName | number): Column { return call('date_add', arg(start), nameOrNumber(days)); }
/** The date `days` days before `start`. */
export function date_sub(start: ColumnOrName, days: ColumnOrName | number): Column { return call('date_sub', arg(start), nameOrNumber(days)); }
/** Days from start to end. */
export function datediff(end: ColumnOrName, start: ColumnOrName): Column { return call('datediff', arg(end), arg(start)); }

// ---- math ----
// Spark names some results in upper case (`SQRT(x)`, `POWER(a, b)`); the call names keep that spelling.

/** HALF_UP rounding to `scale` decimal places. */
export function round(c: ColumnOrName, scale = 0): Column { return call('round', arg(c), literalExpr(scale)); }
/** The absolute value. */
export function abs(c: ColumnOrName): Column { return call('abs', arg(c)); }
/** The largest integer not greater than the value (a long). */
export function floor(c: ColumnOrName): Column { return call('FLOOR', arg(c)); }
/** The smallest integer not less than the value (a long). */
export function ceil(c: ColumnOrName): Column { return call('CEIL', arg(c)); }
/** Same as `ceil`. */
export function ceiling(c: ColumnOrName): Column { return call('ceiling', arg(c)); }
/** The square root (NaN for negative values, as in Spark). */
export function sqrt(c: ColumnOrName): Column { return call('SQRT', arg(c)); }
/** e raised to the value. */
export function exp(c: ColumnOrName): Column { return call('EXP', arg(c)); }
/** `log(x)`: natural logarithm; `log(base, x)`: logarithm in `base`. Null for x <= 0. */
export function log(arg1: ColumnOrName | number, arg2?: ColumnOrName): Column {
  return arg2 === undefined ? call('ln', nameOrNumber(arg1)) : call('LOG', nameOrNumber(arg1), arg(arg2));
}
/** The natural logarithm (null for values <= 0). */
export function ln(c: ColumnOrName): Column { return call('ln', arg(c)); }
/** The base-10 logarithm (null for values <= 0). */
export function log10(c: ColumnOrName): Column { return call('LOG10', arg(c)); }
/** The base-2 logarithm (null for values <= 0). */
export function log2(c: ColumnOrName): Column { return call('LOG2', arg(c)); }
/** `col1` to the power `col2` (either a column or a number). */
export function pow(col1: ColumnOrName | number, col2: ColumnOrName | number): Column { return call('POWER', nameOrNumber(col1), nameOrNumber(col2)); }
/** Same as `pow`. */
export const power = pow;
/** The largest non-null value of the arguments. */
export function greatest(...cols: ColumnOrName[]): Column { return call('greatest', ...cols.map(arg)); }
/** The smallest non-null value of the arguments. */
export function least(...cols: ColumnOrName[]): Column { return call('least', ...cols.map(arg)); }

function generator(fn: GeneratorFn, c: ColumnOrName): Column {
  return new Column({ kind: 'generator', fn, child: arg(c) });
}

/**
 * One output row per element of an array (or key/value of a map); null or empty inputs give no row.
 *
 * @example
 * ```ts
 * invoices.select(col('id'), explode(col('items')).alias('item'));
 * ```
 */
export function explode(c: ColumnOrName): Column { return generator('explode', c); }
/** As `explode`, but a null or empty input gives one row with null. */
export function explode_outer(c: ColumnOrName): Column { return generator('explode_outer', c); }
/** As `explode`, with the element's 0-based position in a `pos` column. */
export function posexplode(c: ColumnOrName): Column { return generator('posexplode', c); }
/** As `posexplode`, but a null or empty input gives one row with nulls. */
export function posexplode_outer(c: ColumnOrName): Column { return generator('posexplode_outer', c); }

function aggregate(fn: string, c: ColumnOrName, distinct = false): Column {
  if (fn === 'count' && c === '*') return new Column({ kind: 'aggregate', fn, args: [], distinct: false, star: true });
  return new Column({ kind: 'aggregate', fn, args: [arg(c)], distinct });
}

/** `count('*')` counts rows; `count(col)` counts non-null values. */
export function count(c: ColumnOrName): Column { return aggregate('count', c); }
/** The number of distinct non-null values (of the combination of the columns). */
export function countDistinct(c: ColumnOrName, ...more: ColumnOrName[]): Column {
  return new Column({ kind: 'aggregate', fn: 'count', args: [c, ...more].map(arg), distinct: true });
}
/** Same as `countDistinct`. */
export const count_distinct = countDistinct;
/** The sum of the values in a group (null when all are null). */
export function sum(c: ColumnOrName): Column { return aggregate('sum', c); }
/** The sum of the distinct values in a group. */
export function sumDistinct(c: ColumnOrName): Column { return aggregate('sum', c, true); }
/** The average of the values in a group (a double). */
export function avg(c: ColumnOrName): Column { return aggregate('avg', c); }
/** PySpark's `mean` is `avg`, and its result is named `avg(x)`. */
export function mean(c: ColumnOrName): Column { return aggregate('avg', c); }
/** The smallest value in a group. */
export function min(c: ColumnOrName): Column { return aggregate('min', c); }
/** The largest value in a group. */
export function max(c: ColumnOrName): Column { return aggregate('max', c); }

/** `first(col, ignorenulls = false)`: the first value of each group in arrival order (null included unless ignorenulls). */
export function first(c: ColumnOrName, ignorenulls = false): Column {
  return new Column({ kind: 'aggregate', fn: 'first', args: ignorenulls ? [arg(c), literalExpr(true)] : [arg(c)], distinct: false });
}
/** `last(col, ignorenulls = false)`: the last value of each group in arrival order. */
export function last(c: ColumnOrName, ignorenulls = false): Column {
  return new Column({ kind: 'aggregate', fn: 'last', args: ignorenulls ? [arg(c), literalExpr(true)] : [arg(c)], distinct: false });
}
/** The non-null values of each group, in arrival order. */
export function collect_list(c: ColumnOrName): Column { return aggregate('collect_list', c); }
/** The distinct non-null values of each group (first-seen order; Spark leaves the order unspecified). */
export function collect_set(c: ColumnOrName): Column { return aggregate('collect_set', c); }
/** Estimated number of distinct values (HyperLogLog++), within `rsd` relative standard deviation (default 0.05). */
export function approx_count_distinct(c: ColumnOrName, rsd?: number): Column {
  return new Column({ kind: 'aggregate', fn: 'approx_count_distinct', args: rsd === undefined ? [arg(c)] : [arg(c), literalExpr(rsd)], distinct: false });
}
/** Same as `approx_count_distinct`. */
export const approxCountDistinct = approx_count_distinct;
/** Sample standard deviation (null for fewer than two values). */
export function stddev(c: ColumnOrName): Column { return aggregate('stddev', c); }
/** The sample standard deviation of a group (null for fewer than two values). */
export function stddev_samp(c: ColumnOrName): Column { return aggregate('stddev_samp', c); }
/** Population standard deviation. */
export function stddev_pop(c: ColumnOrName): Column { return aggregate('stddev_pop', c); }
/** Sample variance (null for fewer than two values). */
export function variance(c: ColumnOrName): Column { return aggregate('variance', c); }
/** The sample variance of a group (null for fewer than two values). */
export function var_samp(c: ColumnOrName): Column { return aggregate('var_samp', c); }
/** Population variance. */
export function var_pop(c: ColumnOrName): Column { return aggregate('var_pop', c); }

/** Ascending sort order of a column by name. */
export function asc(c: string): Column { return col(c).asc(); }
/** Descending sort order of a column by name. */
export function desc(c: string): Column { return col(c).desc(); }
