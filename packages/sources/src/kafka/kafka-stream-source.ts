import type { ColumnBatch, Offset, ReadLimit, SourceContext, StreamSource, StructType, SupportsTriggerAvailableNow } from '@caudal/core';
import { stderrLog, type Log } from '../common/log.ts';
import { reportDataLoss } from './data-loss.ts';
import { readInitialOffsets, writeInitialOffsets } from './initial-offsets-log.ts';
import { KafkaConnection, type FetchSizes } from './kafka-connection.ts';
import { KafkaOffsetReader } from './kafka-offset-reader.ts';
import { readRanges, type OffsetRange } from './kafka-range-reader.ts';
import type { RetryPolicy } from './kafka-retry.ts';
import type { KafkaSourceConfig } from './kafka-source-options.ts';
import { describeKeys, fromOffset, parseTpKey, sortedKeys, toOffset } from './partition-offsets.ts';
import { rateLimit } from './rate-limit.ts';

/**
 * `readStream.format('kafka')` (Spark's KafkaMicroBatchStream). Offsets are `{"topic":{"partition":next}}`, kept only
 * in the query's checkpoint: the source never joins a consumer group and never commits to Kafka, so a restart
 * resumes exactly where the checkpoint says.
 *
 * - start(): connects and fixes the initial offsets (startingOffsets / startingTimestamp, only for a new query),
 *   stored in the source's metadata directory so a restart before batch 0 committed starts from the same place.
 * - latestOffset(): the latest offset of every partition the strategy covers now (new partitions and topics
 *   included), then minOffsetsPerTrigger/maxTriggerDelay (delay the batch) and maxOffsetsPerTrigger (rate limit).
 * - getBatch(start, end): exactly the records [start, end) of each partition; partitions new since `start` are read
 *   from their earliest offset; gone partitions and deleted records follow failOnDataLoss.
 */
export class KafkaStreamSource implements StreamSource, SupportsTriggerAvailableNow {
  readonly description: string;
  private readonly conn: KafkaConnection;
  private readonly reader: KafkaOffsetReader;
  private readonly abort = new AbortController();
  private readonly retry: RetryPolicy;
  private initial: Map<string, number> | undefined;
  /** When the last batch was allowed through minOffsetsPerTrigger (null: never, so the first one passes). */
  private lastTriggerMs: number | null = null;
  private availableNow = false;
  private availableNowEnd: Map<string, number> | undefined;

  constructor(
    private readonly config: KafkaSourceConfig,
    readonly schema: StructType,
    private readonly ctx: SourceContext,
    private readonly sizes: FetchSizes,
    private readonly log: Log = stderrLog,
  ) {
    this.conn = new KafkaConnection(config.client, config.readCommitted);
    this.retry = { timeoutMs: config.pollTimeoutMs, signal: this.abort.signal, log };
    // The query stopping aborts every retry, pause and pending request at once, before stop() is even called.
    const onStop = (): void => this.abort.abort();
    if (ctx.stopSignal.aborted) onStop();
    else ctx.stopSignal.addEventListener('abort', onStop, { once: true });
    this.reader = new KafkaOffsetReader(this.conn, config.strategy, this.retry, config.latestChecks);
    this.description = `KafkaV2[${this.reader.describe()}]`;
  }

  async start(): Promise<void> {
    const stored = readInitialOffsets(this.ctx.metadataDir);
    if (stored !== undefined) {
      this.initial = stored;
      return;
    }
    const resolved = await this.reader.resolve(this.config.starting, 'startingOffsets', true);
    writeInitialOffsets(this.ctx.metadataDir, resolved);
    this.initial = resolved;
  }

  initialOffset(): Offset {
    if (this.initial === undefined) throw new Error('internal: the Kafka source was asked for its initial offset before start()');
    return toOffset(this.initial);
  }

