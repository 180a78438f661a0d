import { compileDateTimePattern } from './datetime-pattern.ts';
import { fieldsToDays, fieldsToMicros, validFields, type DateTimeFields } from './datetime-fields.ts';
import { parseDefaultDate, parseDefaultTimestamp } from './default-datetime.ts';

/** Text to microseconds since the epoch, or null when the text does not fit. */
export type TimestampParser = (text: string) => number | null;
/** Text to days since the epoch, or null when the text does not fit. */
export type DateParser = (text: string) => number | null;

/**
 * A timestamp parser for `timestampFormat` (undefined: Spark's lenient ISO-8601 form). Texts without an
 * offset or zone are wall-clock times in `zone`.
 */
export function timestampParser(format: string | undefined, zone: string): TimestampParser {
  const parse = format === undefined ? parseDefaultTimestamp : compileDateTimePattern(format, 'timestampFormat');
  return (text) => {
    const f = parse(text);
    return f !== null && validFields(f) ? fieldsToMicros(f, zone) : null;
  };
}

/** A date parser for `dateFormat` (undefined: Spark's lenient `yyyy-[m]m-[d]d` form). */
export function dateParser(format: string | undefined): DateParser {
  const parse: (text: string) => DateTimeFields | null = format === undefined ? parseDefaultDate : compileDateTimePattern(format, 'dateFormat');
  return (text) => {
    const f = parse(text);
    return f !== null && validFields(f) ? fieldsToDays(f) : null;
  };
}
