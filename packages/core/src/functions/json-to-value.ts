import type { DataType } from '../types/data-type.ts';
import { parseDateDays, parseTimestampMicros } from '../util/time-zone.ts';
import { MICROS_PER_DAY, toLocalMicros } from './calendar.ts';
import type { DateTimeFormatter } from './datetime-pattern.ts';
import { JsonNumber, type JsonValue } from './json-parser.ts';
import { writeJson } from './json-writer.ts';

/** Returned instead of a value when a JSON value does not fit the type (the field then becomes null). */
export const MISMATCH: unique symbol = Symbol('json mismatch');

export interface JsonReadOptions {
  readonly timeZone: string;
  readonly timestampFormat: DateTimeFormatter | null;
  readonly dateFormat: DateTimeFormatter | null;
}

const INT_MIN = -2147483648;
const INT_MAX = 2147483647;

/**
 * A parsed JSON value as the internal value of `type`, following Spark's JacksonParser: ints only from
 * integer literals, doubles from any number (and the strings "NaN", "Infinity", ...), strings from any
 * value (non-strings as their JSON text), timestamps from text or epoch seconds; struct fields matched
 * by exact name, missing ones null. Returns MISMATCH when the value cannot be converted.
 */
export function jsonToValue(type: DataType, v: JsonValue, o: JsonReadOptions): unknown {
  if (v === null) return null;
  switch (type.kind) {
    case 'string':
      return typeof v === 'string' ? v : writeJson(v);
    case 'int': case 'long': {
      if (!(v instanceof JsonNumber) || !v.isInteger) return MISMATCH;
      const x = v.value;
      if (type.kind === 'int' && (x < INT_MIN || x > INT_MAX)) return MISMATCH;
      return x;
    }
    case 'double':
      if (v instanceof JsonNumber) return v.value;
      if (typeof v === 'string') {
        switch (v) {
          case 'NaN': case '+NaN': case '-NaN': return NaN;
          case 'Infinity': case '+Infinity': case '+INF': case 'INF': return Infinity;
          case '-Infinity': case '-INF': return -Infinity;
          default: return MISMATCH;
        }
      }
      return MISMATCH;
    case 'boolean':
      return typeof v === 'boolean' ? v : MISMATCH;
    case 'timestamp':
      if (typeof v === 'string') {
        const micros = o.timestampFormat ? o.timestampFormat.parse(v, o.timeZone) : parseTimestampMicros(v, o.timeZone);
        return micros ?? MISMATCH;
      }
      if (v instanceof JsonNumber && v.isInteger) return v.value * 1_000_000;
      return MISMATCH;
    case 'date': {
      if (typeof v !== 'string') return MISMATCH;
      if (o.dateFormat) {
        const micros = o.dateFormat.parse(v, 'UTC');
        return micros === null ? MISMATCH : Math.floor(toLocalMicros(micros, 'UTC') / MICROS_PER_DAY);
      }
      return parseDateDays(v) ?? MISMATCH;
    }
    case 'binary':
      return typeof v === 'string' ? new Uint8Array(Buffer.from(v, 'base64')) : MISMATCH;
    case 'array': {
      if (!Array.isArray(v)) return MISMATCH;
      const out = new Array<unknown>(v.length);
      for (let i = 0; i < v.length; i++) {
        const x = jsonToValue(type.elementType, v[i]!, o);
        if (x === MISMATCH) return MISMATCH;
        out[i] = x;
      }
      return out;
    }
    case 'map': {
      if (!(v instanceof Map)) return MISMATCH;
      const out = new Map<unknown, unknown>();
      for (const [k, x] of v) {
        const key = type.keyType.kind === 'string' ? k : jsonToValue(type.keyType, keyAsJson(k), o);
        const value = jsonToValue(type.valueType, x, o);
        if (key === MISMATCH || key === null || value === MISMATCH) return MISMATCH;
        out.set(key, value);
      }
      return out;
    }
    case 'struct': {
      if (!(v instanceof Map)) return MISMATCH;
      const out = new Array<unknown>(type.fields.length);
      for (let i = 0; i < type.fields.length; i++) {
        const f = type.fields[i]!;
        const x = v.get(f.name);
        const converted = x === undefined ? null : jsonToValue(f.dataType, x, o);
        if (converted === MISMATCH) return MISMATCH;
        out[i] = converted;
      }
      return out;
    }
    default:
      return MISMATCH;
  }
}

/** A map key (always text in JSON) read as a number where the key type is numeric. */
function keyAsJson(k: string): JsonValue {
  return /^-?\d+$/.test(k) ? new JsonNumber(k, true) : /^-?\d/.test(k) ? new JsonNumber(k, false) : k;
}
