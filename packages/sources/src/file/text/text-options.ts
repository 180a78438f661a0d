import type { Options } from '@caudal/core';
import { parseCommonFileOptions, type CommonFileOptions } from '../file-options.ts';

/**
 * `read.format('text').options({...})`; a type alias so it stays assignable to `GenericOptions`.
 *
 * @example
 * ```ts
 * import type { TextSourceOptions } from 'caudal';
 * const options: TextSourceOptions = { wholetext: true, pathGlobFilter: '*.md' };
 * const docs = spark.read.options(options).text('docs'); // one row per file, column value
 * // PySpark: spark.read.text("docs", wholetext=True, pathGlobFilter="*.md")
 * ```
 */
export type TextSourceOptions = {
  /** One row per file holding its whole text, instead of one row per line. Default false. */
  wholetext?: boolean;
  /** The line separator; default any of `\n`, `\r\n`, `\r`. */
  lineSep?: string;
  /** Read files in subdirectories too. Default false. */
  recursiveFileLookup?: boolean;
  /** Only files whose name matches this glob, e.g. `*.txt`. */
  pathGlobFilter?: string;
  /** The folder or file to read (or give it to `load`). */
  path?: string;
};

export interface TextConfig {
  readonly common: CommonFileOptions;
  readonly wholetext: boolean;
}

export function parseTextOptions(options: Options): TextConfig {
  return { common: parseCommonFileOptions(options), wholetext: options.getBoolean('wholetext', false) };
}
