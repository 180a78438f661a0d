import { ColumnBatch, vectorFromValues, type StructType } from '@caudal/core';

/** A ColumnBatch from rows of internal values. */
export function batchOf(schema: StructType, rows: readonly (readonly unknown[])[]): ColumnBatch {
  return new ColumnBatch(schema, schema.fields.map((f, c) => vectorFromValues(f.dataType, rows.map((r) => r[c]))), rows.length);
}
