import { OptionError, type Options } from '@caudal/core';
import { globToRegExp } from './listing/glob-pattern.ts';
import type { ListingSettings } from './listing/list-files.ts';
import { corruptColumnOption } from './malformed/corrupt-record-column.ts';
import { parseModeOption, type ParseMode } from './malformed/parse-mode.ts';

/** Options every file format shares; each format adds its own (json-options.ts, csv-options.ts, ...). */
export interface CommonFileOptions {
  /** `load(path)` or `option('path', ...)`; undefined when neither was given. */
  readonly path: string | undefined;
  readonly listing: ListingSettings;
  readonly mode: ParseMode;
  readonly corruptColumn: string;
  /** One exact line separator, or undefined for `\n`, `\r\n` and `\r`. */
  readonly lineSep: string | undefined;
}

export function parseCommonFileOptions(options: Options): CommonFileOptions {
  checkEncoding(options);
  const filter = options.get('pathGlobFilter');
  return {
    path: options.get('path'),
    listing: {
      recursive: options.getBoolean('recursiveFileLookup', false),
      nameFilter: filter === undefined ? undefined : globToRegExp(filter),
    },
    mode: parseModeOption(options),
    corruptColumn: corruptColumnOption(options),
    lineSep: lineSepOption(options),
  };
}

/** Only UTF-8 is read (Spark's `encoding` / `charset`). */
function checkEncoding(options: Options): void {
  for (const key of ['encoding', 'charset']) {
    const v = options.get(key);
    if (v === undefined) continue;
    const norm = v.trim().toLowerCase().replace(/[-_]/g, '');
    if (norm !== 'utf8') throw new OptionError(`Invalid value '${v}' for option '${key}': only UTF-8 is supported`);
  }
}

function lineSepOption(options: Options): string | undefined {
  const v = options.get('lineSep');
  if (v === undefined) return undefined;
  if (v === '') throw new OptionError("'lineSep' cannot be an empty string.");
  return v;
}

