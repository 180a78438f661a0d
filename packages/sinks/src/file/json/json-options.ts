import type { Options } from '@caudal/core';
import { datetimeSettings } from '../format/datetime-options.ts';
import { checkTextEncoding, lineSepOption } from '../format/text-encoding-options.ts';
import type { ZoneOffsetFn } from '../format/zone-offset.ts';

export interface JsonWriteSettings {
  readonly ignoreNullFields: boolean;
  readonly lineSep: string;
  readonly zoneOffset: ZoneOffsetFn;
  readonly timeZone: string;
}

/** `format('json')` options: `ignoreNullFields` (true), `lineSep` (`\n`), `timeZone` (the session's). */
export function parseJsonOptions(options: Options, sessionZone: string): JsonWriteSettings {
  checkTextEncoding(options, 'json');
  return {
    ignoreNullFields: options.getBoolean('ignoreNullFields', true),
    lineSep: lineSepOption(options),
    zoneOffset: datetimeSettings(options, 'json', sessionZone),
    timeZone: options.get('timeZone') ?? sessionZone,
  };
}
