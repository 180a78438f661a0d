import { Column, literalExpr, nameOrColumn, toExpr, type ColumnOrValue } from '../dataframe/column.ts';
import type { Expr, GeneratorFn } from '../expr/expression.ts';
import { parseNamedExpression } from '../expr/parser/parse-expression.ts';
import type { DataType } from '../types/data-type.ts';
import { STRING, mapOf } from '../types/data-type.ts';
import { StructType } from '../types/schema.ts';
import { typeToDDL } from './json-schema.ts';

/**
 * The function library as PySpark's `pyspark.sql.functions`: `col`, `lit`, `expr`, string functions,
 * generators and aggregates. Arguments that name columns accept a column name or a Column.
 *
 * @example
 * ```ts
 * import { col, upper, type ColumnOrName } from 'caudal';
 * // A helper that, like PySpark's functions, takes a column name or a Column.
 * const normalized = (c: ColumnOrName) => upper(c);
 * df.select(normalized('country'), normalized(col('city')));
 * ```
 */
export type ColumnOrName = Column | string;

/**
 * A column by name (`col('value')`, `col('t.a')` for a qualified or nested name).
 *
 * @example
 * ```ts
 * import { col } from 'caudal';
 * lines.where(col('value').isNotNull()).select(col('value').alias('line'));
 * ```
 */
export function col(name: string): Column {
  return new Column(nameOrColumn(name));
}

/**
 * Same as `col`.
 *
 * @example
 * ```ts
 * import { column } from 'caudal';
 * df.select(column('name'), column('address.city'));
 * // PySpark: df.select(F.column("name"), F.column("address.city"))
 * ```
 */
export const column = col;

/**
 * A literal value as a column (a Column is returned as it is).
 *
 * @example
 * ```ts
 * import { col, lit } from 'caudal';
 * df.withColumn('source', lit('web')).withColumn('total', col('price').multiply(lit(1.21)));
 * // PySpark: df.withColumn("source", F.lit("web")).withColumn("total", F.col("price") * F.lit(1.21))
 * ```
 */
export function lit(value: ColumnOrValue): Column {
  return value instanceof Column ? value : new Column(literalExpr(value));
}

/**
 * A Spark SQL expression string: `expr("CAST(value AS STRING)")`, `expr("explode(split(value, ' '))")`.
 *
 * @example
 * ```ts
 * import { expr } from 'caudal';
 * lines.select(expr("explode(split(value, ' '))").alias('word'));
 * df.where(expr("amount > 100 AND country IN ('ES', 'PT')"));
 * // PySpark: lines.select(F.expr("explode(split(value, ' '))").alias("word"))
 * ```
 */
export function expr(text: string): Column {
  // As Spark's functions.expr: the text may carry an alias (`expr("count(*) AS n")`).
  return new Column(parseNamedExpression(text));
}

function arg(c: ColumnOrName): Expr {
  return nameOrColumn(c);
}

/**
 * Calls a scalar function of the registry by name (the generic form behind the named helpers).
 *
 * @example
 * ```ts
 * import { callFunction, lit } from 'caudal';
 * df.select(callFunction('date_format', 'timestamp', lit('yyyy-MM-dd')).alias('day'));
 * // PySpark: df.select(F.call_function("date_format", "timestamp", F.lit("yyyy-MM-dd")).alias("day"))
 * ```
 */
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

/**
 * `when(cond, value)`: a CASE expression; chain `.when(cond, value)` and finish with `.otherwise(value)`. Plain values are literals.
 *
 * @example
 * ```ts
 * import { col, when } from 'caudal';
 * df.select(col('amount'), when(col('amount').gt(1000), 'large').when(col('amount').gt(100), 'medium').otherwise('small').alias('size'));
 * // PySpark: F.when(F.col("amount") > 1000, "large").when(F.col("amount") > 100, "medium").otherwise("small")
 * ```
 */
export function when(condition: Column, value: ColumnOrValue): Column {
  return new Column({ kind: 'caseWhen', branches: [[condition.expr, toExpr(value)]], otherwise: null });
}

/**
 * The first non-null argument.
 *
 * @example
 * ```ts
 * import { coalesce, col, lit } from 'caudal';
 * df.select(coalesce(col('nickname'), col('name'), lit('anonymous')).alias('display_name'));
 * // PySpark: df.select(F.coalesce("nickname", "name", F.lit("anonymous")).alias("display_name"))
 * ```
 */
export function coalesce(...cols: ColumnOrName[]): Column { return call('coalesce', ...cols.map(arg)); }
/**
 * True where the value is null (the same expression as `col.isNull()`).
 *
 * @example
 * ```ts
 * import { isnull } from 'caudal';
 * df.where(isnull('email'));
 * // PySpark: df.where(F.isnull("email"))
 * ```
 */
export function isnull(c: ColumnOrName): Column { return new Column({ kind: 'unary', op: 'isNull', child: arg(c) }); }
/**
 * True where the value is NaN (false for null).
 *
 * @example
 * ```ts
 * import { col, isnan } from 'caudal';
 * df.where(isnan('temperature').or(col('temperature').isNull()));
 * // PySpark: df.where(F.isnan("temperature") | F.col("temperature").isNull())
 * ```
 */
export function isnan(c: ColumnOrName): Column { return call('isnan', arg(c)); }
/**
 * `nvl(a, b)`: b where a is null.
 *
 * @example
 * ```ts
 * import { lit, nvl } from 'caudal';
 * df.select(nvl('discount', lit(0)).alias('discount'));
 * // PySpark: df.select(F.nvl("discount", F.lit(0)).alias("discount"))
 * ```
 */
export function nvl(col1: ColumnOrName, col2: ColumnOrName): Column { return call('nvl', arg(col1), arg(col2)); }
/**
 * `col2` where `col1` is null, else `col1`.
 *
 * @example
 * ```ts
 * import { ifnull } from 'caudal';
 * df.select(ifnull('shipping_address', 'billing_address').alias('address'));
 * // PySpark: df.select(F.ifnull("shipping_address", "billing_address").alias("address"))
 * ```
 */
export function ifnull(col1: ColumnOrName, col2: ColumnOrName): Column { return call('ifnull', arg(col1), arg(col2)); }
/**
 * `col2` where `col1` is not null, else `col3`.
 *
 * @example
 * ```ts
 * import { lit, nvl2 } from 'caudal';
 * df.select(nvl2('email', lit('contactable'), lit('no email')).alias('status'));
 * // PySpark: df.select(F.nvl2("email", F.lit("contactable"), F.lit("no email")).alias("status"))
 * ```
 */
export function nvl2(col1: ColumnOrName, col2: ColumnOrName, col3: ColumnOrName): Column { return call('nvl2', arg(col1), arg(col2), arg(col3)); }
/**
 * Null where `col1` equals `col2`, else `col1`.
 *
 * @example
 * ```ts
 * import { lit, nullif } from 'caudal';
 * df.select(nullif('country', lit('unknown')).alias('country'));
 * // PySpark: df.select(F.nullif("country", F.lit("unknown")).alias("country"))
 * ```
 */
