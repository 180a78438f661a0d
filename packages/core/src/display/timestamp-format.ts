import { isUtc, zoneOffsetMs } from '../util/time-zone.ts';

/**
 * Timestamps and dates as Spark casts them to strings: `yyyy-MM-dd HH:mm:ss[.ffffff]` with trailing zeros
 * of the fraction dropped (Spark's fraction formatter), and `yyyy-MM-dd`.
 */

const MICROS_PER_SECOND = 1_000_000;
const MS_PER_DAY = 86_400_000;

/** `micros` since the epoch as wall-clock time in the IANA zone `timeZone`. */
export function formatTimestamp(micros: number, timeZone: string): string {
  const seconds = Math.floor(micros / MICROS_PER_SECOND);
  const fraction = micros - seconds * MICROS_PER_SECOND;
  const utcMs = seconds * 1000;
  // Other zones: shift by the zone's offset at that instant (cached Intl.DateTimeFormat), then read UTC fields.
  const wall = new Date(isUtc(timeZone) ? utcMs : utcMs + zoneOffsetMs(timeZone, utcMs));
  const text = `${ymd(wall)} ${pad2(wall.getUTCHours())}:${pad2(wall.getUTCMinutes())}:${pad2(wall.getUTCSeconds())}`;
  if (fraction === 0) return text;
  return `${text}.${String(Math.round(fraction)).padStart(6, '0').replace(/0+$/, '')}`;
}

/** `days` since the epoch as `yyyy-MM-dd` (dates carry no zone). */
export function formatDate(days: number): string {
  return ymd(new Date(days * MS_PER_DAY));
}

function ymd(d: Date): string {
  const y = d.getUTCFullYear();
  // Years past 9999 get a sign as in java.time; earlier years are zero-padded to four digits.
  const year = y > 9999 ? `+${y}` : y < 0 ? `-${String(-y).padStart(4, '0')}` : String(y).padStart(4, '0');
  return `${year}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}
