/**
 * A time zone's offset from UTC at an instant: IANA names through a cached Intl.DateTimeFormat, and the
 * fixed offsets Java's ZoneId also accepts (`Z`, `+01:00`, `-0530`, `UTC+01:00`, `GMT-3`).
 */
export type ZoneOffsetFn = (utcMs: number) => number;

const FIXED = /^(?:UTC|GMT|UT)?([+-])(\d{1,2})(?::?(\d{2}))?(?::?(\d{2}))?$/i;

/** The offset function of `zone`, or undefined when the zone is unknown. */
export function zoneOffsetFn(zone: string): ZoneOffsetFn | undefined {
  const z = zone.trim();
  if (/^(Z|UTC|GMT|UT|Etc\/UTC|Etc\/GMT)$/i.test(z)) return () => 0;
  const m = FIXED.exec(z);
  if (m) {
    const h = Number(m[2]);
    const min = Number(m[3] ?? 0);
    const s = Number(m[4] ?? 0);
    if (h > 18 || min > 59 || s > 59) return undefined;
    const ms = (m[1] === '-' ? -1 : 1) * ((h * 60 + min) * 60 + s) * 1000;
    return () => ms;
  }
  let f: Intl.DateTimeFormat;
  try {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: z, hourCycle: 'h23', era: 'short', year: 'numeric', month: 'numeric', day: 'numeric',
      hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
  } catch {
    return undefined;
  }
  return (utcMs) => {
    const seconds = Math.floor(utcMs / 1000) * 1000;
    const parts = f.formatToParts(new Date(seconds));
    const get = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((p) => p.type === type)?.value ?? 0);
    const bc = parts.find((p) => p.type === 'era')?.value === 'BC';
    const year = bc ? 1 - get('year') : get('year');
    const wall = new Date(0);
    wall.setUTCFullYear(year, get('month') - 1, get('day'));
    wall.setUTCHours(get('hour'), get('minute'), get('second'), 0);
    return wall.getTime() - seconds;
  };
}
