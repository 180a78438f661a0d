import { LONG, MemoryStream, StructType, type Session, type StreamingQuery } from 'caudal';
import type { Workload, WorkloadParams } from '../harness/workload.ts';

/**
 * The fixed cost of one micro-batch: a MemoryStream fed only `addData([])`, one added batch per trigger,
 * straight to the noop sink. Every batch still plans offsets, writes the offset and commit logs and
 * reports progress, but carries no rows.
 */
export const emptyBatch: Workload = {
  name: 'empty-batch',
  query: 'MemoryStream of addData([]) batches (one per trigger) → noop (append)',
  kind: 'overhead',
  defaultBatches: 1000,
  start(session: Session, params: WorkloadParams): Promise<StreamingQuery> {
    const stream = new MemoryStream(session, new StructType([{ name: 'value', dataType: LONG, nullable: true }]));
    stream.maxBatchesPerTrigger = 1;
    // Enough for warm-up, the measured batches and the one the loop may start before it sees the stop.
    for (let i = 0; i < params.warmupBatches + params.batches + 2; i++) stream.addData([]);
    return stream.toDF().writeStream.format('noop').outputMode('append').start();
  },
};
