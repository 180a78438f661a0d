import type { Table } from 'apache-arrow';
import type { SinkBatch } from '../connector/sink.ts';
import { batchesToArrowTable } from '../data/arrow-convert.ts';
import { ColumnBatch, totalRows } from '../data/column-batch.ts';
import { rowToExternal, type Row } from '../data/external-values.ts';
import { DataFrame } from '../dataframe/dataframe.ts';
import type { Session } from '../session/session.ts';
import type { StructType } from '../types/schema.ts';

/**
 * The engine's SinkBatch: a batch's output rows with lazy views for sinks and user code.
 *
 * @example
 * ```ts
 * import { ColumnBatch, LONG, StructType, createSinkBatch, vectorFromValues } from 'caudal';
 * import { ConsoleSink } from '@caudal/sinks';
 * // Test a sink without running a query: hand it batch 0 directly.
 * const schema = new StructType().add('n', LONG);
 * const batch = createSinkBatch(spark, 0, schema, [new ColumnBatch(schema, [vectorFromValues(LONG, [1, 2, 3])], 3)]);
 * await new ConsoleSink({ numRows: 20, truncate: true }).addBatch(batch, 'append');
 * ```
 */
export function createSinkBatch(session: Session, batchId: number, schema: StructType, batches: readonly ColumnBatch[]): SinkBatch {
  return {
    batchId,
    schema,
    batches,
    numRows: totalRows(batches),
    toDataFrame: () => new DataFrame(session, { kind: 'localRelation', batches, schema, streaming: false }),
    toArrow: (): Table => batchesToArrowTable(schema, batches),
    rows: (): Row[] => {
      const out: Row[] = [];
      for (const b of batches) for (let i = 0; i < b.numRows; i++) out.push(rowToExternal(schema, b.rowValues(i)));
      return out;
    },
  };
}
