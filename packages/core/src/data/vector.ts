import type { DataType } from '../types/data-type.ts';

/**
 * A column of values inside the engine. Three layouts, chosen so kernels are tight loops over typed arrays:
 * - `num`: int, long, double, timestamp (microseconds) and date (days) as a Float64Array. 64-bit integers are
 *   exact up to 2^53, which covers timestamps in microseconds until the year 2255.
 * - `bool`: one byte per value (0/1).
 * - `obj`: strings (JS strings), binary (Uint8Array), arrays (JS arrays), maps (Map) and structs (arrays of
 *   field values in schema order). Null entries are `null`.
 * `valid` is one byte per row (1 = present) or null when the column has no nulls.
 * Batches enter and leave the engine as Apache Arrow record batches (`data/arrow-convert.ts`).
 *
 * @example
 * ```ts
 * import { LONG, STRING, valueAt, vectorFromValues, type Vector } from 'caudal';
 * const ids: Vector = vectorFromValues(LONG, [1, 2, null]); // kind 'num', valid = [1, 1, 0]
 * const names: Vector = vectorFromValues(STRING, ['a', null, 'c']); // kind 'obj'
 * valueAt(ids, 2); // null
 * ```
 */
export type Vector = NumVector | BoolVector | ObjVector;

/**
 * int, long, double, timestamp (µs) and date (days) values as doubles.
 *
 * @example
 * ```ts
 * import { DOUBLE, valueAt, type NumVector } from 'caudal';
 * const temps: NumVector = { kind: 'num', type: DOUBLE, values: Float64Array.of(21.5, 0, 19), valid: Uint8Array.of(1, 0, 1) };
 * valueAt(temps, 1); // null
 * ```
 */
export interface NumVector {
  /** Layout tag. */
  readonly kind: 'num';
  /** The column's type. */
  readonly type: DataType;
  /** One value per row (undefined content where invalid). */
  readonly values: Float64Array;
  /** One byte per row, 1 = present; null when no value is null. */
  readonly valid: Uint8Array | null;
}

/**
 * Booleans, one byte per row (0/1).
 *
 * @example
 * ```ts
 * import { BOOLEAN, valueAt, type BoolVector } from 'caudal';
 * const flags: BoolVector = { kind: 'bool', type: BOOLEAN, values: Uint8Array.of(1, 0, 1), valid: null };
 * valueAt(flags, 0); // true
 * ```
 */
export interface BoolVector {
  /** Layout tag. */
  readonly kind: 'bool';
  /** The column's type (boolean). */
  readonly type: DataType;
  /** One byte per row, 1 = true. */
  readonly values: Uint8Array;
  /** One byte per row, 1 = present; null when no value is null. */
  readonly valid: Uint8Array | null;
}

/**
 * Strings, binary, arrays, maps and structs as JS values; null entries are `null`.
 *
 * @example
 * ```ts
 * import { STRING, type ObjVector } from 'caudal';
 * const words: ObjVector = { kind: 'obj', type: STRING, values: ['spark', null, 'caudal'] };
 * ```
 */
export interface ObjVector {
  /** Layout tag. */
  readonly kind: 'obj';
  /** The column's type. */
  readonly type: DataType;
  /** One value per row; `null` for a null. */
  readonly values: readonly unknown[];
}

/**
 * Which layout a type uses.
 *
 * @example
 * ```ts
 * import { BOOLEAN, STRING, TIMESTAMP, layoutOf } from 'caudal';
 * layoutOf(TIMESTAMP); // 'num' (microseconds in a Float64Array)
 * layoutOf(BOOLEAN); // 'bool'
 * layoutOf(STRING); // 'obj'
 * ```
 */
export function layoutOf(t: DataType): Vector['kind'] {
  switch (t.kind) {
    case 'int': case 'long': case 'double': case 'timestamp': case 'date':
      return 'num';
    case 'boolean':
      return 'bool';
    default:
      return 'obj';
  }
}

/**
 * Rows in the vector.
 *
 * @example
 * ```ts
 * import { STRING, vectorFromValues, vectorLength } from 'caudal';
 * vectorLength(vectorFromValues(STRING, ['a', 'b', null])); // 3
 * ```
 */
export function vectorLength(v: Vector): number {
  return v.values.length;
}

/**
 * Whether row `i` is null.
 *
 * @example
 * ```ts
 * import { LONG, isNullAt, vectorFromValues } from 'caudal';
 * const v = vectorFromValues(LONG, [7, null]);
 * isNullAt(v, 1); // true
 * ```
 */
export function isNullAt(v: Vector, i: number): boolean {
  if (v.kind === 'obj') return v.values[i] === null || v.values[i] === undefined;
  return v.valid !== null && v.valid[i] === 0;
}