export function nullif(col1: ColumnOrName, col2: ColumnOrName): Column { return call('nullif', arg(col1), arg(col2)); }

// ---- strings ----

/**
 * The string in lower case.
 *
 * @example
 * ```ts
 * import { col, lower } from 'caudal';
 * df.select(lower(col('email')).alias('email'));
 * // PySpark: df.select(F.lower(F.col("email")).alias("email"))
 * ```
 */
export function lower(c: ColumnOrName): Column { return call('lower', arg(c)); }
/**
 * The string in upper case.
 *
 * @example
 * ```ts
 * import { upper } from 'caudal';
 * df.select(upper('country').alias('country'));
 * // PySpark: df.select(F.upper("country").alias("country"))
 * ```
 */
export function upper(c: ColumnOrName): Column { return call('upper', arg(c)); }

/**
 * `split(str, pattern, limit = -1)`: the pattern is a regular expression, as in Spark.
 *
 * @example
 * ```ts
 * import { col, explode, split } from 'caudal';
 * lines.select(explode(split(col('value'), ' ')).alias('word'));
 * ```
 */
export function split(c: ColumnOrName, pattern: string, limit?: number): Column {
  const args: Expr[] = [arg(c), literalExpr(pattern)];
  if (limit !== undefined) args.push(literalExpr(limit));
  return new Column({ kind: 'call', name: 'split', args });
}

/**
 * Concatenates strings (or arrays); null if any argument is null.
 *
 * @example
 * ```ts
 * import { concat, lit } from 'caudal';
 * df.select(concat('first_name', lit(' '), 'last_name').alias('full_name'));
 * // PySpark: df.select(F.concat("first_name", F.lit(" "), "last_name").alias("full_name"))
 * ```
 */
export function concat(...cols: ColumnOrName[]): Column { return call('concat', ...cols.map(arg)); }
/**
 * Joins the non-null strings (and string-array elements) with `sep`.
 *
 * @example
 * ```ts
 * import { concat_ws } from 'caudal';
 * df.select(concat_ws(', ', 'street', 'city', 'country').alias('address'));
 * // PySpark: df.select(F.concat_ws(", ", "street", "city", "country").alias("address"))
 * ```
 */
export function concat_ws(sep: string, ...cols: ColumnOrName[]): Column { return call('concat_ws', literalExpr(sep), ...cols.map(arg)); }
/**
 * Removes spaces (or the characters of `trimChars`) from both ends.
 *
 * @example
 * ```ts
 * import { trim } from 'caudal';
 * df.select(trim('name').alias('name'), trim('code', '#').alias('code'));
 * // PySpark: df.select(F.trim("name").alias("name"), F.trim("code", "#").alias("code"))
 * ```
 */
export function trim(c: ColumnOrName, trimChars?: string | Column): Column {
  // Spark's SQL order is trim(trimStr, str), named TRIM(BOTH trimStr FROM str).
  return trimChars === undefined ? call('trim', arg(c)) : call('trim', textOrColumn(trimChars), arg(c));
}
/**
 * The string without leading spaces (or leading `trimChars`).
 *
 * @example
 * ```ts
 * import { ltrim } from 'caudal';
 * df.select(ltrim('line').alias('line'), ltrim('id', '0').alias('id'));
 * // PySpark: df.select(F.ltrim("line").alias("line"), F.ltrim("id", "0").alias("id"))
 * ```
 */
export function ltrim(c: ColumnOrName, trimChars?: string | Column): Column {
  return trimChars === undefined ? call('ltrim', arg(c)) : call('ltrim', textOrColumn(trimChars), arg(c));
}
/**
 * The string without trailing spaces (or trailing `trimChars`).
 *
 * @example
 * ```ts
 * import { rtrim } from 'caudal';
 * df.select(rtrim('line').alias('line'), rtrim('path', '/').alias('path'));
 * // PySpark: df.select(F.rtrim("line").alias("line"), F.rtrim("path", "/").alias("path"))
 * ```
 */
export function rtrim(c: ColumnOrName, trimChars?: string | Column): Column {
  return trimChars === undefined ? call('rtrim', arg(c)) : call('rtrim', textOrColumn(trimChars), arg(c));
}
/**
 * Removes spaces (or the characters of `trimChars`) from both ends, as `trim`; Spark names it `btrim(str, chars)`.
 *
 * @example
 * ```ts
 * import { btrim } from 'caudal';
 * df.select(btrim('code', '#-').alias('code'));
 * // PySpark: df.select(F.btrim("code", F.lit("#-")).alias("code"))
 * ```
 */
export function btrim(c: ColumnOrName, trimChars?: string | Column): Column {
  return trimChars === undefined ? call('btrim', arg(c)) : call('btrim', arg(c), textOrColumn(trimChars));
}
/**
 * Characters in a string, bytes in a binary value.
 *
 * @example
 * ```ts
 * import { col, length } from 'caudal';
 * lines.where(length('value').gt(0)).select(col('value'), length('value').alias('chars'));
 * // PySpark: lines.where(F.length("value") > 0).select("value", F.length("value").alias("chars"))
 * ```
 */
export function length(c: ColumnOrName): Column { return call('length', arg(c)); }
/**
 * The number of characters of a string (bytes of a binary).
 *
 * @example
 * ```ts
 * import { char_length } from 'caudal';
 * df.select(char_length('comment').alias('chars'));
 * // PySpark: df.select(F.char_length("comment").alias("chars"))
 * ```
 */
export function char_length(c: ColumnOrName): Column { return call('char_length', arg(c)); }
/**
 * Same as `char_length`.
 *
 * @example
 * ```ts
 * import { character_length } from 'caudal';
 * df.select(character_length('comment').alias('chars'));
 * // PySpark: df.select(F.character_length("comment").alias("chars"))
 * ```
 */
export function character_length(c: ColumnOrName): Column { return call('character_length', arg(c)); }
/**
 * `substring(str, pos, len)`: 1-based; a negative pos counts from the end.
 *
 * @example
 * ```ts
 * import { substring } from 'caudal';
 * df.select(substring('iban', 1, 4).alias('country_and_check'), substring('card', -4, 4).alias('last4'));
 * // PySpark: df.select(F.substring("iban", 1, 4), F.substring("card", -4, 4))
 * ```
 */
export function substring(str: ColumnOrName, pos: number | Column, len: number | Column): Column {
  return call('substring', arg(str), numberOrColumn(pos), numberOrColumn(len));
}
/**
 * Same as `substring`: `len` characters from 1-based position `pos` (to the end without `len`).
 *
 * @example
 * ```ts
 * import { substr } from 'caudal';
 * df.select(substr('sku', 1, 3).alias('family'), substr('sku', 4).alias('variant'));
 * // PySpark: df.select(F.substr("sku", F.lit(1), F.lit(3)).alias("family"), F.substr("sku", F.lit(4)).alias("variant"))
 * ```
 */
