import { OptionError, type Options } from '@caudal/core';
import { checkRange, integerOption } from '../common/option-checks.ts';
import { timeStringAsSeconds } from '../common/time-string.ts';

/**
 * `readStream.format('rate').options({...})`. A type alias, not an interface, so it stays assignable to core's
 * `GenericOptions` (interfaces get no implicit index signature).
 *
 * @example
 * ```ts
 * import type { RateSourceOptions } from 'caudal';
 * const options: RateSourceOptions = { rowsPerSecond: 100, rampUpTime: '10s', numPartitions: 2 };
 * const rates = spark.readStream.format('rate').options(options).load(); // columns timestamp, value
 * // PySpark: spark.readStream.format("rate").option("rowsPerSecond", 100).option("rampUpTime", "10s").load()
 * ```
 */
export type RateSourceOptions = {
  /** Rows generated per second once ramped up. Default 1. */
  rowsPerSecond?: number;
  /** How long until the speed reaches `rowsPerSecond`, as a time string (`5s`, `1min`); whole seconds. Default `0s`. */
  rampUpTime?: string;
  /** Partitions each batch is split into (round-robin over values, as in Spark). Default 1. */
  numPartitions?: number;
};

export interface RateConfig {
  readonly rowsPerSecond: number;
  readonly rampUpTimeSeconds: number;
  readonly numPartitions: number;
  /** The largest offset (seconds) whose values stay exact integers (Spark: Long.MaxValue / rowsPerSecond). */
  readonly maxSeconds: number;
}

/** Validates in Spark's order and with Spark's messages (RateStreamProvider.getTable). */
export function parseRateOptions(options: Options): RateConfig {
  const rowsPerSecond = integerOption(options, 'rowsPerSecond', 1, 'must be positive');
  const ramp = options.get('rampUpTime');
  const rampUpTimeSeconds = ramp === undefined ? 0 : timeStringAsSeconds('rampUpTime', ramp);
  checkRange('rampUpTime', rampUpTimeSeconds, 'must not be negative');
  const numPartitions = integerOption(options, 'numPartitions', 1, 'must be positive');
  // Values live in a Float64Array, exact up to 2^53 (Spark's bound is the 64-bit Long range).
  const maxSeconds = Math.floor(Number.MAX_SAFE_INTEGER / rowsPerSecond);
  if (rampUpTimeSeconds > maxSeconds) {
    throw new OptionError(
      `Integer overflow. Max offset with ${rowsPerSecond} rowsPerSecond is ${maxSeconds}, ` +
        `but 'rampUpTimeSeconds' is ${rampUpTimeSeconds}.`,
    );
  }
  return { rowsPerSecond, rampUpTimeSeconds, numPartitions, maxSeconds };
}
