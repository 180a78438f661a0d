import { simpleString, type DataType } from '@caudal/core';
import type { DateParser, TimestampParser } from '../datetime/datetime-parsers.ts';
import { ConversionFailure } from '../malformed/conversion-failure.ts';

/** Turns one parsed JSON value into the engine's internal value for a type, or throws ConversionFailure. */
export type JsonConverter = (value: unknown) => unknown;

export interface JsonConvertContext {
  readonly parseTimestamp: TimestampParser;
  readonly parseDate: DateParser;
}

const INT_MIN = -2_147_483_648;
const INT_MAX = 2_147_483_647;
const LONG_LIMIT = 9_223_372_036_854_775_807;

/** Spark's spellings of non-finite doubles in JSON strings (allowNonNumericNumbers). */
const SPECIAL_DOUBLES = new Map<string, number>([
  ['NaN', Number.NaN], ['Infinity', Infinity], ['+Infinity', Infinity], ['-Infinity', -Infinity],
  ['INF', Infinity], ['+INF', Infinity], ['-INF', -Infinity],
]);

/**
 * A converter per type, built once per read (Spark's JacksonParser.makeConverter): null stays null;
 * numbers must be whole and in range for int/long; strings become timestamps and dates through the
 * configured formats (whole numbers are epoch seconds for timestamps); strings hold any value (objects
 * and arrays as their JSON text); an empty string is a null only for string and binary.
 */
export function jsonConverter(type: DataType, ctx: JsonConvertContext): JsonConverter {
  const fail = (v: unknown): never => {
    throw new ConversionFailure(v, type);
  };
  switch (type.kind) {
    case 'string':
      return (v) => (v === null ? null : typeof v === 'string' ? v : typeof v === 'object' ? JSON.stringify(v) : String(v));
    case 'boolean':
      return (v) => (v === null ? null : typeof v === 'boolean' ? v : fail(v));
    case 'int':
      return (v) => (v === null ? null : typeof v === 'number' && Number.isInteger(v) && v >= INT_MIN && v <= INT_MAX ? v : fail(v));
    case 'long':
      return (v) => (v === null ? null : typeof v === 'number' && Number.isInteger(v) && Math.abs(v) <= LONG_LIMIT ? v : fail(v));
    case 'double':
      return (v) => {
        if (v === null) return null;
        if (typeof v === 'number') return v;
        if (typeof v === 'string') {
          const special = SPECIAL_DOUBLES.get(v);
          if (special !== undefined) return special;
        }
        return fail(v);
      };
    case 'timestamp':
      return (v) => {
        if (v === null) return null;
        if (typeof v === 'string' && v !== '') return ctx.parseTimestamp(v) ?? fail(v);
        if (typeof v === 'number' && Number.isInteger(v)) return v * 1_000_000;
        return fail(v);
      };
    case 'date':
      return (v) => {
        if (v === null) return null;
        if (typeof v === 'string' && v !== '') return ctx.parseDate(v) ?? fail(v);
        return fail(v);
      };
    case 'binary':
      return (v) => (v === null ? null : typeof v === 'string' ? new Uint8Array(Buffer.from(v, 'base64')) : fail(v));
    case 'array': {
      const element = jsonConverter(type.elementType, ctx);
      return (v) => {
        if (v === null) return null;
        if (!Array.isArray(v)) return fail(v);
        const out = new Array<unknown>(v.length);
        for (let i = 0; i < v.length; i++) {
          try {
            out[i] = element(v[i]);
          } catch (e) {
            throw ConversionFailure.within(e, `[${i}]`);
          }
        }
        return out;
      };
    }
    case 'struct': {
      const names = type.fields.map((f) => f.name);
      const converters = type.fields.map((f) => jsonConverter(f.dataType, ctx));
      return (v) => {
        if (v === null) return null;
        if (typeof v !== 'object' || Array.isArray(v)) return fail(v);
        const obj = v as Record<string, unknown>;
        const out = new Array<unknown>(names.length);
        for (let i = 0; i < names.length; i++) {
          const name = names[i]!;
          try {
            out[i] = Object.hasOwn(obj, name) ? converters[i]!(obj[name]) : null;
          } catch (e) {
            throw ConversionFailure.within(e, `.${name}`);
          }
        }
        return out;
      };
    }
    case 'map': {
      const value = jsonConverter(type.valueType, ctx);
      return (v) => {
        if (v === null) return null;
        if (typeof v !== 'object' || Array.isArray(v)) return fail(v);
        const out = new Map<unknown, unknown>();
        for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
          try {
            out.set(k, value(x));
          } catch (e) {
            throw ConversionFailure.within(e, `[${JSON.stringify(k)}]`);
          }
        }
        return out;
      };
    }
    case 'null': case 'interval':
      throw new Error(`internal: JSON cannot read ${simpleString(type)}`);
  }
}