export function substr(str: ColumnOrName, pos: number | Column, len?: number | Column): Column {
  return len === undefined ? call('substr', arg(str), numberOrColumn(pos)) : call('substr', arg(str), numberOrColumn(pos), numberOrColumn(len));
}
/**
 * Replaces every match of a Java regex; the replacement may use `$1`. (Spark names the result with the default position 1.)
 *
 * @example
 * ```ts
 * import { regexp_replace } from 'caudal';
 * df.select(regexp_replace('phone', '[^0-9]', '').alias('digits'));
 * // PySpark: df.select(F.regexp_replace("phone", r"[^0-9]", "").alias("digits"))
 * ```
 */
export function regexp_replace(string: ColumnOrName, pattern: string | Column, replacement: string | Column): Column {
  return call('regexp_replace', arg(string), textOrColumn(pattern), textOrColumn(replacement), literalExpr(1));
}
/**
 * Group `idx` of the first match of a Java regex ('' when nothing matches).
 *
 * @example
 * ```ts
 * import { regexp_extract } from 'caudal';
 * df.select(regexp_extract('url', 'https?://([^/]+)', 1).alias('host'));
 * // PySpark: df.select(F.regexp_extract("url", r"https?://([^/]+)", 1).alias("host"))
 * ```
 */
export function regexp_extract(str: ColumnOrName, pattern: string, idx: number): Column {
  return call('regexp_extract', arg(str), literalExpr(pattern), literalExpr(idx));
}
/**
 * 1-based position of the first occurrence of `substr`, 0 when absent.
 *
 * @example
 * ```ts
 * import { instr } from 'caudal';
 * df.select(instr('email', '@').alias('at'));
 * // PySpark: df.select(F.instr("email", "@").alias("at"))
 * ```
 */
export function instr(str: ColumnOrName, substr: string | Column): Column { return call('instr', arg(str), textOrColumn(substr)); }
/**
 * Left-pads to `len` characters with `pad` (or truncates to `len`).
 *
 * @example
 * ```ts
 * import { lpad } from 'caudal';
 * df.select(lpad('order_id', 8, '0').alias('order_id'));
 * // PySpark: df.select(F.lpad("order_id", 8, "0").alias("order_id"))
 * ```
 */
export function lpad(c: ColumnOrName, len: number | Column, pad: string | Column): Column {
  return call('lpad', arg(c), numberOrColumn(len), textOrColumn(pad));
}
/**
 * The string right-padded with `pad` to `len` characters (cut when longer).
 *
 * @example
 * ```ts
 * import { rpad } from 'caudal';
 * df.select(rpad('code', 6, '.').alias('code'));
 * // PySpark: df.select(F.rpad("code", 6, ".").alias("code"))
 * ```
 */
export function rpad(c: ColumnOrName, len: number | Column, pad: string | Column): Column {
  return call('rpad', arg(c), numberOrColumn(len), textOrColumn(pad));
}

// ---- arrays, maps and structs ----

/**
 * Number of elements of an array or map; -1 for null.
 *
 * @example
 * ```ts
 * import { col, size } from 'caudal';
 * invoices.where(size('items').gt(0)).select(col('id'), size('items').alias('lines'));
 * // PySpark: invoices.where(F.size("items") > 0).select("id", F.size("items").alias("lines"))
 * ```
 */
export function size(c: ColumnOrName): Column { return call('size', arg(c)); }
/**
 * The number of elements of an array or map.
 *
 * @example
 * ```ts
 * import { cardinality } from 'caudal';
 * df.select(cardinality('tags').alias('n_tags'));
 * // PySpark: df.select(F.cardinality("tags").alias("n_tags"))
 * ```
 */
export function cardinality(c: ColumnOrName): Column { return call('cardinality', arg(c)); }
/**
 * An array of the given columns' values.
 *
 * @example
 * ```ts
 * import { array } from 'caudal';
 * df.select(array('home_phone', 'work_phone').alias('phones'));
 * // PySpark: df.select(F.array("home_phone", "work_phone").alias("phones"))
 * ```
 */
export function array(...cols: (ColumnOrName | readonly ColumnOrName[])[]): Column { return call('array', ...columnList(cols)); }
/**
 * Whether the array contains `value` (a literal or a Column).
 *
 * @example
 * ```ts
 * import { array_contains } from 'caudal';
 * df.where(array_contains('tags', 'urgent'));
 * // PySpark: df.where(F.array_contains("tags", "urgent"))
 * ```
 */
export function array_contains(c: ColumnOrName, value: ColumnOrValue): Column { return call('array_contains', arg(c), toExpr(value)); }
/**
 * A struct of the given columns, fields named after them (`struct('a', 'b')` is `struct<a, b>`); an
 * aliased column names its field (`struct(col('a').alias('x'))`).
 *
 * @example
 * ```ts
 * import { col, struct, to_json } from 'caudal';
 * df.select(col('id'), to_json(struct('street', 'city', col('zip').alias('postcode'))).alias('address'));
 * // PySpark: df.select("id", F.to_json(F.struct("street", "city", F.col("zip").alias("postcode"))).alias("address"))
 * ```
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
/**
 * `element_at(array, index)` (1-based, negative from the end) or `element_at(map, key)`.
 *
 * @example
 * ```ts
 * import { element_at } from 'caudal';
 * df.select(element_at('items', 1).alias('first_item'), element_at('attributes', 'color').alias('color'));
 * // PySpark: df.select(F.element_at("items", 1), F.element_at("attributes", F.lit("color")))
 * ```
 */
export function element_at(c: ColumnOrName, extraction: ColumnOrValue): Column { return call('element_at', arg(c), toExpr(extraction)); }
/**
 * A map from key, value, key, value, ... columns.
 *
 * @example
 * ```ts
 * import { create_map, lit } from 'caudal';
 * df.select(create_map(lit('min'), 'min_temp', lit('max'), 'max_temp').alias('range'));
 * // PySpark: df.select(F.create_map(F.lit("min"), "min_temp", F.lit("max"), "max_temp").alias("range"))
 * ```
 */
export function create_map(...cols: (ColumnOrName | readonly ColumnOrName[])[]): Column { return call('map', ...columnList(cols)); }
/**
 * The array sorted ascending (nulls first) or descending (nulls last), in Spark's order: NaN above every
 * number, strings by code point, arrays and structs element by element.
 *
 * @example
 * ```ts
 * import { sort_array } from 'caudal';
 * df.select(sort_array('tags').alias('tags'), sort_array('scores', false).alias('best_first'));
 * // PySpark: df.select(F.sort_array("tags").alias("tags"), F.sort_array("scores", asc=False).alias("best_first"))
 * ```
 */
