import { OptionError } from '@caudal/core';

/**
 * Units of Spark's `JavaUtils.timeSuffixes`, as an exact integer ratio to seconds: `[multiply, divide]`.
 */
const UNITS: ReadonlyMap<string, readonly [number, number]> = new Map([
  ['us', [1, 1_000_000]],
  ['ms', [1, 1000]],
  ['s', [1, 1]],
  ['m', [60, 1]],
  ['min', [60, 1]],
  ['h', [3600, 1]],
  ['d', [86_400, 1]],
] as const);

const TIME_STRING = /^(-?[0-9]+)([a-z]+)?$/;

/**
 * Whole seconds in a Spark time string (`5s`, `100ms`, `2min`, `1h`; a bare number is seconds), truncated
 * toward zero like `JavaUtils.timeStringAsSec`: `1500ms` is 1 second, `500ms` is 0.
 */
export function timeStringAsSeconds(key: string, text: string): number {
  const m = TIME_STRING.exec(text.trim().toLowerCase());
  const amount = m?.[1] === undefined ? NaN : Number(m[1]);
  const unit = m?.[2] === undefined ? UNITS.get('s') : UNITS.get(m[2]);
  const seconds = unit === undefined ? NaN : Math.trunc((amount * unit[0]) / unit[1]);
  if (!Number.isSafeInteger(amount) || !Number.isSafeInteger(seconds)) {
    throw new OptionError(
      `Invalid value '${text}' for option '${key}'. Time must be specified as seconds (s), milliseconds (ms), ` +
        'microseconds (us), minutes (m or min), hour (h), or day (d). E.g. 50s, 100ms, or 250us.',
    );
  }
  return seconds === 0 ? 0 : seconds; // never -0 in a message
}
