import { StructType } from '../../types/schema.ts';
import type { StructField } from '../../types/data-type.ts';
import { readFieldDefinition, readStructType } from './data-type-reader.ts';
import { TokenCursor } from './token-cursor.ts';

/**
 * Parses a table schema in DDL form, as Spark's `StructType.fromDDL`: `a INT, b STRING NOT NULL, c ARRAY<STRING>`.
 * Names may be backquoted; a colon after the name (`a: int`) and a whole `struct<...>` are accepted too, as
 * PySpark's schema strings allow. Throws ParseError.
 *
 * @example
 * ```ts
 * import { parseTableSchema } from 'caudal';
 * const schema = parseTableSchema('id BIGINT NOT NULL, name STRING, tags ARRAY<STRING>');
 * const people = spark.readStream.schema(schema).json('data/people');
 * // PySpark: StructType.fromDDL("id BIGINT NOT NULL, name STRING, tags ARRAY<STRING>")
 * ```
 */
export function parseTableSchema(ddl: string): StructType {
  const cur = TokenCursor.of(ddl, 'DDL');
  if (cur.peek().kind === 'eof') return new StructType([]);
  if (cur.atWord('struct') && (cur.atSymbol('<', 1) || cur.atSymbol('<>', 1))) {
    const t = readStructType(cur);
    cur.expectEnd();
    return StructType.fromDataType(t);
  }
  const fields: StructField[] = [];
  do fields.push(readFieldDefinition(cur)); while (cur.acceptSymbol(','));
  cur.expectEnd();
  return new StructType(fields);
}
