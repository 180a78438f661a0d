import { utcEpochMs } from './utc-epoch.ts';
import { wallClockToUtcMs } from './zone-offset.ts';

/** What a date/time text says, before it is placed on the timeline. */
export interface DateTimeFields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  nanos: number;
  /** An explicit offset from UTC (`Z`, `+02:00`), or null. */
  offsetMs: number | null;
  /** An explicit zone id (`Europe/Madrid`), or null. */
  zone: string | null;
}

export function emptyFields(): DateTimeFields {
  return { year: 1970, month: 1, day: 1, hour: 0, minute: 0, second: 0, nanos: 0, offsetMs: null, zone: null };
}

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  return m === 2 ? (isLeapYear(y) ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** Whether the calendar fields exist (no February 30th, no hour 24). */
export function validFields(f: DateTimeFields): boolean {
  return f.month >= 1 && f.month <= 12 && f.day >= 1 && f.day <= daysInMonth(f.year, f.month) &&
    f.hour >= 0 && f.hour <= 23 && f.minute >= 0 && f.minute <= 59 && f.second >= 0 && f.second <= 59;
}

/** Microseconds since the epoch; a text without offset or zone is wall-clock time in `defaultZone`. */
export function fieldsToMicros(f: DateTimeFields, defaultZone: string): number {
  const wall = utcEpochMs(f.year, f.month, f.day, f.hour, f.minute, f.second);
  const utcMs = f.offsetMs !== null ? wall - f.offsetMs : wallClockToUtcMs(f.zone ?? defaultZone, wall);
  return utcMs * 1000 + Math.floor(f.nanos / 1000);
}

/** Days since the epoch of the date part. */
export function fieldsToDays(f: DateTimeFields): number {
  return Math.floor(utcEpochMs(f.year, f.month, f.day) / 86_400_000);
}
