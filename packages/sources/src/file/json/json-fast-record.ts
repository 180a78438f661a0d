import { layoutOf, type DataType, type StructType } from '@caudal/core';
import { ConversionFailure } from '../malformed/conversion-failure.ts';
import type { JsonBatchWriter } from './json-batch-writer.ts';
import { jsonConverter, type JsonConvertContext, type JsonConverter } from './json-converter.ts';
import { StringDedup } from './json-string-dedup.ts';

const INT_MIN = -2_147_483_648;
const INT_MAX = 2_147_483_647;
const LONG_LIMIT = 9_223_372_036_854_775_807;

/** Why a value was not taken: the general path redoes the record and reports it. */
const GIVE_UP = new ConversionFailure(null, { kind: 'null' });

/** Writes one parsed field value into its column; false when the value does not fit its type. */
type FieldStore = (v: unknown) => boolean;

/**
 * The fast path of the JSON reader for one parsed object: each schema field's value goes straight
 * into its column (no row array, no per-value dispatch on the column layout), nested values through
 * converters that skip the general ones' error bookkeeping. It takes only objects whose fields all fit
 * their types; for any other it returns false having committed nothing, and the caller converts the
 * object the general way (jsonConverter), which gives the exact message and Spark's partial results.
 */
export function fastJsonObjectReader(dataSchema: StructType, targets: readonly number[], ctx: JsonConvertContext, out: JsonBatchWriter): (obj: object) => boolean {
  const fields = dataSchema.fields;
  const names = fields.map((f) => f.name);
  const inherited = names.map((name) => name in Object.prototype);
  const stores = fields.map((f, i) => fieldStore(f.dataType, targets[i]!, ctx, out));
  const n = fields.length;
  return (obj) => {
    out.beginFast();
    const o = obj as Record<string, unknown>;
    try {
      for (let j = 0; j < n; j++) {
        const name = names[j]!;
        const v = o[name];
        // JSON has no undefined: an absent field, unless its name is also inherited from Object.prototype.
        if (v === undefined || (inherited[j] && !Object.hasOwn(o, name))) continue;
        if (!stores[j]!(v)) return false;
      }
    } catch (e) {
      if (e instanceof ConversionFailure) return false;
      throw e;
    }
    out.commitFast();
    return true;
  };
}

function fieldStore(type: DataType, c: number, ctx: JsonConvertContext, out: JsonBatchWriter): FieldStore {
  switch (type.kind) {
    case 'string': {
      const convert = fastConverter(type, ctx);
      const dedup = new StringDedup();
      return (v) => {
        out.setObj(c, typeof v === 'string' ? dedup.get(v) : v === null ? v : convert(v));
        return true;
      };
    }
    case 'int': case 'long': {
      const min = type.kind === 'int' ? INT_MIN : -LONG_LIMIT;
      const max = type.kind === 'int' ? INT_MAX : LONG_LIMIT;
      return (v) => {
        if (typeof v === 'number') {
          if (!Number.isInteger(v) || v < min || v > max) return false;
          out.setNum(c, v);
        } else if (v === null) out.setNull(c);
        else return false;
        return true;
      };
    }
    case 'double': {
      const convert = jsonConverter(type, ctx);
      return (v) => {
        if (typeof v === 'number') out.setNum(c, v);
        else if (v === null) out.setNull(c);
        else out.setNum(c, convert(v) as number);
        return true;
      };
    }
    default: {
      const convert = fastConverter(type, ctx);
      switch (layoutOf(type)) {
        case 'num': return (v) => {
          const x = convert(v);
          if (x === null) out.setNull(c);
          else out.setNum(c, x as number);
          return true;
        };
        case 'bool': return (v) => {
          const x = convert(v);
          if (x === null) out.setNull(c);
          else out.setBool(c, x as boolean);
          return true;
        };
        case 'obj': return (v) => {
          out.setObj(c, convert(v));
          return true;
        };
      }
    }
  }
}

/**
 * jsonConverter's values for strings, numbers, booleans, structs and arrays (the rest: jsonConverter
 * itself), throwing GIVE_UP instead of describing a failure.
 */
function fastConverter(type: DataType, ctx: JsonConvertContext): JsonConverter {
  switch (type.kind) {
    case 'string': {
      const dedup = new StringDedup();
      return (v) => (typeof v === 'string' ? dedup.get(v) : v === null ? v : typeof v === 'object' ? JSON.stringify(v) : String(v));
    }
    case 'boolean':
      return (v) => {
        if (typeof v === 'boolean' || v === null) return v;
        throw GIVE_UP;
      };
    case 'int': case 'long': {
      const min = type.kind === 'int' ? INT_MIN : -LONG_LIMIT;
      const max = type.kind === 'int' ? INT_MAX : LONG_LIMIT;
      return (v) => {
        if (v === null || (typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max)) return v;
        throw GIVE_UP;
      };
    }
    case 'double': {
      const convert = jsonConverter(type, ctx);
      return (v) => (typeof v === 'number' || v === null ? v : convert(v));
    }
    case 'array': {
      const element = fastConverter(type.elementType, ctx);
      return (v) => {
        if (v === null) return null;
        if (!Array.isArray(v)) throw GIVE_UP;
        const arr = v as unknown[];
        const len = arr.length;
        const values = new Array<unknown>(len);
        for (let i = 0; i < len; i++) values[i] = element(arr[i]);
        return values;
      };
    }
    case 'struct': {
      const names = type.fields.map((f) => f.name);
      const inherited = names.map((name) => name in Object.prototype);
      const converters = type.fields.map((f) => fastConverter(f.dataType, ctx));
      const n = names.length;
      return (v) => {
        if (v === null) return null;
        if (typeof v !== 'object' || Array.isArray(v)) throw GIVE_UP;
        const o = v as Record<string, unknown>;
        const values = new Array<unknown>(n);
        for (let i = 0; i < n; i++) {
          const name = names[i]!;
          const x = o[name];
          values[i] = x === undefined || (inherited[i] && !Object.hasOwn(o, name)) ? null : converters[i]!(x);
        }
        return values;
      };
    }
    default:
      return jsonConverter(type, ctx);
  }
}
