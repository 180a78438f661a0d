import { valueAt, type ColumnBatch } from '@caudal/core';

/** One column's internal values over all batches, in order. */
export function columnValues(batches: readonly ColumnBatch[], column: number): unknown[] {
  const out: unknown[] = [];
  for (const b of batches) {
    const v = b.column(column);
    for (let i = 0; i < b.numRows; i++) out.push(valueAt(v, i));
  }
  return out;
}

/** Whole numbers from `from` to `to - 1`. */
export function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);
}