export function sort_array(c: ColumnOrName, asc = true): Column { return call('sort_array', arg(c), literalExpr(asc)); }
/**
 * The array sorted ascending with nulls last (a comparator function is not supported).
 *
 * @example
 * ```ts
 * import { array_sort } from 'caudal';
 * df.select(array_sort('readings').alias('readings'));
 * // PySpark: df.select(F.array_sort("readings").alias("readings"))
 * ```
 */
export function array_sort(c: ColumnOrName): Column { return call('array_sort', arg(c)); }

// ---- JSON ----

/**
 * The value at a JSONPath (`$.a.b[0]`) of a JSON string, as a string.
 *
 * @example
 * ```ts
 * import { col, get_json_object } from 'caudal';
 * lines.select(get_json_object(col('value'), '$.user.id').alias('user_id'));
 * // PySpark: lines.select(F.get_json_object(F.col("value"), "$.user.id").alias("user_id"))
 * ```
 */
export function get_json_object(c: ColumnOrName, path: string): Column { return call('get_json_object', arg(c), literalExpr(path)); }
/**
 * Parses a JSON string column with a schema: a DDL string (`'a INT, b STRING'`, `'array<int>'`), a
 * StructType or a DataType. Options: `mode` (PERMISSIVE, FAILFAST), `timestampFormat`, `dateFormat`.
 *
 * @example
 * ```ts
 * import { col, from_json } from 'caudal';
 * const events = lines
 *   .select(from_json(col('value'), 'device STRING, temp DOUBLE, ts TIMESTAMP', { mode: 'FAILFAST' }).alias('e'))
 *   .select('e.device', 'e.temp', 'e.ts');
 * // PySpark: lines.select(F.from_json(F.col("value"), "device STRING, temp DOUBLE, ts TIMESTAMP", {"mode": "FAILFAST"}).alias("e"))
 * ```
 */
export function from_json(c: ColumnOrName, schema: string | StructType | DataType, options?: Readonly<Record<string, string>> | ReadonlyMap<string, string>): Column {
  const ddl = typeof schema === 'string' ? schema : typeToDDL(schema instanceof StructType ? schema.toDataType() : schema);
  const args: Expr[] = [arg(c), literalExpr(ddl)];
  if (options !== undefined) args.push(optionsExpr(options));
  return new Column({ kind: 'call', name: 'from_json', args });
}
/**
 * A struct, array or map column as JSON text. Options: `timestampFormat`, `dateFormat`, `ignoreNullFields`.
 *
 * @example
 * ```ts
 * import { col, struct, to_json } from 'caudal';
 * counts.select(col('word').alias('key'), to_json(struct('word', 'count')).alias('value'));
 * // PySpark: counts.select(F.col("word").alias("key"), F.to_json(F.struct("word", "count")).alias("value"))
 * ```
 */
export function to_json(c: ColumnOrName, options?: Readonly<Record<string, string>> | ReadonlyMap<string, string>): Column {
  return options === undefined ? call('to_json', arg(c)) : call('to_json', arg(c), optionsExpr(options));
}

// ---- date and time ----

/**
 * `to_timestamp(col)` casts; `to_timestamp(col, fmt)` parses with a datetime pattern.
 *
 * @example
 * ```ts
 * import { to_timestamp } from 'caudal';
 * df.select(to_timestamp('created_at').alias('created'), to_timestamp('logged', 'dd/MM/yyyy HH:mm:ss').alias('logged'));
 * // PySpark: df.select(F.to_timestamp("created_at"), F.to_timestamp("logged", "dd/MM/yyyy HH:mm:ss"))
 * ```
 */
export function to_timestamp(c: ColumnOrName, format?: string): Column {
  return format === undefined ? call('to_timestamp', arg(c)) : call('to_timestamp', arg(c), literalExpr(format));
}
/**
 * `to_date(col)` casts; `to_date(col, fmt)` parses with a datetime pattern.
 *
 * @example
 * ```ts
 * import { to_date } from 'caudal';
 * df.select(to_date('timestamp').alias('day'), to_date('birthday', 'dd/MM/yyyy').alias('birthday'));
 * // PySpark: df.select(F.to_date("timestamp").alias("day"), F.to_date("birthday", "dd/MM/yyyy").alias("birthday"))
 * ```
 */
export function to_date(c: ColumnOrName, format?: string): Column {
  return format === undefined ? call('to_date', arg(c)) : call('to_date', arg(c), literalExpr(format));
}
/**
 * Seconds since the epoch as text in the session time zone.
 *
 * @example
 * ```ts
 * import { from_unixtime } from 'caudal';
 * df.select(from_unixtime('epoch_seconds').alias('time'), from_unixtime('epoch_seconds', 'yyyy-MM-dd').alias('day'));
 * // PySpark: df.select(F.from_unixtime("epoch_seconds"), F.from_unixtime("epoch_seconds", "yyyy-MM-dd"))
 * ```
 */
export function from_unixtime(timestamp: ColumnOrName, format = 'yyyy-MM-dd HH:mm:ss'): Column {
  return call('from_unixtime', arg(timestamp), literalExpr(format));
}
/**
 * Seconds since the epoch: of the batch time (no argument), of a timestamp or date, or of text in `format`.
 *
 * @example
 * ```ts
 * import { unix_timestamp } from 'caudal';
 * events.select(unix_timestamp('timestamp').alias('epoch_seconds'), unix_timestamp().alias('batch_time'));
 * // PySpark: events.select(F.unix_timestamp("timestamp"), F.unix_timestamp())
 * ```
 */
export function unix_timestamp(timestamp?: ColumnOrName, format = 'yyyy-MM-dd HH:mm:ss'): Column {
  return timestamp === undefined ? call('unix_timestamp') : call('unix_timestamp', arg(timestamp), literalExpr(format));
}
/**
 * The batch's timestamp (stable when a batch is replayed).
 *
 * @example
 * ```ts
 * import { current_timestamp } from 'caudal';
 * lines.withColumn('processed_at', current_timestamp());
 * // PySpark: lines.withColumn("processed_at", F.current_timestamp())
 * ```
 */
export function current_timestamp(): Column { return call('current_timestamp'); }
/**
 * Same as `current_timestamp`: the batch's timestamp.
 *
 * @example
 * ```ts
 * import { now } from 'caudal';
 * lines.withColumn('processed_at', now());
 * // PySpark: lines.withColumn("processed_at", F.now())
 * ```
 */
export function now(): Column { return call('now'); }
/**
 * The batch timestamp's date in the session time zone.
 *
 * @example
 * ```ts
 * import { current_date, datediff } from 'caudal';
 * df.select(datediff(current_date(), 'signup_date').alias('days_since_signup'));
 * // PySpark: df.select(F.datediff(F.current_date(), "signup_date").alias("days_since_signup"))
 * ```
 */
export function current_date(): Column { return call('current_date'); }
/**
 * A timestamp as text with a datetime pattern (`yyyy-MM-dd HH:mm`, `EEE`, ...).
 *
 * @example
 * ```ts
 * import { date_format } from 'caudal';
 * events.select(date_format('timestamp', 'yyyy-MM-dd HH:mm').alias('minute'), date_format('timestamp', 'EEE').alias('weekday'));
 * // PySpark: events.select(F.date_format("timestamp", "yyyy-MM-dd HH:mm"), F.date_format("timestamp", "EEE"))
 * ```
 */
