import { OptionError } from '@caudal/core';

/** Units of Spark's `JavaUtils.timeSuffixes`, as milliseconds. */
const UNIT_MS: ReadonlyMap<string, number> = new Map([
  ['us', 0.001], ['ms', 1], ['s', 1000], ['m', 60_000], ['min', 60_000], ['h', 3_600_000], ['d', 86_400_000],
]);

/** Whole milliseconds in a Spark time string (`15m`, `30s`, `500ms`; a bare number is milliseconds), like `Utils.timeStringAsMs`. */
export function timeStringAsMs(key: string, text: string): number {
  const m = /^([0-9]+)\s*([a-z]+)?$/.exec(text.trim().toLowerCase());
  const unit = m?.[2] === undefined ? 1 : UNIT_MS.get(m[2]);
  const amount = m?.[1] === undefined ? NaN : Number(m[1]);
  const ms = unit === undefined ? NaN : Math.trunc(amount * unit);
  if (!Number.isSafeInteger(ms)) {
    throw new OptionError(
      `Invalid value '${text}' for option '${key}'. Time must be specified as seconds (s), milliseconds (ms), ` +
        'microseconds (us), minutes (m or min), hour (h), or day (d). E.g. 50s, 100ms, or 250us.',
    );
  }
  return ms;
}
