import type { OutputMode, Sink, SinkBatch } from '@caudal/core';

/** Discards every batch: runs the query for its cost alone (benchmarks). */
export class NoopSink implements Sink {
  readonly description = 'NoopSink';

  async addBatch(_batch: SinkBatch, _outputMode: OutputMode): Promise<void> {}

  async stop(): Promise<void> {}
}