export function date_format(date: ColumnOrName, format: string): Column { return call('date_format', arg(date), literalExpr(format)); }
/**
 * The year of a date or timestamp.
 *
 * @example
 * ```ts
 * import { year } from 'caudal';
 * events.groupBy(year('timestamp').alias('year')).count();
 * // PySpark: events.groupBy(F.year("timestamp").alias("year")).count()
 * ```
 */
export function year(c: ColumnOrName): Column { return call('year', arg(c)); }
/**
 * The quarter (1-4) of a date or timestamp.
 *
 * @example
 * ```ts
 * import { quarter, sum, year } from 'caudal';
 * df.groupBy(year('order_date').alias('year'), quarter('order_date').alias('quarter')).agg(sum('amount'));
 * // PySpark: df.groupBy(F.year("order_date"), F.quarter("order_date")).agg(F.sum("amount"))
 * ```
 */
export function quarter(c: ColumnOrName): Column { return call('quarter', arg(c)); }
/**
 * The month (1-12) of a date or timestamp.
 *
 * @example
 * ```ts
 * import { month } from 'caudal';
 * df.select(month('order_date').alias('month'));
 * // PySpark: df.select(F.month("order_date").alias("month"))
 * ```
 */
export function month(c: ColumnOrName): Column { return call('month', arg(c)); }
/**
 * The day of the month (1-31) of a date or timestamp.
 *
 * @example
 * ```ts
 * import { dayofmonth } from 'caudal';
 * df.where(dayofmonth('order_date').eq(1));
 * // PySpark: df.where(F.dayofmonth("order_date") == 1)
 * ```
 */
export function dayofmonth(c: ColumnOrName): Column { return call('dayofmonth', arg(c)); }
/**
 * Same as `dayofmonth`.
 *
 * @example
 * ```ts
 * import { day } from 'caudal';
 * df.select(day('order_date').alias('day'));
 * // PySpark: df.select(F.day("order_date").alias("day"))
 * ```
 */
export function day(c: ColumnOrName): Column { return call('day', arg(c)); }
/**
 * 1 = Sunday ... 7 = Saturday.
 *
 * @example
 * ```ts
 * import { dayofweek } from 'caudal';
 * // Weekend rows: 1 is Sunday, 7 is Saturday.
 * events.where(dayofweek('timestamp').isin(1, 7));
 * // PySpark: events.where(F.dayofweek("timestamp").isin(1, 7))
 * ```
 */
export function dayofweek(c: ColumnOrName): Column { return call('dayofweek', arg(c)); }
/**
 * The day of the year (1-366) of a date or timestamp.
 *
 * @example
 * ```ts
 * import { dayofyear } from 'caudal';
 * df.select(dayofyear('order_date').alias('doy'));
 * // PySpark: df.select(F.dayofyear("order_date").alias("doy"))
 * ```
 */
export function dayofyear(c: ColumnOrName): Column { return call('dayofyear', arg(c)); }
/**
 * The hour (0-23) of a timestamp, in the session time zone.
 *
 * @example
 * ```ts
 * import { hour } from 'caudal';
 * events.groupBy(hour('timestamp').alias('hour')).count();
 * // PySpark: events.groupBy(F.hour("timestamp").alias("hour")).count()
 * ```
 */
export function hour(c: ColumnOrName): Column { return call('hour', arg(c)); }
/**
 * The minute (0-59) of a timestamp.
 *
 * @example
 * ```ts
 * import { minute } from 'caudal';
 * events.select(minute('timestamp').alias('minute'));
 * // PySpark: events.select(F.minute("timestamp").alias("minute"))
 * ```
 */
export function minute(c: ColumnOrName): Column { return call('minute', arg(c)); }
/**
 * The second (0-59) of a timestamp.
 *
 * @example
 * ```ts
 * import { second } from 'caudal';
 * events.select(second('timestamp').alias('second'));
 * // PySpark: events.select(F.second("timestamp").alias("second"))
 * ```
 */
export function second(c: ColumnOrName): Column { return call('second', arg(c)); }
/**
 * A date `days` later (days: a number or a column).
 *
 * @example
 * ```ts
 * import { date_add } from 'caudal';
 * df.select(date_add('order_date', 30).alias('due_date'), date_add('order_date', 'grace_days').alias('grace_end'));
 * // PySpark: df.select(F.date_add("order_date", 30), F.date_add("order_date", "grace_days"))
 * ```
 */
export function date_add(start: ColumnOrName, days: ColumnOrName | number): Column { return call('date_add', arg(start), nameOrNumber(days)); }
/**
 * The date `days` days before `start`.
 *
 * @example
 * ```ts
 * import { date_sub } from 'caudal';
 * df.select(date_sub('delivery_date', 2).alias('ship_by'));
 * // PySpark: df.select(F.date_sub("delivery_date", 2).alias("ship_by"))
 * ```
 */
export function date_sub(start: ColumnOrName, days: ColumnOrName | number): Column { return call('date_sub', arg(start), nameOrNumber(days)); }
/**
 * Days from start to end.
 *
 * @example
 * ```ts
 * import { datediff } from 'caudal';
 * df.select(datediff('delivered_on', 'ordered_on').alias('delivery_days'));
 * // PySpark: df.select(F.datediff("delivered_on", "ordered_on").alias("delivery_days"))
 * ```
 */
export function datediff(end: ColumnOrName, start: ColumnOrName): Column { return call('datediff', arg(end), arg(start)); }

// ---- math ----
// Spark names some results in upper case (`SQRT(x)`, `POWER(a, b)`); the call names keep that spelling.

/**
 * HALF_UP rounding to `scale` decimal places.
 *
 * @example
 * ```ts
 * import { avg, round } from 'caudal';
 * df.groupBy('city').agg(round(avg('temp'), 1).alias('avg_temp'));
 * // PySpark: df.groupBy("city").agg(F.round(F.avg("temp"), 1).alias("avg_temp"))
 * ```
 */
export function round(c: ColumnOrName, scale = 0): Column { return call('round', arg(c), literalExpr(scale)); }
/**
 * HALF_EVEN ("banker's") rounding to `scale` decimal places: halves go to the even neighbour, so
 * `bround(2.5)` is 2 and `bround(3.5)` is 4. Negative scales round to tens, hundreds, ...
 *
 * @example
 * ```ts
 * import { bround } from 'caudal';
 * df.select(bround('amount', 2).alias('amount'), bround('units', -1).alias('units_tens'));
 * // PySpark: df.select(F.bround("amount", 2).alias("amount"), F.bround("units", -1).alias("units_tens"))
 * ```
 */
