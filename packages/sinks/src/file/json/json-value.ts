import { formatCell, type DataType } from '@caudal/core';
import { dateText, timestampText } from '../format/datetime-text.ts';
import { doubleText, integerText } from '../format/number-text.ts';
import type { ZoneOffsetFn } from '../format/zone-offset.ts';
import { jsonString } from './json-string.ts';

export interface JsonValueSettings {
  /** Leave out struct fields whose value is null (Spark's `ignoreNullFields`, default true). */
  readonly ignoreNullFields: boolean;
  readonly zoneOffset: ZoneOffsetFn;
  /** Zone name, for map keys that are printed as Spark casts them. */
  readonly timeZone: string;
}

/** Writes one non-null internal value (see data/vector.ts) as JSON text. */
export type JsonValueWriter = (value: unknown) => string;

/**
 * The writer for values of `type`, built once per column, as Spark's JacksonGenerator writes them:
 * numbers as Java prints them (NaN and infinities as strings), timestamps and dates as text, binary as
 * base64, arrays with `null` elements, structs as objects (null fields left out unless
 * `ignoreNullFields` is false), maps as objects whose keys are the keys' text.
 */
export function jsonValueWriter(type: DataType, s: JsonValueSettings): JsonValueWriter {
  switch (type.kind) {
    case 'null': return () => 'null';
    case 'string': return (v) => jsonString(v as string);
    case 'boolean': return (v) => (v ? 'true' : 'false');
    case 'int': case 'long': return (v) => integerText(v as number);
    case 'double': return (v) => {
      const n = v as number;
      return Number.isFinite(n) ? doubleText(n) : `"${doubleText(n)}"`;
    };
    case 'timestamp': return (v) => `"${timestampText(v as number, s.zoneOffset)}"`;
    case 'date': return (v) => `"${dateText(v as number)}"`;
    case 'binary': return (v) => `"${Buffer.from(v as Uint8Array).toString('base64')}"`;
    case 'interval': throw new Error('internal: intervals are refused before writing');
    case 'array': {
      const el = jsonValueWriter(type.elementType, s);
      return (v) => `[${(v as readonly unknown[]).map((e) => (e === null || e === undefined ? 'null' : el(e))).join(',')}]`;
    }
    case 'map': {
      const value = jsonValueWriter(type.valueType, s);
      const keyText = mapKeyText(type.keyType, s.timeZone);
      return (v) => {
        const parts: string[] = [];
        for (const [k, x] of v as ReadonlyMap<unknown, unknown>) {
          parts.push(`${jsonString(keyText(k))}:${x === null || x === undefined ? 'null' : value(x)}`);
        }
        return `{${parts.join(',')}}`;
      };
    }
    case 'struct': {
      const names = type.fields.map((f) => `${jsonString(f.name)}:`);
      const writers = type.fields.map((f) => jsonValueWriter(f.dataType, s));
      return (v) => {
        const values = v as readonly unknown[];
        const parts: string[] = [];
        for (let i = 0; i < writers.length; i++) {
          const x = values[i];
          if (x === null || x === undefined) {
            if (!s.ignoreNullFields) parts.push(`${names[i]!}null`);
          } else parts.push(names[i]! + writers[i]!(x));
        }
        return `{${parts.join(',')}}`;
      };
    }
  }
}

/**
 * Spark writes a map key with the key's `toString`: text for strings and numbers, and the raw internal
 * number for timestamps (microseconds) and dates (days).
 */
function mapKeyText(t: DataType, timeZone: string): (k: unknown) => string {
  switch (t.kind) {
    case 'string': return (k) => k as string;
    case 'int': case 'long': case 'timestamp': case 'date': return (k) => integerText(k as number);
    case 'double': return (k) => doubleText(k as number);
    default: return (k) => formatCell(t, k, timeZone);
  }
}
