import {
  ColumnBatch,
  LONG,
  TIMESTAMP,
  type Offset,
  type ReadLimit,
  type SourceContext,
  type StreamSource,
  type SupportsTriggerAvailableNow,
} from '@caudal/core';
import { longOffset } from '../common/long-offset.ts';
import { partitionRowCount } from '../common/partition-layout.ts';
import { TIMESTAMP_VALUE_SCHEMA } from '../common/timestamp-value-schema.ts';
import type { RateConfig } from './rate-options.ts';
import { readOrCreateStartTime } from './rate-start-time-log.ts';
import { valueAtSecond } from './value-at-second.ts';

/**
 * `format('rate')`: `rowsPerSecond` increasing longs with evenly spread timestamps (Spark's
 * RateStreamMicroBatchStream). The offset is whole seconds since the source was first created, measured on
 * `ctx.clock`; the creation time is kept in the checkpoint so a restart continues where it left off.
 * A batch is a pure function of its offset range, so replaying it gives the same rows.
 */
export class RateSource implements StreamSource, SupportsTriggerAvailableNow {
  readonly schema = TIMESTAMP_VALUE_SCHEMA;
  readonly description: string;
  private creationMs: number | undefined;
  /** Never decreases, so offsets never go back even if the clock does (Spark's `lastTimeMs`). */
  private lastTimeMs = 0;
  private availableNow = false;
  /** The end fixed by `prepareForTriggerAvailableNow`, in seconds. */
  private availableNowEnd: number | undefined;

  constructor(
    private readonly config: RateConfig,
    private readonly ctx: SourceContext,
  ) {
    this.description =
      `RateStreamV2[rowsPerSecond=${config.rowsPerSecond}, rampUpTimeSeconds=${config.rampUpTimeSeconds}, ` +
      `numPartitions=${config.numPartitions}]`;
  }

  async start(): Promise<void> {
    if (this.creationMs !== undefined) return;
    const creationMs = await readOrCreateStartTime(this.ctx.metadataDir, () => this.ctx.clock.now());
    this.creationMs = creationMs;
    this.lastTimeMs = creationMs;
    if (this.availableNow) this.availableNowEnd = this.secondsNow();
  }

  initialOffset(): Offset {
    return 0;
  }

  async latestOffset(start: Offset, _limit: ReadLimit): Promise<Offset> {
    // No rate limit applies: everything up to now is available, as in Spark.
    const startSec = longOffset(start, 0, 'rate');
    const end = this.availableNowEnd ?? this.secondsNow();
    return Math.max(startSec, end);
  }

  /** Fixes the end at the seconds elapsed now; later calls to `latestOffset` never go past it. */
  async prepareForTriggerAvailableNow(): Promise<void> {
    this.availableNow = true;
    if (this.creationMs !== undefined) this.availableNowEnd = this.secondsNow();
  }

  async getBatch(start: Offset | null, end: Offset): Promise<ColumnBatch[]> {
    const creationMs = this.started();
    const { rowsPerSecond, rampUpTimeSeconds, numPartitions, maxSeconds } = this.config;
    const startSec = start === null ? 0 : longOffset(start, 0, 'rate');
    const endSec = longOffset(end, 0, 'rate');
    if (startSec > endSec) throw new Error(`internal: rate batch start ${startSec} is after its end ${endSec}`);
    if (endSec > maxSeconds) {
      throw new RangeError(`Integer overflow. Max offset with ${rowsPerSecond} rowsPerSecond is ${maxSeconds}, but it's ${endSec} now.`);
    }
    // A replayed batch after a restart moves the clock floor up to its end (Spark: "Fix lastTimeMs for recovery").
    this.lastTimeMs = Math.max(this.lastTimeMs, creationMs + endSec * 1000);

    const rangeStart = valueAtSecond(startSec, rowsPerSecond, rampUpTimeSeconds);
    const rangeEnd = valueAtSecond(endSec, rowsPerSecond, rampUpTimeSeconds);
    if (rangeStart === rangeEnd) return [];
    const localStartTimeMs = creationMs + startSec * 1000;
    const relativeMsPerValue = ((endSec - startSec) * 1000) / (rangeEnd - rangeStart);

    // One batch per non-empty partition, partition p holding rangeStart + p + k * numPartitions, like Spark.
    const batches: ColumnBatch[] = [];
    for (let p = 0; p < numPartitions; p++) {
      const n = partitionRowCount(rangeStart, rangeEnd, p, numPartitions);
      if (n === 0) break;
      const values = new Float64Array(n);
      const micros = new Float64Array(n);
      for (let k = 0, v = rangeStart + p; k < n; k++, v += numPartitions) {
        values[k] = v;
        micros[k] = (Math.round((v - rangeStart) * relativeMsPerValue) + localStartTimeMs) * 1000;
      }
      batches.push(
        new ColumnBatch(
          this.schema,
          [
            { kind: 'num', type: TIMESTAMP, values: micros, valid: null },
            { kind: 'num', type: LONG, values, valid: null },
          ],
          n,
        ),
      );
    }
    return batches;
  }

  async commit(_end: Offset): Promise<void> {
    // Nothing is buffered: rows are computed from offsets.
  }

  async stop(): Promise<void> {
    // No connections or timers.
  }

  private secondsNow(): number {
    const creationMs = this.started();
    this.lastTimeMs = Math.max(this.lastTimeMs, this.ctx.clock.now());
    return Math.floor((this.lastTimeMs - creationMs) / 1000);
  }

  private started(): number {
    if (this.creationMs === undefined) throw new Error('internal: the rate source was used before start()');
    return this.creationMs;
  }
}
