import type { DataType } from '../types/data-type.ts';
import { StructType } from '../types/schema.ts';

/**
 * Conversion between the engine's internal values (data/vector.ts) and what user code sees:
 * timestamps and dates as `Date`, structs as plain objects, maps as `Map`, binary as `Uint8Array`.
 *
 * @example
 * ```ts
 * import type { Row } from 'caudal';
 * const rows: Row[] = await counts.orderBy('word').collect();
 * for (const row of rows) console.log(`${String(row.word)}: ${Number(row.count)}`);
 * // PySpark: for row in counts.orderBy("word").collect(): print(f"{row.word}: {row['count']}")
 * ```
 */
export type Row = Record<string, unknown>;

/**
 * A vector value as user code sees it (Date for timestamps and dates, numbers, strings, arrays, objects).
 *
 * @example
 * ```ts
 * import { TIMESTAMP, toExternal } from 'caudal';
 * toExternal(TIMESTAMP, 1_700_000_000_000_000); // new Date('2023-11-14T22:13:20.000Z') (microseconds in, Date out)
 * ```
 */
export function toExternal(type: DataType, v: unknown): unknown {
  if (v === null || v === undefined) return null;
  switch (type.kind) {
    case 'timestamp':
      return new Date(Math.floor((v as number) / 1000));
    case 'date':
      return new Date((v as number) * 86_400_000);
    case 'array':
      return (v as unknown[]).map((e) => toExternal(type.elementType, e));
    case 'map': {
      const out = new Map<unknown, unknown>();
      for (const [k, x] of v as Map<unknown, unknown>) out.set(toExternal(type.keyType, k), toExternal(type.valueType, x));
      return out;
    }
    case 'struct': {
      const arr = v as unknown[];
      const out: Row = {};
      type.fields.forEach((f, i) => {
        out[f.name] = toExternal(f.dataType, arr[i]);
      });
      return out;
    }
    default:
      return v;
  }
}

/**
 * A row of vector values as a plain object keyed by column name.
 *
 * @example
 * ```ts
 * import { rowToExternal, type SinkBatch } from 'caudal';
 * function firstRow(batch: SinkBatch) {
 *   const b = batch.batches.find((x) => x.numRows > 0);
 *   return b === undefined ? undefined : rowToExternal(batch.schema, b.rowValues(0)); // { word: 'a', count: 3 }
 * }
 * ```
 */
export function rowToExternal(schema: StructType, values: readonly unknown[]): Row {
  const out: Row = {};
  schema.fields.forEach((f, i) => {
    out[f.name] = toExternal(f.dataType, values[i]);
  });
  return out;
}

/**
 * Converts a user value to the internal form, or throws a message naming the field and the expected type.
 *
 * @example
 * ```ts
 * import { TIMESTAMP, toInternal } from 'caudal';
 * toInternal(TIMESTAMP, new Date('2024-01-01T00:00:00Z'), 'ts'); // 1704067200000000 (microseconds)
 * toInternal(TIMESTAMP, 42, 'ts'); // throws TypeError: ts: cannot use the number 42 as a value of type timestamp
 * ```
 */
export function toInternal(type: DataType, v: unknown, where: string): unknown {
  if (v === null || v === undefined) return null;
  const fail = (): never => {
    throw new TypeError(`${where}: cannot use ${describe(v)} as a value of type ${type.kind}`);
  };
  switch (type.kind) {
    case 'null':
      return fail();
    case 'interval':
      return typeof v === 'object' && v !== null && 'months' in v && 'micros' in v ? v : fail();
    case 'string':
      return typeof v === 'string' ? v : fail();
    case 'boolean':
      return typeof v === 'boolean' ? v : fail();
    case 'int':
      return typeof v === 'number' && Number.isInteger(v) && v >= -2147483648 && v <= 2147483647 ? v : fail();
    case 'long':
      if (typeof v === 'bigint') return Number(v);
      return typeof v === 'number' && Number.isInteger(v) ? v : fail();
    case 'double':
      return typeof v === 'number' ? v : fail();
    case 'timestamp':
      if (v instanceof Date) return v.getTime() * 1000;
      if (typeof v === 'string') {
        const ms = Date.parse(v);
        return Number.isNaN(ms) ? fail() : ms * 1000;
      }
      return fail();
    case 'date':
      if (v instanceof Date) return Math.floor(v.getTime() / 86_400_000);
      if (typeof v === 'string') {
        const ms = Date.parse(v.length === 10 ? `${v}T00:00:00Z` : v);
        return Number.isNaN(ms) ? fail() : Math.floor(ms / 86_400_000);
      }
      return fail();
    case 'binary':
      if (v instanceof Uint8Array) return v;
      if (typeof v === 'string') return new TextEncoder().encode(v);
      return fail();
    case 'array':
      return Array.isArray(v) ? v.map((e, i) => toInternal(type.elementType, e, `${where}[${i}]`)) : fail();
    case 'map': {
      const entries = v instanceof Map ? [...v.entries()] : typeof v === 'object' ? Object.entries(v as object) : fail();
      const out = new Map<unknown, unknown>();
      for (const [k, x] of entries) out.set(toInternal(type.keyType, k, `${where} key`), toInternal(type.valueType, x, `${where}[${String(k)}]`));
      return out;
    }
    case 'struct': {
      if (Array.isArray(v)) return type.fields.map((f, i) => toInternal(f.dataType, v[i], `${where}.${f.name}`));
      if (typeof v !== 'object') return fail();
      const obj = v as Record<string, unknown>;
      return type.fields.map((f) => toInternal(f.dataType, obj[f.name], `${where}.${f.name}`));
    }
  }
}

function describe(v: unknown): string {
  if (typeof v === 'string') return `the string ${JSON.stringify(v.length > 30 ? `${v.slice(0, 27)}...` : v)}`;
  if (typeof v === 'object') return Array.isArray(v) ? 'an array' : v instanceof Date ? 'a Date' : 'an object';
  return `the ${typeof v} ${String(v)}`;
}

/**
 * Infers a Spark type for a JS value, as PySpark's createDataFrame does for Python values.
 *
 * @example
 * ```ts
 * import { inferType } from 'caudal';
 * inferType(3); // { kind: 'long' }
 * inferType(2.5); // { kind: 'double' }
 * inferType(['a', 'b']); // { kind: 'array', elementType: { kind: 'string' }, containsNull: true }
 * ```
 */
export function inferType(v: unknown): DataType | undefined {
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'string') return { kind: 'string' };
  if (typeof v === 'boolean') return { kind: 'boolean' };
  if (typeof v === 'bigint') return { kind: 'long' };
  if (typeof v === 'number') return Number.isInteger(v) ? { kind: 'long' } : { kind: 'double' };
  if (v instanceof Date) return { kind: 'timestamp' };
  if (v instanceof Uint8Array) return { kind: 'binary' };
  if (Array.isArray(v)) {
    const first = v.find((e) => e !== null && e !== undefined);
    return { kind: 'array', elementType: inferType(first) ?? { kind: 'string' }, containsNull: true };
  }
  if (v instanceof Map) {
    const [k, x] = v.entries().next().value ?? [];
    return { kind: 'map', keyType: inferType(k) ?? { kind: 'string' }, valueType: inferType(x) ?? { kind: 'string' }, valueContainsNull: true };
  }
  if (typeof v === 'object') {
    return {
      kind: 'struct',
      fields: Object.entries(v as object).map(([name, x]) => ({ name, dataType: inferType(x) ?? { kind: 'string' }, nullable: true })),
    };
  }
  return undefined;
}
