import type { OutputMode, Sink, SinkBatch } from '@caudal/core';

/**
 * Discards every batch: runs the query for its cost alone (benchmarks).
 *
 * @example
 * ```ts
 * // Measure a query's cost without any output (benchmarks).
 * const query = await df.writeStream.format('noop').start();
 * await query.processAllAvailable();
 * console.log(query.lastProgress?.processedRowsPerSecond);
 * // PySpark: df.writeStream.format("noop").start()
 * ```
 */
export class NoopSink implements Sink {
  readonly description = 'NoopSink';

  async addBatch(_batch: SinkBatch, _outputMode: OutputMode): Promise<void> {}

  async stop(): Promise<void> {}
}
