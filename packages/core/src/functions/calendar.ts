import { isUtc, zoneOffsetMs } from '../util/time-zone.ts';

/**
 * Proleptic Gregorian calendar arithmetic (days since 1970-01-01 <-> year, month, day; Howard Hinnant's
 * algorithms) and cached zone offsets, so per-row date functions need no Date objects.
 */
export const MICROS_PER_SECOND = 1_000_000;
export const MICROS_PER_DAY = 86_400_000_000;
const MS_PER_BUCKET = 900_000;
const MAX_BUCKETS = 100_000;

export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Writes [year, month, day] of a day number into `out` (no allocation in row loops). */
export function civilFromDays(days: number, out: Int32Array): void {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  out[0] = m <= 2 ? yoe + era * 400 + 1 : yoe + era * 400;
  out[1] = m;
  out[2] = d;
}

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  return m === 2 ? (isLeapYear(y) ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** ISO day of week: Monday = 1 ... Sunday = 7. */
export function isoDayOfWeek(days: number): number {
  return ((((days + 3) % 7) + 7) % 7) + 1;
}

export function floorDiv(a: number, b: number): number {
  return Math.floor(a / b);
}

const MS_PER_DAY = 86_400_000;
const dayCaches = new Map<string, Map<number, number>>();
const bucketCaches = new Map<string, Map<number, number>>();

function cacheFor(caches: Map<string, Map<number, number>>, tz: string): Map<number, number> {
  let cache = caches.get(tz);
  if (cache === undefined) {
    cache = new Map();
    caches.set(tz, cache);
  }
  return cache;
}

/**
 * Offset of `tz` from UTC at `utcMs`, in milliseconds. Cached per UTC day when the offset is the same at
 * both ends of the day (all but the few transition days a year), else per 15-minute bucket; a transition
 * inside a bucket (only in old local-mean-time history) is answered exactly, uncached.
 */
export function offsetMsAt(tz: string, utcMs: number): number {
  if (isUtc(tz)) return 0;
  const days = cacheFor(dayCaches, tz);
  const day = Math.floor(utcMs / MS_PER_DAY);
  let offset = days.get(day);
  if (offset === undefined) {
    const start = day * MS_PER_DAY;
    const a = zoneOffsetMs(tz, start);
    offset = a === zoneOffsetMs(tz, start + MS_PER_DAY - 1000) ? a : NaN;
    if (days.size >= MAX_BUCKETS) days.clear();
    days.set(day, offset);
  }
  if (offset === offset) return offset;
  const buckets = cacheFor(bucketCaches, tz);
  const bucket = Math.floor(utcMs / MS_PER_BUCKET);
  const hit = buckets.get(bucket);
  if (hit !== undefined) return hit;
  const start = bucket * MS_PER_BUCKET;
  const a = zoneOffsetMs(tz, start);
  if (a !== zoneOffsetMs(tz, start + MS_PER_BUCKET - 1000)) return zoneOffsetMs(tz, utcMs);
  if (buckets.size >= MAX_BUCKETS) buckets.clear();
  buckets.set(bucket, a);
  return a;
}

/** Wall-clock microseconds in `tz` of an instant. */
export function toLocalMicros(micros: number, tz: string): number {
  if (isUtc(tz)) return micros;
  return micros + offsetMsAt(tz, Math.floor(micros / 1000)) * 1000;
}

/**
 * The instant of a wall-clock time in `tz`, as java.time resolves it: in an overlap the earlier offset
 * is kept; a time in a gap moves forward by the gap's length.
 */
export function fromLocalMicros(local: number, tz: string): number {
  if (isUtc(tz)) return local;
  const wallMs = Math.floor(local / 1000);
  const before = offsetMsAt(tz, wallMs - 86_400_000);
  const after = offsetMsAt(tz, wallMs + 86_400_000);
  if (before === after) return local - before * 1000;
  if (offsetMsAt(tz, wallMs - before) === before) return local - before * 1000;
  if (offsetMsAt(tz, wallMs - after) === after) return local - after * 1000;
  return local - before * 1000;
}

/** Local date (days since epoch) of an instant in `tz`. */
export function localDays(micros: number, tz: string): number {
  return Math.floor(toLocalMicros(micros, tz) / MICROS_PER_DAY);
}

/** Whether `tz` is a zone the runtime knows (IANA id or fixed offset). */
export function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}
