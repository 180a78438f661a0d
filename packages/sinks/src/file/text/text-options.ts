import type { Options } from '@caudal/core';
import { checkTextEncoding, lineSepOption } from '../format/text-encoding-options.ts';

export interface TextWriteSettings {
  readonly lineSep: string;
}

/** `format('text')` options: `lineSep` (`\n`). */
export function parseTextOptions(options: Options): TextWriteSettings {
  checkTextEncoding(options, 'text');
  return { lineSep: lineSepOption(options) };
}
