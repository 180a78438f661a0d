import { OptionError, type Options } from '@caudal/core';
import type { FileFormatName } from './file-format-name.ts';
import { zoneOffsetFn, type ZoneOffsetFn } from './zone-offset.ts';

const DEFAULT_TIMESTAMP_FORMATS = ["yyyy-MM-dd'T'HH:mm:ss.SSSXXX", "yyyy-MM-dd'T'HH:mm:ss[.SSS][XXX]"];
const DEFAULT_DATE_FORMAT = 'yyyy-MM-dd';

/**
 * How the text formats (JSON, CSV) print timestamps: in the `timeZone` option's zone, else the session's.
 * Only Spark's default `timestampFormat` and `dateFormat` are written; another pattern fails at start
 * rather than being silently ignored.
 */
export function datetimeSettings(options: Options, format: FileFormatName, sessionZone: string): ZoneOffsetFn {
  const ts = options.get('timestampFormat');
  if (ts !== undefined && !DEFAULT_TIMESTAMP_FORMATS.includes(ts)) {
    throw new OptionError(
      `Option 'timestampFormat' = '${ts}' is not supported by the ${format} sink: it writes timestamps as ${DEFAULT_TIMESTAMP_FORMATS[0]!}; ` +
      'format the column with date_format(...) before writing',
    );
  }
  const date = options.get('dateFormat');
  if (date !== undefined && date !== DEFAULT_DATE_FORMAT) {
    throw new OptionError(
      `Option 'dateFormat' = '${date}' is not supported by the ${format} sink: it writes dates as ${DEFAULT_DATE_FORMAT}; ` +
      'format the column with date_format(...) before writing',
    );
  }
  const zone = options.get('timeZone') ?? sessionZone;
  const fn = zoneOffsetFn(zone);
  if (fn === undefined) throw new OptionError(`Invalid value '${zone}' for option 'timeZone': unknown time zone`);
  return fn;
}