export function bround(c: ColumnOrName, scale: number | Column = 0): Column { return call('bround', arg(c), numberOrColumn(scale)); }
/**
 * The absolute value.
 *
 * @example
 * ```ts
 * import { abs, col } from 'caudal';
 * df.select(abs(col('expected').minus(col('actual'))).alias('error'));
 * // PySpark: df.select(F.abs(F.col("expected") - F.col("actual")).alias("error"))
 * ```
 */
export function abs(c: ColumnOrName): Column { return call('abs', arg(c)); }
/**
 * The largest integer not greater than the value (a long).
 *
 * @example
 * ```ts
 * import { col, floor } from 'caudal';
 * df.select(floor(col('value').divide(10)).multiply(10).alias('bucket'));
 * // PySpark: df.select((F.floor(F.col("value") / 10) * 10).alias("bucket"))
 * ```
 */
export function floor(c: ColumnOrName): Column { return call('FLOOR', arg(c)); }
/**
 * The smallest integer not less than the value (a long).
 *
 * @example
 * ```ts
 * import { ceil, col } from 'caudal';
 * df.select(ceil(col('qty').divide(12)).alias('boxes'));
 * // PySpark: df.select(F.ceil(F.col("qty") / 12).alias("boxes"))
 * ```
 */
export function ceil(c: ColumnOrName): Column { return call('CEIL', arg(c)); }
/**
 * Same as `ceil`.
 *
 * @example
 * ```ts
 * import { ceiling } from 'caudal';
 * df.select(ceiling('price').alias('price_up'));
 * // PySpark: df.select(F.ceiling("price").alias("price_up"))
 * ```
 */
export function ceiling(c: ColumnOrName): Column { return call('ceiling', arg(c)); }
/**
 * The square root (NaN for negative values, as in Spark).
 *
 * @example
 * ```ts
 * import { sqrt } from 'caudal';
 * df.select(sqrt('variance').alias('stddev'));
 * // PySpark: df.select(F.sqrt("variance").alias("stddev"))
 * ```
 */
export function sqrt(c: ColumnOrName): Column { return call('SQRT', arg(c)); }
/**
 * e raised to the value.
 *
 * @example
 * ```ts
 * import { exp } from 'caudal';
 * df.select(exp('log_amount').alias('amount'));
 * // PySpark: df.select(F.exp("log_amount").alias("amount"))
 * ```
 */
export function exp(c: ColumnOrName): Column { return call('EXP', arg(c)); }
/**
 * `log(x)`: natural logarithm; `log(base, x)`: logarithm in `base`. Null for x <= 0.
 *
 * @example
 * ```ts
 * import { log } from 'caudal';
 * df.select(log('amount').alias('ln_amount'), log(2, 'size').alias('log2_size'));
 * // PySpark: df.select(F.log("amount").alias("ln_amount"), F.log(2.0, "size").alias("log2_size"))
 * ```
 */
export function log(arg1: ColumnOrName | number, arg2?: ColumnOrName): Column {
  return arg2 === undefined ? call('ln', nameOrNumber(arg1)) : call('LOG', nameOrNumber(arg1), arg(arg2));
}
/**
 * The natural logarithm (null for values <= 0).
 *
 * @example
 * ```ts
 * import { ln } from 'caudal';
 * df.select(ln('amount').alias('ln_amount'));
 * // PySpark: df.select(F.ln("amount").alias("ln_amount"))
 * ```
 */
export function ln(c: ColumnOrName): Column { return call('ln', arg(c)); }
/**
 * The base-10 logarithm (null for values <= 0).
 *
 * @example
 * ```ts
 * import { floor, log10 } from 'caudal';
 * df.select(floor(log10('population')).alias('magnitude'));
 * // PySpark: df.select(F.floor(F.log10("population")).alias("magnitude"))
 * ```
 */
export function log10(c: ColumnOrName): Column { return call('LOG10', arg(c)); }
/**
 * The base-2 logarithm (null for values <= 0).
 *
 * @example
 * ```ts
 * import { log2 } from 'caudal';
 * df.select(log2('bytes').alias('bits'));
 * // PySpark: df.select(F.log2("bytes").alias("bits"))
 * ```
 */
export function log2(c: ColumnOrName): Column { return call('LOG2', arg(c)); }
/**
 * `col1` to the power `col2` (either a column or a number).
 *
 * @example
 * ```ts
 * import { pow } from 'caudal';
 * df.select(pow('side', 2).alias('area'), pow(2, 'exponent').alias('power_of_two'));
 * // PySpark: df.select(F.pow("side", 2).alias("area"), F.pow(2, "exponent").alias("power_of_two"))
 * ```
 */
export function pow(col1: ColumnOrName | number, col2: ColumnOrName | number): Column { return call('POWER', nameOrNumber(col1), nameOrNumber(col2)); }
/**
 * Same as `pow`.
 *
 * @example
 * ```ts
 * import { col, power } from 'caudal';
 * df.select(col('principal').multiply(power(1.05, 'years')).alias('balance'));
 * // PySpark: df.select((F.col("principal") * F.power(1.05, "years")).alias("balance"))
 * ```
 */
export const power = pow;
/**
 * The largest non-null value of the arguments.
 *
 * @example
 * ```ts
 * import { greatest } from 'caudal';
 * df.select(greatest('q1', 'q2', 'q3', 'q4').alias('best_quarter'));
 * // PySpark: df.select(F.greatest("q1", "q2", "q3", "q4").alias("best_quarter"))
 * ```
 */
export function greatest(...cols: ColumnOrName[]): Column { return call('greatest', ...cols.map(arg)); }
/**
 * The smallest non-null value of the arguments.
 *
 * @example
 * ```ts
 * import { least } from 'caudal';
 * df.select(least('bid', 'ask').alias('low'));
 * // PySpark: df.select(F.least("bid", "ask").alias("low"))
 * ```
 */
export function least(...cols: ColumnOrName[]): Column { return call('least', ...cols.map(arg)); }

function generator(fn: GeneratorFn, c: ColumnOrName): Column {
  return new Column({ kind: 'generator', fn, child: arg(c) });
}

/**
 * One output row per element of an array (or key/value of a map); null or empty inputs give no row.
 *
 * @example
 * ```ts
 * import { col, explode } from 'caudal';
 * invoices.select(col('id'), explode(col('items')).alias('item'));
 * ```
 */
export function explode(c: ColumnOrName): Column { return generator('explode', c); }
/**
 * As `explode`, but a null or empty input gives one row with null.
 *
 * @example
 * ```ts
 * import { col, explode_outer } from 'caudal';
 * // Invoices without items keep one row, with a null item.
 * invoices.select(col('id'), explode_outer('items').alias('item'));
 * // PySpark: invoices.select("id", F.explode_outer("items").alias("item"))
 * ```
 */
export function explode_outer(c: ColumnOrName): Column { return generator('explode_outer', c); }
/**
 * As `explode`, with the element's 0-based position in a `pos` column.
 *
 * @example
 * ```ts
 * import { col, posexplode } from 'caudal';
 * // Two columns: pos (0-based) and col.
 * invoices.select(col('id'), posexplode('items'));
 * // PySpark: invoices.select("id", F.posexplode("items"))
 * ```
 */
