import type { DataType } from '../../types/data-type.ts';
import { readDataType } from './data-type-reader.ts';
import { TokenCursor } from './token-cursor.ts';

/**
 * Parses a Spark DDL type string, case-insensitively: `string`, `int`, `bigint`, `double`, `boolean`,
 * `timestamp`, `date`, `binary`, `array<int>`, `map<string,int>`, `struct<a:int,b:string>`.
 * `smallint`/`tinyint` become int, `float`/`real`/`decimal(p,s)` become double. Throws ParseError.
 *
 * @example
 * ```ts
 * import { col, parseDataType, simpleString } from 'caudal';
 * const t = parseDataType('map<string, array<bigint>>');
 * simpleString(t); // 'map<string,array<bigint>>'
 * df.select(col('value').cast(parseDataType('int')));
 * // PySpark: from pyspark.sql.types import _parse_datatype_string; _parse_datatype_string("map<string,array<bigint>>")
 * ```
 */
export function parseDataType(text: string): DataType {
  const cur = TokenCursor.of(text, 'DDL');
  const t = readDataType(cur);
  cur.expectEnd();
  return t;
}
