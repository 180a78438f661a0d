import { OptionError, type Options } from '@caudal/core';
import { datetimeSettings } from '../format/datetime-options.ts';
import { checkTextEncoding, lineSepOption } from '../format/text-encoding-options.ts';
import type { ZoneOffsetFn } from '../format/zone-offset.ts';
import { delimiterOption } from './csv-delimiter.ts';
import type { CsvQuoting } from './csv-field.ts';

export interface CsvWriteSettings {
  readonly quoting: CsvQuoting;
  readonly header: boolean;
  readonly lineSep: string;
  readonly zoneOffset: ZoneOffsetFn;
}

/**
 * `format('csv')` options with Spark's defaults for writing: `sep` (or `delimiter`) `,`, `header` false,
 * `quote` `"`, `escape` `\`, `charToEscapeQuoteEscaping` (the escape when it differs from the quote),
 * `nullValue` empty, `emptyValue` `""`, `quoteAll` false, `escapeQuotes` true, `ignoreLeadingWhiteSpace`
 * and `ignoreTrailingWhiteSpace` true, `lineSep` `\n` (one character), `timeZone` the session's.
 */
export function parseCsvOptions(options: Options, sessionZone: string): CsvWriteSettings {
  checkTextEncoding(options, 'csv');
  const sep = delimiterOption(options.get('sep') ?? options.get('delimiter') ?? ',');
  const quote = charOption(options, 'quote', '"');
  const escape = charOption(options, 'escape', '\\');
  const lineSep = lineSepOption(options, 1);
  return {
    quoting: {
      sep, quote, escape,
      escapeEscape: charOption(options, 'charToEscapeQuoteEscaping', escape !== quote ? escape : '\u0000'),
      quoteAll: options.getBoolean('quoteAll', false),
      escapeQuotes: options.getBoolean('escapeQuotes', true),
      ignoreLeadingWhiteSpace: options.getBoolean('ignoreLeadingWhiteSpace', true),
      ignoreTrailingWhiteSpace: options.getBoolean('ignoreTrailingWhiteSpace', true),
      nullValue: options.get('nullValue') ?? '',
      emptyValue: options.get('emptyValue') ?? '""',
      // A value holding a line break is quoted whatever lineSep is, so no reader splits it.
      lineChars: `\n\r${lineSep}`,
    },
    header: options.getBoolean('header', false),
    lineSep,
    zoneOffset: datetimeSettings(options, 'csv', sessionZone),
  };
}

/** Spark's one-character options: empty means `\u0000` (none), longer fails. */
function charOption(options: Options, key: string, fallback: string): string {
  const v = options.get(key);
  if (v === undefined) return fallback;
  if (v === '') return '\u0000';
  if (v.length === 1) return v;
  throw new OptionError(`${key} cannot be more than one character`);
}
