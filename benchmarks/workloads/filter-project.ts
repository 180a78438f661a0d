import { col, type Session, type StreamingQuery } from 'caudal';
import type { Workload, WorkloadParams } from '../harness/workload.ts';

/** Stateless: keep even values, project three columns (append mode, noop sink). */
export const filterProject: Workload = {
  name: 'filter-project',
  query: "rate-micro-batch → filter(value % 2 = 0) → select(value, value * 2 AS doubled, timestamp) → noop (append)",
  kind: 'throughput',
  defaultBatches: 200,
  start(session: Session, params: WorkloadParams): Promise<StreamingQuery> {
    return session.readStream
      .format('rate-micro-batch')
      .option('rowsPerBatch', params.rowsPerBatch)
      .load()
      .filter(col('value').mod(2).eq(0))
      .select(col('value'), col('value').multiply(2).alias('doubled'), col('timestamp'))
      .writeStream.format('noop')
      .outputMode('append')
      .start();
  },
};
