import type { Options } from '@caudal/core';
import { parseCommonFileOptions, type CommonFileOptions } from '../file-options.ts';

/**
 * `read.format('parquet').options({...})`; a type alias so it stays assignable to `GenericOptions`.
 *
 * @example
 * ```ts
 * import type { ParquetSourceOptions } from 'caudal';
 * const options: ParquetSourceOptions = { mergeSchema: true };
 * const events = spark.read.options(options).parquet('data/events');
 * // PySpark: spark.read.option("mergeSchema", True).parquet("data/events")
 * ```
 */
export type ParquetSourceOptions = {
  /** Infer the schema from every file's footer (the union of their columns) instead of the first file's. Default false. */
  mergeSchema?: boolean;
  /** Read files in subfolders too (partition folders are then not columns). */
  recursiveFileLookup?: boolean;
  /** Only files whose name matches this glob (e.g. `*.parquet`). */
  pathGlobFilter?: string;
  /** The folder or file to read (or give it to `load`). */
  path?: string;
};

export interface ParquetConfig {
  readonly common: CommonFileOptions;
  readonly mergeSchema: boolean;
}

export function parseParquetOptions(options: Options): ParquetConfig {
  return { common: parseCommonFileOptions(options), mergeSchema: options.getBoolean('mergeSchema', false) };
}