export function posexplode(c: ColumnOrName): Column { return generator('posexplode', c); }
/**
 * As `posexplode`, but a null or empty input gives one row with nulls.
 *
 * @example
 * ```ts
 * import { col, posexplode_outer } from 'caudal';
 * invoices.select(col('id'), posexplode_outer('items'));
 * // PySpark: invoices.select("id", F.posexplode_outer("items"))
 * ```
 */
export function posexplode_outer(c: ColumnOrName): Column { return generator('posexplode_outer', c); }

function aggregate(fn: string, c: ColumnOrName, distinct = false): Column {
  if (fn === 'count' && c === '*') return new Column({ kind: 'aggregate', fn, args: [], distinct: false, star: true });
  return new Column({ kind: 'aggregate', fn, args: [arg(c)], distinct });
}

/**
 * `count('*')` counts rows; `count(col)` counts non-null values.
 *
 * @example
 * ```ts
 * import { count } from 'caudal';
 * df.groupBy('country').agg(count('*').alias('rows'), count('email').alias('with_email'));
 * // PySpark: df.groupBy("country").agg(F.count("*").alias("rows"), F.count("email").alias("with_email"))
 * ```
 */
export function count(c: ColumnOrName): Column { return aggregate('count', c); }
/**
 * The number of distinct non-null values (of the combination of the columns).
 *
 * @example
 * ```ts
 * import { countDistinct } from 'caudal';
 * df.groupBy('page').agg(countDistinct('user_id').alias('visitors'));
 * // PySpark: df.groupBy("page").agg(F.countDistinct("user_id").alias("visitors"))
 * ```
 */
export function countDistinct(c: ColumnOrName, ...more: ColumnOrName[]): Column {
  return new Column({ kind: 'aggregate', fn: 'count', args: [c, ...more].map(arg), distinct: true });
}
/**
 * Same as `countDistinct`.
 *
 * @example
 * ```ts
 * import { count_distinct } from 'caudal';
 * df.agg(count_distinct('country', 'city').alias('places'));
 * // PySpark: df.agg(F.count_distinct("country", "city").alias("places"))
 * ```
 */
export const count_distinct = countDistinct;
/**
 * The sum of the values in a group (null when all are null).
 *
 * @example
 * ```ts
 * import { sum } from 'caudal';
 * df.groupBy('customer').agg(sum('amount').alias('total'));
 * // PySpark: df.groupBy("customer").agg(F.sum("amount").alias("total"))
 * ```
 */
export function sum(c: ColumnOrName): Column { return aggregate('sum', c); }
/**
 * The sum of the distinct values in a group.
 *
 * @example
 * ```ts
 * import { sumDistinct } from 'caudal';
 * df.groupBy('order_id').agg(sumDistinct('shipping_fee').alias('shipping'));
 * // PySpark: df.groupBy("order_id").agg(F.sumDistinct("shipping_fee").alias("shipping"))
 * ```
 */
export function sumDistinct(c: ColumnOrName): Column { return aggregate('sum', c, true); }
/**
 * The average of the values in a group (a double).
 *
 * @example
 * ```ts
 * import { avg, col, window } from 'caudal';
 * events.withWatermark('timestamp', '1 minute')
 *   .groupBy(window(col('timestamp'), '5 minutes'), col('sensor'))
 *   .agg(avg('temp').alias('avg_temp'));
 * // PySpark: .groupBy(F.window("timestamp", "5 minutes"), "sensor").agg(F.avg("temp").alias("avg_temp"))
 * ```
 */
export function avg(c: ColumnOrName): Column { return aggregate('avg', c); }
/**
 * PySpark's `mean` is `avg`, and its result is named `avg(x)`.
 *
 * @example
 * ```ts
 * import { mean } from 'caudal';
 * df.groupBy('city').agg(mean('temp'));
 * // PySpark: df.groupBy("city").agg(F.mean("temp"))  -- the column is named avg(temp)
 * ```
 */
export function mean(c: ColumnOrName): Column { return aggregate('avg', c); }
/**
 * The smallest value in a group.
 *
 * @example
 * ```ts
 * import { min } from 'caudal';
 * df.groupBy('sensor').agg(min('temp').alias('min_temp'));
 * // PySpark: df.groupBy("sensor").agg(F.min("temp").alias("min_temp"))
 * ```
 */
export function min(c: ColumnOrName): Column { return aggregate('min', c); }
/**
 * The largest value in a group.
 *
 * @example
 * ```ts
 * import { max } from 'caudal';
 * events.groupBy('sensor').agg(max('timestamp').alias('last_seen'));
 * // PySpark: events.groupBy("sensor").agg(F.max("timestamp").alias("last_seen"))
 * ```
 */
export function max(c: ColumnOrName): Column { return aggregate('max', c); }

/**
 * `first(col, ignorenulls = false)`: the first value of each group in arrival order (null included unless ignorenulls).
 *
 * @example
 * ```ts
 * import { first } from 'caudal';
 * df.groupBy('session_id').agg(first('page').alias('landing_page'), first('referrer', true).alias('referrer'));
 * // PySpark: df.groupBy("session_id").agg(F.first("page"), F.first("referrer", ignorenulls=True))
 * ```
 */
export function first(c: ColumnOrName, ignorenulls = false): Column {
  return new Column({ kind: 'aggregate', fn: 'first', args: ignorenulls ? [arg(c), literalExpr(true)] : [arg(c)], distinct: false });
}
/**
 * `last(col, ignorenulls = false)`: the last value of each group in arrival order.
 *
 * @example
 * ```ts
 * import { last } from 'caudal';
 * df.groupBy('session_id').agg(last('page').alias('exit_page'), last('status', true).alias('status'));
 * // PySpark: df.groupBy("session_id").agg(F.last("page"), F.last("status", ignorenulls=True))
 * ```
 */
export function last(c: ColumnOrName, ignorenulls = false): Column {
  return new Column({ kind: 'aggregate', fn: 'last', args: ignorenulls ? [arg(c), literalExpr(true)] : [arg(c)], distinct: false });
}
/**
 * The non-null values of each group, in arrival order.
 *
 * @example
 * ```ts
 * import { collect_list } from 'caudal';
 * df.groupBy('order_id').agg(collect_list('product').alias('products'));
 * // PySpark: df.groupBy("order_id").agg(F.collect_list("product").alias("products"))
 * ```
 */
export function collect_list(c: ColumnOrName): Column { return aggregate('collect_list', c); }
/**
 * The distinct non-null values of each group (first-seen order; Spark leaves the order unspecified).
 *
 * @example
 * ```ts
 * import { collect_set } from 'caudal';
 * df.groupBy('user_id').agg(collect_set('device').alias('devices'));
 * // PySpark: df.groupBy("user_id").agg(F.collect_set("device").alias("devices"))
 * ```
 */
