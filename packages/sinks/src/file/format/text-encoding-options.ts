import { OptionError, type Options } from '@caudal/core';
import type { FileFormatName } from './file-format-name.ts';

/** The text formats (JSON, CSV, text) write uncompressed UTF-8; other codecs and charsets fail at start. */
export function checkTextEncoding(options: Options, format: FileFormatName): void {
  const codec = options.get('compression') ?? options.get('codec');
  if (codec !== undefined && !['none', 'uncompressed'].includes(codec.trim().toLowerCase())) {
    throw new OptionError(`Codec [${codec}] is not supported by the ${format} sink. Supported codecs: none, uncompressed.`);
  }
  for (const key of ['encoding', 'charset']) {
    const v = options.get(key);
    if (v !== undefined && v.trim().toLowerCase().replace(/[-_]/g, '') !== 'utf8') {
      throw new OptionError(`Invalid value '${v}' for option '${key}': only UTF-8 is supported`);
    }
  }
}

/** A `lineSep` option: any non-empty string (`\n` by default). */
export function lineSepOption(options: Options, maxLength = Number.POSITIVE_INFINITY): string {
  const v = options.get('lineSep');
  if (v === undefined) return '\n';
  if (v === '') throw new OptionError("'lineSep' cannot be an empty string.");
  if (v.length > maxLength) throw new OptionError("'lineSep' can contain only 1 character.");
  return v;
}
