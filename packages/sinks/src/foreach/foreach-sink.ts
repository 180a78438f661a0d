import type { ForeachWriter, OutputMode, Sink, SinkBatch } from '@caudal/core';

/**
 * Feeds each batch to a user writer, as Spark's foreach sink does for one partition: `open(0, batchId)`;
 * if it returns true, `process(row)` per row; then `close(null)`, or `close(error)` when a row failed
 * (the error is rethrown and stops the query). At-least-once: a replayed batch is processed again.
 *
 * @example
 * ```ts
 * // Created by writeStream.foreach(writer): open(0, batchId), process(row) per row, close(error).
 * await df.writeStream.foreach({
 *   open: (_partitionId, epochId) => epochId >= 0, // return false to skip a batch written before
 *   process: (row) => console.log(row),
 *   close: (error) => {
 *     if (error) console.error(error);
 *   },
 * }).start();
 * // PySpark: df.writeStream.foreach(RowWriter()).start()
 * ```
 */
export class ForeachSink implements Sink {
  readonly description = 'ForeachSink';

  constructor(private readonly writer: ForeachWriter) {}

  async addBatch(batch: SinkBatch, _outputMode: OutputMode): Promise<void> {
    const w = this.writer;
    const open = w.open === undefined ? true : await w.open(0, batch.batchId);
    if (open) {
      try {
        for (const row of batch.rows()) await w.process(row);
      } catch (err) {
        try {
          await w.close?.(err instanceof Error ? err : new Error(String(err)));
        } catch {
          // The row's failure is the cause worth reporting; a failing close must not hide it.
        }
        throw err;
      }
    }
    await w.close?.(null);
  }

  async stop(): Promise<void> {}
}