export function collect_set(c: ColumnOrName): Column { return aggregate('collect_set', c); }
/**
 * Estimated number of distinct values (HyperLogLog++), within `rsd` relative standard deviation (default 0.05).
 *
 * @example
 * ```ts
 * import { approx_count_distinct } from 'caudal';
 * df.groupBy('page').agg(approx_count_distinct('user_id', 0.01).alias('visitors'));
 * // PySpark: df.groupBy("page").agg(F.approx_count_distinct("user_id", 0.01).alias("visitors"))
 * ```
 */
export function approx_count_distinct(c: ColumnOrName, rsd?: number): Column {
  return new Column({ kind: 'aggregate', fn: 'approx_count_distinct', args: rsd === undefined ? [arg(c)] : [arg(c), literalExpr(rsd)], distinct: false });
}
/**
 * Same as `approx_count_distinct`.
 *
 * @example
 * ```ts
 * import { approxCountDistinct } from 'caudal';
 * df.agg(approxCountDistinct('ip').alias('unique_ips'));
 * // PySpark: df.agg(F.approxCountDistinct("ip").alias("unique_ips"))
 * ```
 */
export const approxCountDistinct = approx_count_distinct;
/**
 * The number of rows where the condition is true.
 *
 * @example
 * ```ts
 * import { col, count_if } from 'caudal';
 * df.groupBy('store').agg(count_if(col('amount').gt(100)).alias('big_sales'));
 * // PySpark: df.groupBy("store").agg(F.count_if(F.col("amount") > 100).alias("big_sales"))
 * ```
 */
export function count_if(c: ColumnOrName): Column { return aggregate('count_if', c); }
/**
 * True when the condition is true on every row (null rows skipped; null for a group with no non-null value).
 *
 * @example
 * ```ts
 * import { bool_and, col } from 'caudal';
 * df.groupBy('order_id').agg(bool_and(col('shipped')).alias('all_shipped'));
 * // PySpark: df.groupBy("order_id").agg(F.bool_and("shipped").alias("all_shipped"))
 * ```
 */
export function bool_and(c: ColumnOrName): Column { return aggregate('bool_and', c); }
/**
 * Same as `bool_and` (Spark names the result `every(...)`).
 *
 * @example
 * ```ts
 * import { col, every } from 'caudal';
 * df.groupBy('sensor').agg(every(col('temp').lt(80)).alias('always_safe'));
 * // PySpark: df.groupBy("sensor").agg(F.every(F.col("temp") < 80).alias("always_safe"))
 * ```
 */
export function every(c: ColumnOrName): Column { return aggregate('every', c); }
/**
 * True when the condition is true on some row (null rows skipped; null for a group with no non-null value).
 *
 * @example
 * ```ts
 * import { bool_or, col } from 'caudal';
 * df.groupBy('user').agg(bool_or(col('status').eq('failed')).alias('any_failure'));
 * // PySpark: df.groupBy("user").agg(F.bool_or(F.col("status") == "failed").alias("any_failure"))
 * ```
 */
export function bool_or(c: ColumnOrName): Column { return aggregate('bool_or', c); }
/**
 * Same as `bool_or` (Spark names the result `some(...)`).
 *
 * @example
 * ```ts
 * import { col, some } from 'caudal';
 * df.groupBy('sensor').agg(some(col('temp').gt(100)).alias('ever_overheated'));
 * // PySpark: df.groupBy("sensor").agg(F.some(F.col("temp") > 100).alias("ever_overheated"))
 * ```
 */
export function some(c: ColumnOrName): Column { return aggregate('some', c); }
/**
 * Sample standard deviation (null for fewer than two values).
 *
 * @example
 * ```ts
 * import { avg, stddev } from 'caudal';
 * df.groupBy('sensor').agg(avg('temp').alias('mean'), stddev('temp').alias('sd'));
 * // PySpark: df.groupBy("sensor").agg(F.avg("temp").alias("mean"), F.stddev("temp").alias("sd"))
 * ```
 */
export function stddev(c: ColumnOrName): Column { return aggregate('stddev', c); }
/**
 * The sample standard deviation of a group (null for fewer than two values).
 *
 * @example
 * ```ts
 * import { stddev_samp } from 'caudal';
 * df.groupBy('sensor').agg(stddev_samp('temp').alias('sd'));
 * // PySpark: df.groupBy("sensor").agg(F.stddev_samp("temp").alias("sd"))
 * ```
 */
export function stddev_samp(c: ColumnOrName): Column { return aggregate('stddev_samp', c); }
/**
 * Population standard deviation.
 *
 * @example
 * ```ts
 * import { stddev_pop } from 'caudal';
 * df.groupBy('sensor').agg(stddev_pop('temp').alias('sd_pop'));
 * // PySpark: df.groupBy("sensor").agg(F.stddev_pop("temp").alias("sd_pop"))
 * ```
 */
export function stddev_pop(c: ColumnOrName): Column { return aggregate('stddev_pop', c); }
/**
 * Sample variance (null for fewer than two values).
 *
 * @example
 * ```ts
 * import { variance } from 'caudal';
 * df.groupBy('sensor').agg(variance('temp').alias('var'));
 * // PySpark: df.groupBy("sensor").agg(F.variance("temp").alias("var"))
 * ```
 */
export function variance(c: ColumnOrName): Column { return aggregate('variance', c); }
/**
 * The sample variance of a group (null for fewer than two values).
 *
 * @example
 * ```ts
 * import { var_samp } from 'caudal';
 * df.groupBy('sensor').agg(var_samp('temp').alias('var'));
 * // PySpark: df.groupBy("sensor").agg(F.var_samp("temp").alias("var"))
 * ```
 */
export function var_samp(c: ColumnOrName): Column { return aggregate('var_samp', c); }
/**
 * Population variance.
 *
 * @example
 * ```ts
 * import { var_pop } from 'caudal';
 * df.groupBy('sensor').agg(var_pop('temp').alias('var_pop'));
 * // PySpark: df.groupBy("sensor").agg(F.var_pop("temp").alias("var_pop"))
 * ```
 */
export function var_pop(c: ColumnOrName): Column { return aggregate('var_pop', c); }

/**
 * Ascending sort order of a column by name.
 *
 * @example
 * ```ts
 * import { asc, desc } from 'caudal';
 * df.orderBy(asc('country'), desc('amount'));
 * // PySpark: df.orderBy(F.asc("country"), F.desc("amount"))
 * ```
 */
export function asc(c: string): Column { return col(c).asc(); }
/**
 * Descending sort order of a column by name.
 *
 * @example
 * ```ts
 * import { desc } from 'caudal';
 * const top = await counts.orderBy(desc('count')).limit(10).collect();
 * // PySpark: top = counts.orderBy(F.desc("count")).limit(10).collect()
 * ```
 */
export function desc(c: string): Column { return col(c).desc(); }
