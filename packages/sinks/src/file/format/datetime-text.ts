import type { ZoneOffsetFn } from './zone-offset.ts';

const MS_PER_DAY = 86_400_000;

/**
 * Timestamps as Spark's JSON and CSV writers print them by default (`yyyy-MM-dd'T'HH:mm:ss.SSSXXX`): wall
 * time in the writer's zone, milliseconds (microseconds are truncated), and the offset, `Z` for UTC:
 * `2024-01-01T12:00:00.000Z`, `2024-07-01T14:00:00.000+02:00`.
 */
export function timestampText(micros: number, offset: ZoneOffsetFn): string {
  const utcMs = Math.floor(micros / 1000);
  const off = offset(utcMs);
  const wall = new Date(utcMs + off);
  return `${ymd(wall)}T${pad(wall.getUTCHours(), 2)}:${pad(wall.getUTCMinutes(), 2)}:${pad(wall.getUTCSeconds(), 2)}.${pad(wall.getUTCMilliseconds(), 3)}${offsetText(off)}`;
}

/** Dates as `yyyy-MM-dd` (Spark's default `dateFormat`). */
export function dateText(days: number): string {
  return ymd(new Date(days * MS_PER_DAY));
}

/** `XXX`: `Z` for zero, else `+HH:MM` (seconds of historical offsets are dropped, as Java does for XXX). */
function offsetText(ms: number): string {
  if (ms === 0) return 'Z';
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  return `${ms < 0 ? '-' : '+'}${pad(Math.floor(minutes / 60), 2)}:${pad(minutes % 60, 2)}`;
}

function ymd(d: Date): string {
  const y = d.getUTCFullYear();
  // java.time prints a sign past 9999 and before year 0 for `yyyy`.
  const year = y > 9999 ? `+${y}` : y < 0 ? `-${pad(-y, 4)}` : pad(y, 4);
  return `${year}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}`;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}
