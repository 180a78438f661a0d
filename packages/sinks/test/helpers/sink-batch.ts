import {
  ColumnBatch, batchesToArrowTable, rowToExternal, totalRows, vectorFromValues,
  type SinkBatch, type StructType,
} from '@caudal/core';

/** A ColumnBatch from rows of internal values. */
export function batchOf(schema: StructType, rows: readonly (readonly unknown[])[]): ColumnBatch {
  return new ColumnBatch(schema, schema.fields.map((f, c) => vectorFromValues(f.dataType, rows.map((r) => r[c]))), rows.length);
}

type BatchDataFrame = ReturnType<SinkBatch['toDataFrame']>;

/**
 * A SinkBatch over ColumnBatches, standing in for the engine's factory until core exports one.
 * `toDataFrame` returns a marker object recording the batch it came from.
 */
export function makeSinkBatch(batchId: number, schema: StructType, batches: readonly ColumnBatch[]): SinkBatch {
  return {
    batchId,
    schema,
    batches,
    numRows: totalRows(batches),
    toDataFrame: () => ({ stubDataFrameOfBatch: batchId, batches }) as unknown as BatchDataFrame,
    toArrow: () => batchesToArrowTable(schema, batches),
    rows: () => batches.flatMap((b) => Array.from({ length: b.numRows }, (_, i) => rowToExternal(schema, b.rowValues(i)))),
  };
}
