import type { Options } from '@caudal/core';
import type { BaseSinkOptions } from '../shared/base-sink-options.ts';

/** `writeStream.format('console').options({...})`. */
export interface ConsoleSinkOptions extends BaseSinkOptions {
  /** Rows printed per batch (default 20; positive). */
  readonly numRows?: number;
  /** Cut cells longer than 20 characters and right-align (default true). */
  readonly truncate?: boolean;
}

/** The console sink's validated settings. */
export interface ConsoleSettings {
  /** Rows printed per batch. */
  readonly numRows: number;
  /** Whether long cells are cut to 20 characters. */
  readonly truncate: boolean;
}

export const CONSOLE_DEFAULT_NUM_ROWS = 20;

/** Validates the options; a bad value throws OptionError naming the option and what it must be. */
export function parseConsoleOptions(options: Options): ConsoleSettings {
  return {
    numRows: options.getInt('numRows', CONSOLE_DEFAULT_NUM_ROWS, 1),
    truncate: options.getBoolean('truncate', true),
  };
}
