import { StructType } from '../types/schema.ts';
import { concatVectors, selectedRows, sliceVector, takeVector, valueAt, vectorLength, type Vector } from './vector.ts';

/**
 * A set of equally long column vectors with their schema: the unit operators exchange.
 * Immutable by convention: operators build new batches, never write into an input's arrays.
 *
 * @example
 * ```ts
 * import { ColumnBatch, LONG, STRING, StructType, vectorFromValues } from 'caudal';
 * const schema = new StructType().add('word', STRING).add('count', LONG);
 * const batch = new ColumnBatch(schema, [vectorFromValues(STRING, ['a', 'b', 'c']), vectorFromValues(LONG, [3, 1, 2])], 3);
 * batch.slice(0, 2).rowValues(1); // ['b', 1]
 * ```
 */
export class ColumnBatch {
  constructor(
    /** The batch's columns. */
    readonly schema: StructType,
    /** One vector per schema field, each `numRows` long. */
    readonly columns: readonly Vector[],
    /** Rows in the batch. */
    readonly numRows: number,
  ) {
    if (columns.length !== schema.length) {
      throw new Error(`internal: batch has ${columns.length} columns but its schema has ${schema.length}`);
    }
    for (const c of columns) {
      if (vectorLength(c) !== numRows) throw new Error(`internal: column length ${vectorLength(c)} != ${numRows} rows`);
    }
  }

  /** A batch of no rows. */
  static empty(schema: StructType): ColumnBatch {
    return new ColumnBatch(schema, schema.fields.map((f) => concatVectors(f.dataType, [])), 0);
  }

  /** The vector of column `i`. */
  column(i: number): Vector {
    const c = this.columns[i];
    if (c === undefined) throw new Error(`internal: no column ${i}`);
    return c;
  }

  /** The rows at `indices` (the first `count` of them), in that order. */
  take(indices: Int32Array | readonly number[], count = indices.length): ColumnBatch {
    return new ColumnBatch(this.schema, this.columns.map((c) => takeVector(c, indices, count)), count);
  }

  /** The rows whose `mask` byte is 1; `count` is how many there are. */
  filter(mask: Uint8Array, count: number): ColumnBatch {
    if (count === this.numRows) return this;
    // The selected positions once for all columns.
    const idx = selectedRows(mask, count);
    return new ColumnBatch(this.schema, this.columns.map((c) => takeVector(c, idx, count)), count);
  }

  /** Rows `start` (inclusive) to `end` (exclusive). */
  slice(start: number, end: number): ColumnBatch {
    const s = Math.max(0, Math.min(start, this.numRows));
    const e = Math.max(s, Math.min(end, this.numRows));
    return new ColumnBatch(this.schema, this.columns.map((c) => sliceVector(c, s, e)), e - s);
  }

  /** The same vectors under another schema of the same types (renamed columns). */
  withSchema(schema: StructType): ColumnBatch {
    return new ColumnBatch(schema, this.columns, this.numRows);
  }

  /** Internal values of one row (slow path: display, tests, user callbacks). */
  rowValues(i: number): unknown[] {
    return this.columns.map((c) => valueAt(c, i));
  }

  /** One batch holding the rows of all `batches`, in order. */
  static concat(schema: StructType, batches: readonly ColumnBatch[]): ColumnBatch {
    if (batches.length === 1) return batches[0]!.withSchema(schema);
    if (batches.length === 0) return ColumnBatch.empty(schema);
    const n = batches.reduce((s, b) => s + b.numRows, 0);
    return new ColumnBatch(
      schema,
      schema.fields.map((f, i) => concatVectors(f.dataType, batches.map((b) => b.column(i)))),
      n,
    );
  }
}

/**
 * The rows of all batches together.
 *
 * @example
 * ```ts
 * import { totalRows, type Sink } from 'caudal';
 * const countingSink: Sink = {
 *   description: 'CountingSink',
 *   async addBatch(batch) {
 *     console.log(`batch ${batch.batchId}: ${totalRows(batch.batches)} rows`);
 *   },
 *   async stop() {},
 * };
 * ```
 */
export function totalRows(batches: readonly ColumnBatch[]): number {
  let n = 0;
  for (const b of batches) n += b.numRows;
  return n;
}
