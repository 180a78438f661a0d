import { OptionError } from '@caudal/core';
import { utcEpochMs } from './utc-epoch.ts';

/**
 * Time-zone arithmetic for parsing wall-clock times (core keeps its own copy for display; connectors
 * only see core's public API). UTC is the fast path; other IANA zones use a cached Intl formatter.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit',
      hour: '2-digit', minute: '2-digit', second: '2-digit', era: 'short',
    });
    formatters.set(zone, f);
  }
  return f;
}

export function isUtcZone(zone: string): boolean {
  const z = zone.toUpperCase();
  return z === 'UTC' || z === 'ETC/UTC' || z === 'GMT' || z === 'Z' || z === 'UT';
}

/** Whether Intl knows the zone id (`Europe/Madrid`, `UTC`, `+02:00`). */
export function isKnownZone(zone: string): boolean {
  if (isUtcZone(zone)) return true;
  try {
    formatterFor(zone);
    return true;
  } catch {
    return false;
  }
}

/** The process's zone: what a session uses when `spark.sql.session.timeZone` is not set. */
export function systemZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** The `timeZone` option, checked when the DataFrame is defined; default the process's zone. */
export function timeZoneOption(value: string | undefined): string {
  if (value === undefined) return systemZone();
  if (!isKnownZone(value)) throw new OptionError(`Invalid value '${value}' for option 'timeZone', must be a time-zone id such as 'UTC' or 'Europe/Madrid'`);
  return value;
}

/** Offset of `zone` from UTC at the instant `utcMs`, in milliseconds (positive east of Greenwich). */
export function zoneOffsetMs(zone: string, utcMs: number): number {
  if (isUtcZone(zone)) return 0;
  const parts = formatterFor(zone).formatToParts(new Date(utcMs));
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const era = parts.find((p) => p.type === 'era')?.value;
  const year = era === 'BC' || era === 'B' ? 1 - get('year') : get('year');
  const asUtc = utcEpochMs(year, get('month'), get('day'), get('hour'), get('minute'), get('second'));
  return asUtc - (utcMs - (((utcMs % 1000) + 1000) % 1000));
}

/** UTC milliseconds of a wall-clock time (given as if it were UTC) in `zone`; gaps resolve forward. */
export function wallClockToUtcMs(zone: string, wallMs: number): number {
  if (isUtcZone(zone)) return wallMs;
  const first = wallMs - zoneOffsetMs(zone, wallMs);
  return wallMs - zoneOffsetMs(zone, first);
}
