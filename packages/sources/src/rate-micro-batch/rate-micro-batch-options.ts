import type { Options } from '@caudal/core';
import { integerOption } from '../common/option-checks.ts';

/**
 * `readStream.format('rate-micro-batch').options({...})`; a type alias so it stays assignable to `GenericOptions`.
 *
 * @example
 * ```ts
 * import type { RateMicroBatchSourceOptions } from 'caudal';
 * const options: RateMicroBatchSourceOptions = { rowsPerBatch: 1000, startTimestamp: Date.UTC(2024, 0, 1), advanceMillisPerBatch: 1000 };
 * const rows = spark.readStream.format('rate-micro-batch').options(options).load();
 * // PySpark: spark.readStream.format("rate-micro-batch").option("rowsPerBatch", 1000).load()
 * ```
 */
export type RateMicroBatchSourceOptions = {
  /** Rows in every micro-batch. Required: Spark's default 0 is rejected as not positive. */
  rowsPerBatch?: number;
  /** Partitions each batch is split into (round-robin over values, as in Spark). Default 1. */
  numPartitions?: number;
  /** Event time of batch 0, in milliseconds since the epoch. Default 0. */
  startTimestamp?: number;
  /** How far event time moves per batch, in milliseconds. Default 1000. */
  advanceMillisPerBatch?: number;
};

export interface RateMicroBatchConfig {
  readonly rowsPerBatch: number;
  readonly numPartitions: number;
  readonly startTimestamp: number;
  readonly advanceMillisPerBatch: number;
}

/** Validates in Spark's order and with Spark's messages (RatePerMicroBatchProvider.getTable). */
export function parseRateMicroBatchOptions(options: Options): RateMicroBatchConfig {
  return {
    rowsPerBatch: integerOption(options, 'rowsPerBatch', 0, 'must be positive'),
    numPartitions: integerOption(options, 'numPartitions', 1, 'must be positive'),
    startTimestamp: integerOption(options, 'startTimestamp', 0, 'must be non-negative'),
    advanceMillisPerBatch: integerOption(options, 'advanceMillisPerBatch', 1000, 'must be non-negative'),
  };
}
