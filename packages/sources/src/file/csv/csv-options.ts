import { OptionError, type Options } from '@caudal/core';
import { parseCommonFileOptions, type CommonFileOptions } from '../file-options.ts';
import { dateParser, timestampParser, type DateParser, type TimestampParser } from '../datetime/datetime-parsers.ts';
import { timeZoneOption } from '../datetime/zone-offset.ts';

/**
 * `read.format('csv').options({...})`; a type alias so it stays assignable to `GenericOptions`.
 *
 * @example
 * ```ts
 * import type { CsvSourceOptions } from 'caudal';
 * const options: CsvSourceOptions = { header: true, inferSchema: true, sep: ';', nullValue: 'NA' };
 * const sales = spark.read.options(options).csv('data/sales.csv');
 * // PySpark: spark.read.csv("data/sales.csv", header=True, inferSchema=True, sep=";", nullValue="NA")
 * ```
 */
export type CsvSourceOptions = {
  /** Field separator (also `delimiter`); default `,`. One or more characters; `\t` names a tab. */
  sep?: string;
  /** Same as `sep`. */
  delimiter?: string;
  /** The first line of each file holds the column names. Default false (columns `_c0`, `_c1`, ...). */
  header?: boolean;
  /** Infer int, long, double, boolean, date and timestamp columns from the data. Default false (all strings). */
  inferSchema?: boolean;
  /** Quote character; default `"`; empty turns quoting off. */
  quote?: string;
  /** Escapes a quote inside a quoted value; default `\`. */
  escape?: string;
  /** Lines starting with this character are skipped. Default none. */
  comment?: string;
  /** The text that reads as null; default the empty string. */
  nullValue?: string;
  /** Text read as NaN (default `NaN`). */
  nanValue?: string;
  /** Text read as +Infinity (default `Inf`). */
  positiveInf?: string;
  /** Text read as -Infinity (default `-Inf`). */
  negativeInf?: string;
  /** Java datetime pattern for date columns; default lenient `yyyy-MM-dd`. */
  dateFormat?: string;
  /** Java datetime pattern for timestamp columns; default lenient ISO-8601. */
  timestampFormat?: string;
  /** Zone of timestamps written without one; default the process's zone. */
  timeZone?: string;
  /** Infer `yyyy-MM-dd` columns as date rather than timestamp. Default true. */
  preferDate?: boolean;
  /** Quoted values may span lines; records are parsed across the whole file. Default false. */
  multiLine?: boolean;
  /** `PERMISSIVE` (default), `DROPMALFORMED` or `FAILFAST`. */
  mode?: string;
  /** The string column that receives malformed records in PERMISSIVE mode. Default `_corrupt_record`. */
  columnNameOfCorruptRecord?: string;
  /** Trim leading white space of values (default false). */
  ignoreLeadingWhiteSpace?: boolean;
  /** Trim trailing white space of values (default false). */
  ignoreTrailingWhiteSpace?: boolean;
  /** Accepted for compatibility: the header's names are not checked against a given schema. */
  enforceSchema?: boolean;
  /** Only UTF-8 is supported. */
  encoding?: string;
  /** Line separator (default: `\r\n`, `\r` or `\n`). */
  lineSep?: string;
  /** Read files in subfolders too (partition folders are then not columns). */
  recursiveFileLookup?: boolean;
  /** Only files whose name matches this glob (e.g. `*.csv`). */
  pathGlobFilter?: string;
  /** The folder or file to read (or give it to `load`). */
  path?: string;
};

export interface CsvConfig {
  readonly common: CommonFileOptions;
  readonly sep: string;
  readonly header: boolean;
  readonly inferSchema: boolean;
  /** Empty: quoting off. */
  readonly quote: string;
  /** Empty: no escape character. */
  readonly escape: string;
  readonly comment: string | undefined;
  readonly nullValue: string;
  readonly nanValue: string;
  readonly positiveInf: string;
  readonly negativeInf: string;
  readonly preferDate: boolean;
  readonly multiLine: boolean;
  readonly ignoreLeadingWhiteSpace: boolean;
  readonly ignoreTrailingWhiteSpace: boolean;
  readonly parseTimestamp: TimestampParser;
  readonly parseDate: DateParser;
  /** With a user `dateFormat` inference uses it; otherwise strict `yyyy-MM-dd`, so timestamps are not taken for dates. */
  readonly inferDate: DateParser;
}

export function parseCsvOptions(options: Options): CsvConfig {
  const common = parseCommonFileOptions(options);
  const sep = separatorOption(options.get('sep') ?? options.get('delimiter') ?? ',');
  const header = options.getBoolean('header', false);
  const inferSchema = options.getBoolean('inferSchema', false);
  const quote = singleCharOption(options, 'quote', '"');
  const escape = singleCharOption(options, 'escape', '\\');
  const comment = options.get('comment');
  if (comment !== undefined && comment.length > 1) throw new OptionError('comment cannot be more than one character');
  if (common.lineSep !== undefined && common.lineSep.length > 2) throw new OptionError("'lineSep' can contain only 1 character.");
  const zone = timeZoneOption(options.get('timeZone'));
  const dateFormat = options.get('dateFormat');
  return {
    common,
    sep,
    header,
    inferSchema,
    quote,
    escape,
    comment: comment === '' || comment === '\u0000' ? undefined : comment,
    nullValue: options.get('nullValue') ?? '',
    nanValue: options.get('nanValue') ?? 'NaN',
    positiveInf: options.get('positiveInf') ?? 'Inf',
    negativeInf: options.get('negativeInf') ?? '-Inf',
    preferDate: options.getBoolean('preferDate', true),
    multiLine: options.getBoolean('multiLine', false),
    ignoreLeadingWhiteSpace: options.getBoolean('ignoreLeadingWhiteSpace', false),
    ignoreTrailingWhiteSpace: options.getBoolean('ignoreTrailingWhiteSpace', false),
    parseTimestamp: timestampParser(options.get('timestampFormat'), zone),
    parseDate: dateParser(dateFormat),
    inferDate: dateParser(dateFormat ?? 'yyyy-MM-dd'),
  };
}

const ESCAPES: Readonly<Record<string, string>> = { t: '\t', r: '\r', b: '\b', f: '\f', '"': '"', "'": "'", '\\': '\\', u0000: '\u0000' };

/**
 * Spark's CSVExprUtils.toDelimiterStr: one or more characters, where `\t`, `\r`, `\b`, `\f`, `\"`, `\'`,
 * `\\` and `\u0000` name special characters.
 */
function separatorOption(value: string): string {
  if (value === '') throw new OptionError('Delimiter cannot be empty string');
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (c !== '\\') {
      out += c;
      continue;
    }
    if (i === value.length - 1) {
      throw new OptionError('Single backslash is prohibited. It has special meaning as beginning of an escape sequence. To get the backslash character, pass a string with two backslashes as the delimiter.');
    }
    const rest = value.slice(i + 1);
    const key = rest.startsWith('u0000') ? 'u0000' : rest[0]!;
    const special = ESCAPES[key];
    if (special === undefined) throw new OptionError(`Unsupported special character for delimiter: \\${key}`);
    out += special;
    i += key.length;
  }
  return out;
}

function singleCharOption(options: Options, key: string, fallback: string): string {
  const v = options.get(key) ?? fallback;
  if (v.length > 1) throw new OptionError(`${key} cannot be more than one character`);
  return v === '\u0000' ? '' : v;
}
