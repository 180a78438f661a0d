import { col, type Session, type StreamingQuery } from 'caudal';
import type { Workload, WorkloadParams } from '../harness/workload.ts';

/** Stateful: a running count over 1000 keys (update mode, noop sink). */
export const groupCount: Workload = {
  name: 'group-count',
  query: 'rate-micro-batch → groupBy(value % 1000 AS k).count() → noop (update)',
  kind: 'throughput',
  defaultBatches: 200,
  start(session: Session, params: WorkloadParams): Promise<StreamingQuery> {
    return session.readStream
      .format('rate-micro-batch')
      .option('rowsPerBatch', params.rowsPerBatch)
      .load()
      .groupBy(col('value').mod(1000).alias('k'))
      .count()
      .writeStream.format('noop')
      .outputMode('update')
      .start();
  },
};
