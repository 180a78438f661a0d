import type { DataType } from '../types/data-type.ts';
import { intervalToString, type IntervalValue } from '../types/interval.ts';
import { javaDoubleToString } from './java-double.ts';
import { formatDate, formatTimestamp } from './timestamp-format.ts';

/**
 * How `show()` and the console sink print nulls, at the top level and inside arrays, maps and structs.
 * Spark 3.0–3.4 print `null`; Spark 3.5+ (`ToPrettyString`) print `NULL`. Cast-to-string keeps `null`.
 *
 * @example
 * ```ts
 * import { NULL_TEXT, STRING, formatCell } from 'caudal';
 * formatCell(STRING, null, 'UTC') === NULL_TEXT; // true: printed as 'null', as Spark 3.0-3.4 show() does
 * ```
 */
export const NULL_TEXT = 'null';

const HEX = '0123456789ABCDEF';

/**
 * One internal value (see data/vector.ts) as Spark renders it when casting to a string for display:
 * doubles as Java prints them, timestamps in `timeZone`, binary as `[0A FF]`, arrays `[a, b]`,
 * maps `{k -> v}`, structs `{a, b}`.
 *
 * @example
 * ```ts
 * import { DOUBLE, LONG, TIMESTAMP, arrayOf, formatCell } from 'caudal';
 * formatCell(DOUBLE, 1e7, 'UTC'); // '1.0E7'
 * formatCell(TIMESTAMP, 1_700_000_000_000_000, 'UTC'); // '2023-11-14 22:13:20'
 * formatCell(arrayOf(LONG), [1, null], 'UTC'); // '[1, null]'
 * ```
 */
export function formatCell(type: DataType, value: unknown, timeZone: string): string {
  if (value === null || value === undefined) return NULL_TEXT;
  switch (type.kind) {
    case 'null':
      return NULL_TEXT;
    case 'string':
      return String(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'int':
    case 'long':
      return formatIntegral(value);
    case 'double':
      return javaDoubleToString(Number(value));
    case 'timestamp':
      return formatTimestamp(Number(value), timeZone);
    case 'date':
      return formatDate(Number(value));
    case 'binary':
      return formatBinary(value as Uint8Array);
    case 'interval':
      return intervalToString(value as IntervalValue);
    case 'array': {
      const parts: string[] = [];
      for (const e of value as readonly unknown[]) parts.push(formatCell(type.elementType, e, timeZone));
      return `[${parts.join(', ')}]`;
    }
    case 'map': {
      const parts: string[] = [];
      for (const [k, v] of value as ReadonlyMap<unknown, unknown>) {
        parts.push(`${formatCell(type.keyType, k, timeZone)} -> ${formatCell(type.valueType, v, timeZone)}`);
      }
      return `{${parts.join(', ')}}`;
    }
    case 'struct': {
      const values = value as readonly unknown[];
      return `{${type.fields.map((f, i) => formatCell(f.dataType, values[i], timeZone)).join(', ')}}`;
    }
  }
}

function formatIntegral(value: unknown): string {
  if (typeof value === 'bigint') return value.toString();
  const n = Number(value);
  // Beyond 1e21 String() switches to exponent notation; longs never print that way.
  return Number.isInteger(n) && Math.abs(n) >= 1e21 ? BigInt(n).toString() : String(n);
}

function formatBinary(bytes: Uint8Array): string {
  let out = '[';
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (i > 0) out += ' ';
    out += HEX[b >> 4]! + HEX[b & 15]!;
  }
  return `${out}]`;
}
