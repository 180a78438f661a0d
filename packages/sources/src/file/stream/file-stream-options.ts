import { OptionError, type Options } from '@caudal/core';
import { timeStringAsMs } from '../../kafka/time-string-ms.ts';
import { localPath } from '../listing/list-files.ts';
import { archiveDirOverlapsSource } from './archive-dir-check.ts';

/**
 * The streaming options of `readStream.format('json' | 'csv' | 'text' | 'parquet')`, besides the format's
 * own reader options (sep, header, mode, ...). A type alias so it stays assignable to `GenericOptions`.
 *
 * @example
 * ```ts
 * import type { FileStreamSourceOptions } from 'caudal';
 * const options: FileStreamSourceOptions = { maxFilesPerTrigger: 1, cleanSource: 'archive', sourceArchiveDir: 'data/archive' };
 * const invoices = spark.readStream.schema('id STRING, amount DOUBLE').options(options).json('data/invoices');
 * // PySpark: spark.readStream.schema(schema).option("maxFilesPerTrigger", 1).option("cleanSource", "archive")...json("data/invoices")
 * ```
 */
export type FileStreamSourceOptions = {
  /** At most this many new files per micro-batch. Default: no limit. */
  maxFilesPerTrigger?: number;
  /** At most about this many bytes of new files per micro-batch (always at least one file). Not with maxFilesPerTrigger. */
  maxBytesPerTrigger?: number;
  /** Take the newest files first. Default false (oldest first). */
  latestFirst?: boolean;
  /** A file counts as seen by its name alone, whatever its folder. Default false. */
  fileNameOnly?: boolean;
  /** Files older than the newest seen file by more than this are ignored, e.g. `7d` (the default), `1h`. */
  maxFileAge?: string;
  /** What to do with a file once its batch has committed: `off` (default), `archive` or `delete`. */
  cleanSource?: 'off' | 'archive' | 'delete' | 'OFF' | 'ARCHIVE' | 'DELETE';
  /** Where `cleanSource: 'archive'` moves files, keeping their own path below it. */
  sourceArchiveDir?: string;
  /**
   * Beyond Spark: a file is taken only once it has not changed for this long (by its modification time, or
   * by size and modification time unchanged across listings), so a file still being written is not read
   * half-way. Default `200ms`; `0` takes files as soon as they are listed.
   */
  fileSettleTime?: string | number;
};

export type CleanSourceMode = 'off' | 'archive' | 'delete';

/** The parsed streaming options. */
export interface FileStreamConfig {
  readonly maxFilesPerTrigger: number | undefined;
  readonly maxBytesPerTrigger: number | undefined;
  readonly latestFirst: boolean;
  readonly fileNameOnly: boolean;
  /** `Infinity` when ignored: latestFirst with a per-trigger limit (SPARK-19813). */
  readonly maxFileAgeMs: number;
  readonly cleanSource: CleanSourceMode;
  /** Absolute. */
  readonly sourceArchiveDir: string | undefined;
  readonly settleMs: number;
}

const DEFAULT_MAX_FILE_AGE = '7d';
const DEFAULT_SETTLE = '200ms';

/** Checks the streaming options with Spark's messages; `sourcePath` is the `path` option. */
export function parseFileStreamOptions(options: Options, sourcePath: string): FileStreamConfig {
  const maxFilesPerTrigger = options.getOptionalInt('maxFilesPerTrigger', 1);
  const maxBytesPerTrigger = options.getOptionalInt('maxBytesPerTrigger', 1);
  if (maxFilesPerTrigger !== undefined && maxBytesPerTrigger !== undefined) {
    throw new OptionError("Options 'maxFilesPerTrigger' and 'maxBytesPerTrigger' can't be both set at the same time");
  }
  const latestFirst = options.getBoolean('latestFirst', false);
  const fileNameOnly = options.getBoolean('fileNameOnly', false);
  const maxFileAge = timeStringAsMs('maxFileAge', options.get('maxFileAge') ?? DEFAULT_MAX_FILE_AGE);
  const limited = maxFilesPerTrigger !== undefined || maxBytesPerTrigger !== undefined;
  const cleanSource = cleanSourceOption(options.get('cleanSource'));
  const archive = options.get('sourceArchiveDir');
  if (cleanSource === 'archive' && archive === undefined) throw new OptionError("Archive mode must be used with 'sourceArchiveDir' option.");
  const sourceArchiveDir = cleanSource === 'archive' && archive !== undefined ? localPath(archive) : undefined;
  if (sourceArchiveDir !== undefined && archiveDirOverlapsSource(localPath(sourcePath), sourceArchiveDir)) {
    throw new OptionError(
      'Base archive path cannot be set to the path where archived path can possibly match with source pattern. ' +
      "Ensure the base archive path doesn't match with source pattern in depth, where the depth is minimum of depth on both paths.",
    );
  }
  return {
    maxFilesPerTrigger,
    maxBytesPerTrigger,
    latestFirst,
    fileNameOnly,
    maxFileAgeMs: latestFirst && limited ? Number.POSITIVE_INFINITY : maxFileAge,
    cleanSource,
    sourceArchiveDir,
    settleMs: timeStringAsMs('fileSettleTime', String(options.get('fileSettleTime') ?? DEFAULT_SETTLE)),
  };
}

const MODES: readonly CleanSourceMode[] = ['archive', 'delete', 'off'];

function cleanSourceOption(value: string | undefined): CleanSourceMode {
  if (value === undefined) return 'off';
  const mode = MODES.find((m) => m === value.trim().toLowerCase());
  if (mode === undefined) {
    throw new OptionError(`Invalid mode for clean source option '${value}'. Must be one of ${MODES.map((m) => m.toUpperCase()).join(',')}`);
  }
  return mode;
}
