/**
 * Time-zone arithmetic for display and string↔timestamp casts. UTC is the fast path; other IANA zones
 * use a cached Intl.DateTimeFormat to find the zone's offset at an instant.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit',
      hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
    formatters.set(tz, f);
  }
  return f;
}

export function isUtc(tz: string): boolean {
  return tz === 'UTC' || tz === 'Etc/UTC' || tz === 'GMT' || tz === 'Z';
}

/** Offset of `tz` from UTC at the instant `utcMs`, in milliseconds (positive east of Greenwich). */
export function zoneOffsetMs(tz: string, utcMs: number): number {
  if (isUtc(tz)) return 0;
  const parts = formatterFor(tz).formatToParts(new Date(utcMs));
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return asUtc - (utcMs - (((utcMs % 1000) + 1000) % 1000));
}

/** UTC milliseconds of a wall-clock time in `tz`. */
export function wallClockToUtcMs(tz: string, wallMs: number): number {
  if (isUtc(tz)) return wallMs;
  const first = wallMs - zoneOffsetMs(tz, wallMs);
  return wallMs - zoneOffsetMs(tz, first);
}

/** The process's default zone, used when `spark.sql.session.timeZone` is not set (as Spark uses the JVM's). */
let processZone: string | undefined;

export function systemTimeZone(): string {
  // Resolving the zone costs an Intl call; the process's zone does not change while it runs.
  processZone ??= Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  return processZone;
}

const TS_RE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}:?\d{2}|UTC)?$/i;

/** Parses `yyyy-MM-dd[ HH:mm[:ss[.fraction]]][zone]` to microseconds; a string without a zone is in `tz`. */
export function parseTimestampMicros(text: string, tz: string): number | null {
  const m = TS_RE.exec(text.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const wall = Date.UTC(Number(y), month - 1, day, Number(h ?? 0), Number(mi ?? 0), Number(s ?? 0));
  const fracMicros = frac ? Math.round(Number(`0.${frac}`) * 1e6) : 0;
  let utcMs: number;
  if (zone === undefined) utcMs = wallClockToUtcMs(tz, wall);
  else if (zone.toUpperCase() === 'Z' || zone.toUpperCase() === 'UTC') utcMs = wall;
  else {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    utcMs = wall - sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
  }
  return utcMs * 1000 + fracMicros;
}

/** Parses `yyyy-MM-dd` to days since the epoch. */
export function parseDateDays(text: string): number | null {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(text.trim());
  if (!m) return null;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Number.isNaN(ms) ? null : Math.floor(ms / 86_400_000);
}
