import type { Options } from '@caudal/core';
import type { BaseSinkOptions } from '../shared/base-sink-options.ts';

/**
 * `writeStream.format('console').options({...})`.
 *
 * @example
 * ```ts
 * import type { ConsoleSinkOptions } from 'caudal';
 * const options: ConsoleSinkOptions = { numRows: 50, truncate: false };
 * await counts.writeStream.outputMode('complete').format('console').options(options).start();
 * // PySpark: counts.writeStream.outputMode("complete").format("console").option("numRows", 50).option("truncate", False).start()
 * ```
 */
export interface ConsoleSinkOptions extends BaseSinkOptions {
  /** Rows printed per batch (default 20; positive). */
  readonly numRows?: number;
  /** Cut cells longer than 20 characters and right-align (default true). */
  readonly truncate?: boolean;
}

/**
 * The console sink's validated settings.
 *
 * @example
 * ```ts
 * import type { ConsoleSettings } from 'caudal';
 * import { ConsoleSink } from '@caudal/sinks';
 * const settings: ConsoleSettings = { numRows: 5, truncate: true };
 * const sink = new ConsoleSink(settings);
 * ```
 */
export interface ConsoleSettings {
  /** Rows printed per batch. */
  readonly numRows: number;
  /** Whether long cells are cut to 20 characters. */
  readonly truncate: boolean;
}

export const CONSOLE_DEFAULT_NUM_ROWS = 20;

/**
 * Validates the options; a bad value throws OptionError naming the option and what it must be.
 *
 * @example
 * ```ts
 * import { Options } from 'caudal';
 * import { parseConsoleOptions } from '@caudal/sinks';
 * parseConsoleOptions(new Options([['numRows', '5']])); // { numRows: 5, truncate: true }
 * parseConsoleOptions(new Options([['numRows', '0']])); // throws OptionError: Invalid value '0' for option 'numRows', must be a positive integer
 * ```
 */
export function parseConsoleOptions(options: Options): ConsoleSettings {
  return {
    numRows: options.getInt('numRows', CONSOLE_DEFAULT_NUM_ROWS, 1),
    truncate: options.getBoolean('truncate', true),
  };
}
