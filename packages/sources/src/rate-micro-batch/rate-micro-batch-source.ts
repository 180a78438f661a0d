import {
  ColumnBatch,
  LONG,
  TIMESTAMP,
  type Offset,
  type ReadLimit,
  type StreamSource,
  type SupportsTriggerAvailableNow,
} from '@caudal/core';
import { partitionRowCount } from '../common/partition-layout.ts';
import { TIMESTAMP_VALUE_SCHEMA } from '../common/timestamp-value-schema.ts';
import type { RateMicroBatchConfig } from './rate-micro-batch-options.ts';
import { toRateMicroBatchOffset, type RateMicroBatchOffset } from './rate-micro-batch-offset.ts';

/**
 * `format('rate-micro-batch')` (Spark's RatePerMicroBatchStream): every micro-batch holds exactly `rowsPerBatch`
 * values whatever the trigger, lag or clock, so batch k is `k*rowsPerBatch .. (k+1)*rowsPerBatch - 1` and all its
 * rows carry the event time `startTimestamp + k*advanceMillisPerBatch`. For reproducible tests and benchmarks.
 */
export class RateMicroBatchSource implements StreamSource, SupportsTriggerAvailableNow {
  readonly schema = TIMESTAMP_VALUE_SCHEMA;
  readonly description: string;
  private availableNow = false;
  private availableNowEnd: RateMicroBatchOffset | undefined;

  constructor(private readonly config: RateMicroBatchConfig) {
    this.description =
      `RatePerMicroBatchStream[rowsPerBatch=${config.rowsPerBatch}, numPartitions=${config.numPartitions}, ` +
      `startTimestamp=${config.startTimestamp}, advanceMsPerBatch=${config.advanceMillisPerBatch}]`;
  }

  async start(): Promise<void> {
    // Nothing to open: rows are computed from offsets.
  }

  initialOffset(): Offset {
    return offsetOf({ offset: 0, timestamp: this.config.startTimestamp });
  }

  /**
   * One batch past `start`, however often it is called and whatever the limit (Spark ignores the limit too, so
   * Trigger.Once also reads one batch). Computed from `start`, so asking twice gives the same answer.
   */
  async latestOffset(start: Offset, _limit: ReadLimit): Promise<Offset> {
    const from = toRateMicroBatchOffset(start);
    if (!this.availableNow) return offsetOf(this.next(from));
    // Trigger.AvailableNow, as Spark does it: the first call after prepare fixes the end one batch past the
    // query's start offset (which, after a restart, already includes the replayed batches); the query then
    // runs that one batch and stops. Never behind `start`, so offsets never go back.
    this.availableNowEnd ??= this.next(from);
    return offsetOf(from.offset > this.availableNowEnd.offset ? from : this.availableNowEnd);
  }

  async prepareForTriggerAvailableNow(): Promise<void> {
    this.availableNow = true;
  }

  async getBatch(start: Offset | null, end: Offset): Promise<ColumnBatch[]> {
    const from = toRateMicroBatchOffset(start ?? this.initialOffset());
    const to = toRateMicroBatchOffset(end);
    if (from.offset > to.offset || from.timestamp > to.timestamp) {
      throw new Error(`internal: rate-micro-batch start ${JSON.stringify(from)} is after its end ${JSON.stringify(to)}`);
    }
    // Every row of the batch carries the event time of its start offset (Spark's partition reader).
    const micros = from.timestamp * 1000;
    const { numPartitions } = this.config;
    const batches: ColumnBatch[] = [];
    for (let p = 0; p < numPartitions; p++) {
      const n = partitionRowCount(from.offset, to.offset, p, numPartitions);
      if (n === 0) break;
      const values = new Float64Array(n);
      for (let k = 0, v = from.offset + p; k < n; k++, v += numPartitions) values[k] = v;
      batches.push(
        new ColumnBatch(
          this.schema,
          [
            { kind: 'num', type: TIMESTAMP, values: new Float64Array(n).fill(micros), valid: null },
            { kind: 'num', type: LONG, values, valid: null },
          ],
          n,
        ),
      );
    }
    return batches;
  }

  async commit(_end: Offset): Promise<void> {
    // Nothing is buffered.
  }

  async stop(): Promise<void> {
    // Nothing to release.
  }

  private next(from: RateMicroBatchOffset): RateMicroBatchOffset {
    // Spark caps at Long.MaxValue; values here are exact up to 2^53.
    return {
      offset: Math.min(from.offset + this.config.rowsPerBatch, Number.MAX_SAFE_INTEGER),
      timestamp: from.timestamp + this.config.advanceMillisPerBatch,
    };
  }
}

function offsetOf(o: RateMicroBatchOffset): Offset {
  return { offset: o.offset, timestamp: o.timestamp };
}