/**
 * The value at row i in the engine's internal representation (null for null). Slow path: not for hot loops.
 *
 * @example
 * ```ts
 * import { valueAt, type SinkBatch } from 'caudal';
 * // Inside a custom sink: print the first column of every row.
 * function printFirstColumn(batch: SinkBatch): void {
 *   for (const b of batch.batches) for (let i = 0; i < b.numRows; i++) console.log(valueAt(b.column(0), i));
 * }
 * ```
 */
export function valueAt(v: Vector, i: number): unknown {
  switch (v.kind) {
    case 'num':
      return v.valid !== null && v.valid[i] === 0 ? null : v.values[i];
    case 'bool':
      return v.valid !== null && v.valid[i] === 0 ? null : v.values[i] === 1;
    case 'obj': {
      const x = v.values[i];
      return x === undefined ? null : x;
    }
  }
}

/**
 * How many rows are null.
 *
 * @example
 * ```ts
 * import { DOUBLE, nullCount, vectorFromValues } from 'caudal';
 * nullCount(vectorFromValues(DOUBLE, [1.5, null, null])); // 2
 * ```
 */
export function nullCount(v: Vector): number {
  let c = 0;
  if (v.kind === 'obj') {
    for (const x of v.values) if (x === null || x === undefined) c++;
    return c;
  }
  if (v.valid === null) return 0;
  for (let i = 0; i < v.valid.length; i++) if (v.valid[i] === 0) c++;
  return c;
}

/**
 * A vector of n nulls of the given type.
 *
 * @example
 * ```ts
 * import { STRING, nullVector } from 'caudal';
 * const missing = nullVector(STRING, 3); // { kind: 'obj', values: [null, null, null] }
 * ```
 */
export function nullVector(type: DataType, n: number): Vector {
  switch (layoutOf(type)) {
    case 'num': return { kind: 'num', type, values: new Float64Array(n), valid: new Uint8Array(n) };
    case 'bool': return { kind: 'bool', type, values: new Uint8Array(n), valid: new Uint8Array(n) };
    case 'obj': return { kind: 'obj', type, values: new Array<unknown>(n).fill(null) };
  }
}

/**
 * A vector repeating one internal value n times.
 *
 * @example
 * ```ts
 * import { STRING, constantVector } from 'caudal';
 * const source = constantVector(STRING, 'sensor-7', 100); // 100 rows of 'sensor-7'
 * ```
 */
export function constantVector(type: DataType, value: unknown, n: number): Vector {
  if (value === null || value === undefined) return nullVector(type, n);
  switch (layoutOf(type)) {
    case 'num': return { kind: 'num', type, values: new Float64Array(n).fill(value as number), valid: null };
    case 'bool': return { kind: 'bool', type, values: new Uint8Array(n).fill(value ? 1 : 0), valid: null };
    case 'obj': return { kind: 'obj', type, values: new Array<unknown>(n).fill(value) };
  }
}

/**
 * Builds a vector from internal values (null for null).
 *
 * @example
 * ```ts
 * import { ColumnBatch, LONG, STRING, StructType, vectorFromValues } from 'caudal';
 * const schema = new StructType().add('word', STRING).add('count', LONG);
 * const batch = new ColumnBatch(schema, [vectorFromValues(STRING, ['a', 'b']), vectorFromValues(LONG, [3, 1])], 2);
 * ```
 */
export function vectorFromValues(type: DataType, values: readonly unknown[]): Vector {
  const n = values.length;
  switch (layoutOf(type)) {
    case 'num': {
      const out = new Float64Array(n);
      let valid: Uint8Array | null = null;
      for (let i = 0; i < n; i++) {
        const x = values[i];
        if (x === null || x === undefined) {
          valid ??= new Uint8Array(n).fill(1);
          valid[i] = 0;
        } else out[i] = x as number;
      }
      return { kind: 'num', type, values: out, valid };
    }
    case 'bool': {
      const out = new Uint8Array(n);
      let valid: Uint8Array | null = null;
      for (let i = 0; i < n; i++) {
        const x = values[i];
        if (x === null || x === undefined) {
          valid ??= new Uint8Array(n).fill(1);
          valid[i] = 0;
        } else out[i] = x ? 1 : 0;
      }
      return { kind: 'bool', type, values: out, valid };
    }
    case 'obj':
      return { kind: 'obj', type, values: values.map((x) => (x === undefined ? null : x)) };
  }
}

/**
 * Rows picked by index (indices may repeat).
 *
 * @example
 * ```ts
 * import { STRING, takeVector, vectorFromValues } from 'caudal';
 * const v = vectorFromValues(STRING, ['a', 'b', 'c']);
 * takeVector(v, [2, 0, 0]); // values ['c', 'a', 'a']
 * ```
 */
