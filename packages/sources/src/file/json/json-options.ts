import type { Options } from '@caudal/core';
import { parseCommonFileOptions, type CommonFileOptions } from '../file-options.ts';
import { dateParser, timestampParser, type DateParser, type TimestampParser } from '../datetime/datetime-parsers.ts';
import { timeZoneOption } from '../datetime/zone-offset.ts';

/**
 * `read.format('json').options({...})`; a type alias so it stays assignable to `GenericOptions`.
 *
 * @example
 * ```ts
 * import type { JsonSourceOptions } from 'caudal';
 * const options: JsonSourceOptions = { multiLine: true, mode: 'DROPMALFORMED', timestampFormat: "yyyy-MM-dd'T'HH:mm:ss" };
 * const orders = spark.read.options(options).json('data/orders');
 * // PySpark: spark.read.option("multiLine", True).option("mode", "DROPMALFORMED").json("data/orders")
 * ```
 */
export type JsonSourceOptions = {
  /** Each file is one JSON document (an object, or an array of objects) instead of one per line. Default false. */
  multiLine?: boolean;
  /** `PERMISSIVE` (default), `DROPMALFORMED` or `FAILFAST`. */
  mode?: string;
  /** The string column that receives malformed records in PERMISSIVE mode. Default `_corrupt_record`. */
  columnNameOfCorruptRecord?: string;
  /** Java datetime pattern for date fields, e.g. `dd/MM/yyyy`; default lenient `yyyy-MM-dd`. */
  dateFormat?: string;
  /** Java datetime pattern for timestamp fields; default lenient ISO-8601. */
  timestampFormat?: string;
  /** Zone of timestamps written without one; default the process's zone. */
  timeZone?: string;
  /** Infer every number and boolean as string. Default false. */
  primitivesAsString?: boolean;
  /** Leave out fields that are null (or empty) in every record during inference. Default false. */
  dropFieldIfAllNull?: boolean;
  /** The line separator; default any of `\n`, `\r\n`, `\r`. */
  lineSep?: string;
  /** Only UTF-8 is supported. */
  encoding?: string;
  /** Read files in subfolders too (partition folders are then not columns). */
  recursiveFileLookup?: boolean;
  /** Only files whose name matches this glob (e.g. `*.json`). */
  pathGlobFilter?: string;
  /** The folder or file to read (or give it to `load`). */
  path?: string;
};

export interface JsonConfig {
  readonly common: CommonFileOptions;
  readonly multiLine: boolean;
  readonly primitivesAsString: boolean;
  readonly dropFieldIfAllNull: boolean;
  readonly parseTimestamp: TimestampParser;
  readonly parseDate: DateParser;
}

export function parseJsonOptions(options: Options): JsonConfig {
  const common = parseCommonFileOptions(options);
  const zone = timeZoneOption(options.get('timeZone'));
  return {
    common,
    multiLine: options.getBoolean('multiLine', false),
    primitivesAsString: options.getBoolean('primitivesAsString', false),
    dropFieldIfAllNull: options.getBoolean('dropFieldIfAllNull', false),
    parseTimestamp: timestampParser(options.get('timestampFormat'), zone),
    parseDate: dateParser(options.get('dateFormat')),
  };
}