  async latestOffset(start: Offset, limit: ReadLimit): Promise<Offset> {
    const from = fromOffset(start);
    let latest: Map<string, number>;
    if (this.availableNow) {
      this.availableNowEnd ??= await this.reader.fetchLatest(from);
      latest = this.availableNowEnd;
    } else {
      latest = await this.reader.fetchLatest(from);
    }
    if (limit.kind === 'all') return toOffset(latest);
    const { minOffsetsPerTrigger, maxOffsetsPerTrigger, maxTriggerDelayMs } = this.config;
    if (minOffsetsPerTrigger !== undefined && this.delayBatch(minOffsetsPerTrigger, latest, from, maxTriggerDelayMs)) return start;
    if (maxOffsetsPerTrigger === undefined) return toOffset(latest);
    const newKeys = [...latest.keys()].filter((k) => !from.has(k));
    const newFrom = await this.reader.fetchEarliest(newKeys);
    return toOffset(rateLimit(maxOffsetsPerTrigger, from, latest, newFrom));
  }

  async prepareForTriggerAvailableNow(): Promise<void> {
    this.availableNow = true;
  }

  async getBatch(start: Offset | null, end: Offset): Promise<ColumnBatch[]> {
    const from = start === null ? new Map(this.initial) : fromOffset(start);
    const until = fromOffset(end);
    const { failOnDataLoss } = this.config;
    // Partitions that appeared after `start`: read from their earliest offset.
    const newKeys = [...until.keys()].filter((k) => !from.has(k));
    const newFrom = await this.reader.fetchEarliest(newKeys);
    const missing = newKeys.filter((k) => !newFrom.has(k));
    if (missing.length > 0) reportDataLoss(`Cannot find earliest offsets of ${describeKeys(missing)}. Some data may have been missed`, failOnDataLoss, this.log);
    for (const key of sortedKeys(newFrom.keys())) {
      const o = newFrom.get(key)!;
      if (o !== 0) reportDataLoss(`Added partition ${key} starts from ${o} instead of 0. Some data may have been missed`, failOnDataLoss, this.log);
    }
    const gone = [...from.keys()].filter((k) => !until.has(k));
    if (gone.length > 0) reportDataLoss(`${describeKeys(gone)} are gone. Some data may have been missed`, failOnDataLoss, this.log);
    const ranges: OffsetRange[] = [];
    for (const key of sortedKeys(until.keys())) {
      const begin = from.get(key) ?? newFrom.get(key);
      if (begin === undefined) continue;
      const stop = until.get(key)!;
      if (stop < begin) {
        reportDataLoss(`Partition ${key}'s offset was changed from ${begin} to ${stop}, some data may have been missed`, failOnDataLoss, this.log);
        continue;
      }
      const { topic, partition } = parseTpKey(key);
      ranges.push({ topic, partition, from: begin, until: stop });
    }
    return readRanges(this.conn, ranges, {
      schema: this.schema,
      includeHeaders: this.config.includeHeaders,
      readCommitted: this.config.readCommitted,
      failOnDataLoss,
      pollTimeoutMs: this.config.pollTimeoutMs,
      sizes: this.sizes,
      signal: this.abort.signal,
      log: this.log,
    });
  }

  async commit(_end: Offset): Promise<void> {
    // Nothing to release: offsets live in the checkpoint, never in Kafka.
  }

  async stop(): Promise<void> {
    this.abort.abort();
    await this.conn.close();
  }

  /** Spark's delayBatch: hold the batch back until enough offsets are waiting or maxTriggerDelay has passed. */
  private delayBatch(minRows: number, latest: ReadonlyMap<string, number>, from: ReadonlyMap<string, number>, maxDelayMs: number): boolean {
    const now = this.ctx.clock.now();
    if (this.lastTriggerMs === null || now - this.lastTriggerMs >= maxDelayMs) {
      this.lastTriggerMs = now;
      return false;
    }
    let waiting = 0;
    for (const [key, off] of latest) waiting += off - (from.get(key) ?? 0);
    if (waiting < minRows) return true;
    this.lastTriggerMs = now;
    return false;
  }
}