export function takeVector(v: Vector, indices: Int32Array | readonly number[], count = indices.length): Vector {
  switch (v.kind) {
    case 'num': {
      const out = new Float64Array(count);
      const src = v.values;
      for (let i = 0; i < count; i++) out[i] = src[indices[i]!]!;
      return { kind: 'num', type: v.type, values: out, valid: takeValid(v.valid, indices, count) };
    }
    case 'bool': {
      const out = new Uint8Array(count);
      const src = v.values;
      for (let i = 0; i < count; i++) out[i] = src[indices[i]!]!;
      return { kind: 'bool', type: v.type, values: out, valid: takeValid(v.valid, indices, count) };
    }
    case 'obj': {
      const out = new Array<unknown>(count);
      const src = v.values;
      for (let i = 0; i < count; i++) out[i] = src[indices[i]!];
      return { kind: 'obj', type: v.type, values: out };
    }
  }
}

function takeValid(valid: Uint8Array | null, indices: Int32Array | readonly number[], count: number): Uint8Array | null {
  if (valid === null) return null;
  const out = new Uint8Array(count);
  for (let i = 0; i < count; i++) out[i] = valid[indices[i]!]!;
  return out;
}

/**
 * Rows [start, end). Shares memory with the source for typed layouts.
 *
 * @example
 * ```ts
 * import { LONG, sliceVector, vectorFromValues } from 'caudal';
 * sliceVector(vectorFromValues(LONG, [10, 20, 30, 40]), 1, 3); // values [20, 30]
 * ```
 */
export function sliceVector(v: Vector, start: number, end: number): Vector {
  switch (v.kind) {
    case 'num':
      return { kind: 'num', type: v.type, values: v.values.subarray(start, end), valid: v.valid?.subarray(start, end) ?? null };
    case 'bool':
      return { kind: 'bool', type: v.type, values: v.values.subarray(start, end), valid: v.valid?.subarray(start, end) ?? null };
    case 'obj':
      return { kind: 'obj', type: v.type, values: v.values.slice(start, end) };
  }
}

/**
 * Concatenates vectors of one type.
 *
 * @example
 * ```ts
 * import { LONG, concatVectors, vectorFromValues } from 'caudal';
 * concatVectors(LONG, [vectorFromValues(LONG, [1, 2]), vectorFromValues(LONG, [null])]); // [1, 2, null]
 * ```
 */
export function concatVectors(type: DataType, parts: readonly Vector[]): Vector {
  if (parts.length === 1) return parts[0]!;
  let n = 0;
  for (const p of parts) n += vectorLength(p);
  switch (layoutOf(type)) {
    case 'num':
    case 'bool': {
      const values = layoutOf(type) === 'num' ? new Float64Array(n) : new Uint8Array(n);
      const anyNulls = parts.some((p) => p.kind !== 'obj' && p.valid !== null);
      const valid = anyNulls ? new Uint8Array(n).fill(1) : null;
      let off = 0;
      for (const p of parts) {
        if (p.kind === 'obj') throw new Error(`internal: cannot concatenate ${p.kind} into ${type.kind}`);
        (values as Float64Array).set(p.values as Float64Array, off);
        if (valid !== null && p.valid !== null) valid.set(p.valid, off);
        off += p.values.length;
      }
      return layoutOf(type) === 'num'
        ? { kind: 'num', type, values: values as Float64Array, valid }
        : { kind: 'bool', type, values: values as Uint8Array, valid };
    }
    case 'obj': {
      const out = new Array<unknown>(n);
      let off = 0;
      for (const p of parts) {
        const src = p.values;
        for (let i = 0; i < src.length; i++) out[off + i] = src[i];
        off += src.length;
      }
      return { kind: 'obj', type, values: out };
    }
  }
}

/**
 * Positions of the rows whose mask byte is 1 (mask bytes are 0 or 1), `count` of them: the first `count` entries
 * of the result. Branch-free (a data-dependent branch per row mispredicts on mixed masks), so the array has
 * one spare entry that absorbs the writes after the last selected row.
 *
 * @example
 * ```ts
 * import { selectedRows } from 'caudal';
 * const mask = Uint8Array.of(0, 1, 1, 0, 1);
 * const rows = selectedRows(mask, 3).subarray(0, 3); // [1, 2, 4]
 * ```
 */
export function selectedRows(mask: Uint8Array, count: number): Int32Array {
  const idx = new Int32Array(count + 1);
  const n = mask.length;
  let k = 0;
  for (let i = 0; i < n; i++) {
    idx[k] = i;
    k += mask[i]! & 1;
  }
  return idx;
}

/**
 * Keeps rows whose mask byte is 1.
 *
 * @example
 * ```ts
 * import { STRING, filterVector, vectorFromValues } from 'caudal';
 * const v = vectorFromValues(STRING, ['keep', 'drop', 'keep']);
 * filterVector(v, Uint8Array.of(1, 0, 1), 2); // values ['keep', 'keep']
 * ```
 */
export function filterVector(v: Vector, mask: Uint8Array, count: number): Vector {
  return takeVector(v, selectedRows(mask, count), count);
}
