import type { ForeachBatchFunction, OutputMode, Sink, SinkBatch } from '@caudal/core';

/**
 * Hands each batch to the user's function as a static DataFrame with its batch id (the same id again on
 * replay, so the function can deduplicate). Errors propagate and stop the query.
 *
 * @example
 * ```ts
 * // Created by writeStream.foreachBatch(fn): fn gets each batch as a static DataFrame and its id.
 * await counts.writeStream.outputMode('update').foreachBatch(async (batchDf, batchId) => {
 *   const rows = await batchDf.collect();
 *   console.log(`batch ${batchId}: ${rows.length} changed counts`);
 * }).start();
 * // PySpark: counts.writeStream.foreachBatch(lambda batch_df, batch_id: ...).start()
 * ```
 */
export class ForeachBatchSink implements Sink {
  readonly description = 'ForeachBatchSink';

  constructor(private readonly fn: ForeachBatchFunction) {}

  async addBatch(batch: SinkBatch, _outputMode: OutputMode): Promise<void> {
    await this.fn(batch.toDataFrame(), batch.batchId);
  }

  async stop(): Promise<void> {}
}
