import {
  BINARY, BOOLEAN, DATE, DOUBLE, INT, LONG, NULL_TYPE, STRING, TIMESTAMP,
  arrayOf, mapOf, structOf, type DataType, type StructField,
} from '../../types/data-type.ts';
import type { TokenCursor } from './token-cursor.ts';

/** Spark's DDL type names. We have one integral type below bigint and one floating type, so the narrower ones widen. */
const NAMED_TYPES: ReadonlyMap<string, DataType> = new Map<string, DataType>([
  ['string', STRING],
  ['boolean', BOOLEAN],
  ['int', INT], ['integer', INT], ['smallint', INT], ['short', INT], ['tinyint', INT], ['byte', INT],
  ['bigint', LONG], ['long', LONG],
  ['double', DOUBLE], ['float', DOUBLE], ['real', DOUBLE],
  ['timestamp', TIMESTAMP], ['timestamp_ltz', TIMESTAMP],
  ['date', DATE],
  ['binary', BINARY],
  ['void', NULL_TYPE],
  ['interval', { kind: 'interval' }],
]);

/** Nesting beyond this is refused with a ParseError rather than left to overflow the call stack. */
const MAX_NESTING = 256;

/** Reads one data type (`int`, `array<string>`, `struct<a:int>`, `decimal(10,2)`) at the cursor. */
export function readDataType(cur: TokenCursor, depth = 0): DataType {
  const t = cur.peek();
  if (t.kind !== 'word') throw cur.error();
  if (depth > MAX_NESTING) throw cur.errorSpanning(t, t, `Data type nested more than ${MAX_NESTING} levels deep`);
  const name = t.value.toLowerCase();
  switch (name) {
    case 'array': {
      cur.next();
      cur.expectSymbol('<');
      const element = readDataType(cur, depth + 1);
      cur.expectSymbol('>');
      return arrayOf(element);
    }
    case 'map': {
      cur.next();
      cur.expectSymbol('<');
      const key = readDataType(cur, depth + 1);
      cur.expectSymbol(',');
      const value = readDataType(cur, depth + 1);
      cur.expectSymbol('>');
      return mapOf(key, value);
    }
    case 'struct':
      return readStructType(cur, depth + 1);
    case 'decimal': case 'dec': case 'numeric':
      // There is no decimal type in Caudal: decimals are doubles, so precision and scale are read and ignored.
      cur.next();
      readSizeArguments(cur, 2);
      return DOUBLE;
    case 'char': case 'character': case 'varchar':
      // As in Spark by default, fixed and bounded strings are plain strings.
      cur.next();
      readSizeArguments(cur, 1);
      return STRING;
    default: {
      const named = NAMED_TYPES.get(name);
      if (!named) throw cur.errorSpanning(t, t, `Unsupported data type '${t.value}'`);
      cur.next();
      return named;
    }
  }
}

/** `struct<a:int, b string NOT NULL>`; `struct<>` (where `<>` is one token) is an empty struct. */
export function readStructType(cur: TokenCursor, depth = 0): Extract<DataType, { kind: 'struct' }> {
  cur.expectWord('struct');
  if (cur.acceptSymbol('<>')) return structOf([]);
  cur.expectSymbol('<');
  const fields: StructField[] = [];
  if (!cur.acceptSymbol('>')) {
    do fields.push(readFieldDefinition(cur, depth)); while (cur.acceptSymbol(','));
    cur.expectSymbol('>');
  }
  return structOf(fields);
}

/** `name [:] type [NOT NULL] [COMMENT 'text']`, used by struct types and table schemas. Comments are dropped. */
export function readFieldDefinition(cur: TokenCursor, depth = 0): StructField {
  const nameToken = cur.peek();
  if (nameToken.kind !== 'word' && nameToken.kind !== 'quoted') throw cur.error();
  cur.next();
  cur.acceptSymbol(':');
  const dataType = readDataType(cur, depth);
  let nullable = true;
  if (cur.acceptWord('not')) {
    cur.expectWord('null');
    nullable = false;
  }
  if (cur.acceptWord('comment')) {
    if (cur.peek().kind !== 'string') throw cur.error();
    cur.next();
  }
  return { name: nameToken.value, dataType, nullable };
}

/** Optional `(n)` or `(n, m)` after a type name, up to `max` integers. */
function readSizeArguments(cur: TokenCursor, max: number): void {
  if (!cur.acceptSymbol('(')) return;
  for (let i = 0; i < max; i++) {
    if (i > 0 && !cur.acceptSymbol(',')) break;
    const t = cur.peek();
    if (t.kind !== 'number' || !/^\d+$/.test(t.value)) throw cur.error();
    cur.next();
  }
  cur.expectSymbol(')');
}
