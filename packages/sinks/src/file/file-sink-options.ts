import { isAbsolute, resolve } from 'node:path';
import { OptionError, type Options } from '@caudal/core';
import type { BaseSinkOptions } from '../shared/base-sink-options.ts';

/**
 * Options every file format takes (`writeStream.format('json').options({...})`).
 *
 * @example
 * ```ts
 * import type { FileSinkOptions } from 'caudal';
 * const options: FileSinkOptions = { path: 'out/events', checkpointLocation: 'chk/events', maxRecordsPerFile: 10_000 };
 * await df.writeStream.format('json').options(options).start();
 * // PySpark: df.writeStream.format("json").option("path", "out/events").option("maxRecordsPerFile", 10000)...start()
 * ```
 */
export interface FileSinkOptions extends BaseSinkOptions {
  /** The output folder (or `start(path)`); required. */
  readonly path?: string;
  /** At most this many rows per part file; 0 (the default) for no limit. */
  readonly maxRecordsPerFile?: number;
  /** `none`/`uncompressed` for the text formats; `snappy` (default), `gzip`, `zstd`, ... for Parquet. */
  readonly compression?: string;
}

interface TextDateTimeOptions {
  /** Zone for timestamps in the text (default: the session's `spark.sql.session.timeZone`). */
  readonly timeZone?: string;
  /** Only Spark's default, `yyyy-MM-dd'T'HH:mm:ss.SSSXXX`. */
  readonly timestampFormat?: string;
  /** Only Spark's default, `yyyy-MM-dd`. */
  readonly dateFormat?: string;
}

/**
 * Options of `writeStream.format('json')`: JSON Lines files.
 *
 * @example
 * ```ts
 * import type { JsonSinkOptions } from 'caudal';
 * const options: JsonSinkOptions = { path: 'out/events', checkpointLocation: 'chk/events', ignoreNullFields: false };
 * await df.writeStream.format('json').options(options).start();
 * // PySpark: df.writeStream.format("json").option("ignoreNullFields", False).option("path", "out/events")...start()
 * ```
 */
export interface JsonSinkOptions extends FileSinkOptions, TextDateTimeOptions {
  /** Leave out null fields (default true). */
  readonly ignoreNullFields?: boolean;
  /** Line separator (default `\n`). */
  readonly lineSep?: string;
}

/**
 * Options of `writeStream.format('csv')`.
 *
 * @example
 * ```ts
 * import type { CsvSinkOptions } from 'caudal';
 * const options: CsvSinkOptions = { path: 'out/sales', checkpointLocation: 'chk/sales', header: true, sep: ';' };
 * await df.select('id', 'amount', 'country').writeStream.format('csv').options(options).start();
 * // PySpark: df.writeStream.format("csv").option("header", True).option("sep", ";").option("path", "out/sales")...start()
 * ```
 */
export interface CsvSinkOptions extends FileSinkOptions, TextDateTimeOptions {
  /** Field separator (default `,`). */
  readonly sep?: string;
  /** Same as `sep`. */
  readonly delimiter?: string;
  /** Write a header line with the column names (default false). */
  readonly header?: boolean;
  /** Quote character (default `"`). */
  readonly quote?: string;
  /** Escape character inside quoted values (default `\`). */
  readonly escape?: string;
  /** Character that escapes the escape character (default: the escape character). */
  readonly charToEscapeQuoteEscaping?: string;
  /** Text written for null (default empty). */
  readonly nullValue?: string;
  /** Text written for an empty string (default `""`). */
  readonly emptyValue?: string;
  /** Quote every value (default false). */
  readonly quoteAll?: boolean;
  /** Quote values that contain the quote character (default true). */
  readonly escapeQuotes?: boolean;
  /** Trim leading white space of values (default true when writing, as Spark). */
  readonly ignoreLeadingWhiteSpace?: boolean;
  /** Trim trailing white space of values (default true when writing, as Spark). */
  readonly ignoreTrailingWhiteSpace?: boolean;
  /** Line separator (default `\n`). */
  readonly lineSep?: string;
}

/**
 * Options of `writeStream.format('text')`: the query must have exactly one string column.
 *
 * @example
 * ```ts
 * import type { TextSinkOptions } from 'caudal';
 * const options: TextSinkOptions = { path: 'out/lines', checkpointLocation: 'chk/lines', lineSep: '\r\n' };
 * await lines.select('value').writeStream.format('text').options(options).start();
 * // PySpark: lines.select("value").writeStream.format("text").option("lineSep", "\r\n")...start()
 * ```
 */
export interface TextSinkOptions extends FileSinkOptions {
  /** Line separator (default `\n`). */
  readonly lineSep?: string;
}

/**
 * Options of `writeStream.format('parquet')`.
 *
 * @example
 * ```ts
 * import type { ParquetSinkOptions } from 'caudal';
 * const options: ParquetSinkOptions = { path: 'out/events', checkpointLocation: 'chk/events', compression: 'zstd' };
 * await df.writeStream.format('parquet').options(options).start();
 * // PySpark: df.writeStream.format("parquet").option("compression", "zstd")...start()
 * ```
 */
export type ParquetSinkOptions = FileSinkOptions;

export interface FileSinkSettings {
  /** Absolute output folder. */
  readonly path: string;
  /** 0 for no limit. */
  readonly maxRecordsPerFile: number;
}

/** The options all file formats share, checked at start. */
export function parseFileSinkOptions(options: Options): FileSinkSettings {
  const raw = options.get('path');
  if (raw === undefined) throw new OptionError("'path' is not specified");
  if (raw.trim() === '') throw new OptionError('Can not create a Path from an empty string');
  return { path: localPath(raw), maxRecordsPerFile: options.getInt('maxRecordsPerFile', 0, 0) };
}

/** `file:/x`, `file:///x` and plain paths, made absolute against the working directory. */
function localPath(path: string): string {
  const p = path.startsWith('file://') ? path.slice('file://'.length) : path.startsWith('file:') ? path.slice('file:'.length) : path;
  return isAbsolute(p) ? resolve(p) : resolve(process.cwd(), p);
}
