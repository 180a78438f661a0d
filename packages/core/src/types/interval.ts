/**
 * Internal value of an `interval` (Spark's CalendarInterval without separate days: days count as 24 h).
 *
 * @example
 * ```ts
 * import { intervalToString, type IntervalValue } from 'caudal';
 * const tenMinutes: IntervalValue = { months: 0, micros: 10 * 60 * 1_000_000 };
 * intervalToString(tenMinutes); // '10 minutes'
 * ```
 */
export interface IntervalValue {
  /** Months (a calendar part: 1 month is not a fixed length). */
  readonly months: number;
  /** Microseconds (days are counted as 24 hours). */
  readonly micros: number;
}

const UNIT_MICROS: Record<string, number> = {
  microsecond: 1, millisecond: 1_000, second: 1_000_000, minute: 60_000_000, hour: 3_600_000_000,
  day: 86_400_000_000, week: 604_800_000_000,
};

/**
 * Parses `'10 seconds'`, `'1 day 12 hours'`, `'interval 5 minutes'` (units singular or plural, any case,
 * `ms`/`us` abbreviations). Returns undefined when the text is not a valid interval.
 *
 * @example
 * ```ts
 * import { parseInterval } from 'caudal';
 * parseInterval('1 day 12 hours'); // { months: 0, micros: 129600000000 }
 * parseInterval('interval 2 months'); // { months: 2, micros: 0 }
 * parseInterval('soon'); // undefined
 * ```
 */
export function parseInterval(text: string): IntervalValue | undefined {
  let s = text.trim().toLowerCase();
  if (s.startsWith('interval')) s = s.slice('interval'.length).trim();
  if (s === '') return undefined;
  const tokens = s.split(/\s+/);
  if (tokens.length % 2 !== 0) return undefined;
  let months = 0;
  let micros = 0;
  for (let i = 0; i < tokens.length; i += 2) {
    const n = Number(tokens[i]);
    if (!Number.isFinite(n)) return undefined;
    let unit = tokens[i + 1]!;
    if (unit === 'ms' || unit === 'msec' || unit === 'msecs') unit = 'millisecond';
    if (unit === 'us' || unit === 'usec' || unit === 'usecs') unit = 'microsecond';
    if (unit.endsWith('s')) unit = unit.slice(0, -1);
    if (unit === 'month') months += n;
    else if (unit === 'year') months += 12 * n;
    else if (UNIT_MICROS[unit] !== undefined) micros += n * UNIT_MICROS[unit]!;
    else return undefined;
  }
  return { months, micros: Math.round(micros) };
}

/**
 * Milliseconds of a duration string; throws a message naming `what` for invalid or month-based text.
 *
 * @example
 * ```ts
 * import { durationMs } from 'caudal';
 * const delay = durationMs('10 minutes', 'watermark delay'); // 600000
 * durationMs('1 month', 'watermark delay'); // throws: months and years are not supported here
 * ```
 */
export function durationMs(text: string, what: string): number {
  const iv = parseInterval(text);
  if (!iv) throw new Error(`Invalid ${what} '${text}': expected an interval such as '10 seconds' or '1 day 12 hours'`);
  if (iv.months !== 0) throw new Error(`Invalid ${what} '${text}': months and years are not supported here, use days`);
  return iv.micros / 1000;
}

/**
 * The interval in Spark's literal form, e.g. `10 minutes`.
 *
 * @example
 * ```ts
 * import { intervalToString, parseInterval } from 'caudal';
 * intervalToString(parseInterval('90 minutes')!); // '1 hours 30 minutes'
 * ```
 */
export function intervalToString(v: IntervalValue): string {
  const parts: string[] = [];
  if (v.months) parts.push(`${v.months} months`);
  let us = v.micros;
  const units: [string, number][] = [['days', 86_400_000_000], ['hours', 3_600_000_000], ['minutes', 60_000_000], ['seconds', 1_000_000]];
  for (const [name, size] of units) {
    const q = Math.trunc(us / size);
    if (q !== 0) parts.push(`${q} ${name}`);
    us -= q * size;
  }
  if (us !== 0) parts.push(`${us} microseconds`);
  return parts.length ? parts.join(' ') : '0 seconds';
}
