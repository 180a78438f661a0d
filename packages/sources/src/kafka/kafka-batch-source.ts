import type { BatchSource, ColumnBatch, StructType } from '@caudal/core';
import { stderrLog, type Log } from '../common/log.ts';
import { KafkaConnection, type FetchSizes } from './kafka-connection.ts';
import { KafkaOffsetReader } from './kafka-offset-reader.ts';
import { readRanges, type OffsetRange } from './kafka-range-reader.ts';
import type { KafkaSourceConfig } from './kafka-source-options.ts';
import { parseTpKey, sortedKeys } from './partition-offsets.ts';

/**
 * `read.format('kafka')` (Spark's KafkaRelation): the records between startingOffsets (default earliest) and
 * endingOffsets (default latest), resolved when the read runs, over a connection opened for that read.
 */
export class KafkaBatchSource implements BatchSource {
  constructor(
    private readonly config: KafkaSourceConfig,
    readonly schema: StructType,
    private readonly sizes: FetchSizes,
    private readonly log: Log = stderrLog,
  ) {}

  async read(): Promise<ColumnBatch[]> {
    const conn = new KafkaConnection(this.config.client, this.config.readCommitted);
    const abort = new AbortController();
    try {
      const reader = new KafkaOffsetReader(conn, this.config.strategy, { timeoutMs: this.config.pollTimeoutMs, signal: abort.signal, log: this.log });
      const from = await reader.resolve(this.config.starting, 'startingOffsets', true);
      const until = await reader.resolve(this.config.ending, 'endingOffsets', false);
      const ranges: OffsetRange[] = [];
      for (const key of sortedKeys(until.keys())) {
        const begin = from.get(key);
        if (begin === undefined) continue; // a partition created between the two lookups
        const end = until.get(key)!;
        if (begin > end) throw new Error(`The starting offset ${begin} of ${key} is greater than its ending offset ${end}.`);
        const { topic, partition } = parseTpKey(key);
        ranges.push({ topic, partition, from: begin, until: end });
      }
      return await readRanges(conn, ranges, {
        schema: this.schema,
        includeHeaders: this.config.includeHeaders,
        readCommitted: this.config.readCommitted,
        failOnDataLoss: this.config.failOnDataLoss,
        pollTimeoutMs: this.config.pollTimeoutMs,
        sizes: this.sizes,
        signal: abort.signal,
        log: this.log,
      });
    } finally {
      abort.abort();
      await conn.close();
    }
  }
}
