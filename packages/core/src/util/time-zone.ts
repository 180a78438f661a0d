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

const MS_PER_DAY = 86_400_000;

/** java.time's ZoneId.SHORT_IDS, which Spark's getZoneId accepts. */
const SHORT_IDS: ReadonlyMap<string, string> = new Map([
  ['ACT', 'Australia/Darwin'], ['AET', 'Australia/Sydney'], ['AGT', 'America/Argentina/Buenos_Aires'], ['ART', 'Africa/Cairo'],
  ['AST', 'America/Anchorage'], ['BET', 'America/Sao_Paulo'], ['BST', 'Asia/Dhaka'], ['CAT', 'Africa/Harare'],
  ['CNT', 'America/St_Johns'], ['CST', 'America/Chicago'], ['CTT', 'Asia/Shanghai'], ['EAT', 'Africa/Addis_Ababa'],
  ['ECT', 'Europe/Paris'], ['IET', 'America/Indiana/Indianapolis'], ['IST', 'Asia/Kolkata'], ['JST', 'Asia/Tokyo'],
  ['MIT', 'Pacific/Apia'], ['NET', 'Asia/Yerevan'], ['NST', 'Pacific/Auckland'], ['PLT', 'Asia/Karachi'],
  ['PNT', 'America/Phoenix'], ['PRT', 'America/Puerto_Rico'], ['PST', 'America/Los_Angeles'], ['SST', 'Pacific/Guadalcanal'],
  ['VST', 'Asia/Ho_Chi_Minh'], ['EST', '-05:00'], ['MST', '-07:00'], ['HST', '-10:00'],
]);

/** Milliseconds east of UTC for an offset id (`+h`, `+hh`, `+hh:mm`, `+hhmm`, `+hh:mm:ss`, `+hhmmss`), as ZoneOffset.of. */
function offsetIdMs(id: string): number | null {
  const m = /^([+-])(\d{1,2})(?:(:?)(\d{2})(?:\3(\d{2}))?)?$/.exec(id);
  if (!m) return null;
  const [, sign, h, , mi, sec] = m;
  if (h!.length === 1 && mi !== undefined) return null;
  const hours = Number(h);
  const minutes = Number(mi ?? 0);
  const seconds = Number(sec ?? 0);
  if (hours > 18 || minutes > 59 || seconds > 59 || (hours === 18 && (minutes > 0 || seconds > 0))) return null;
  return (sign === '-' ? -1 : 1) * ((hours * 60 + minutes) * 60 + seconds) * 1000;
}

function isRegionZone(id: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9~/._+-]+$/.test(id)) return false;
  try {
    formatterFor(id);
    return true;
  } catch {
    return false;
  }
}

/**
 * A zone written in a timestamp string, as Spark's getZoneId (ZoneId.of with SHORT_IDS): `Z`, offsets, `UTC`/`GMT`/`UT`
 * with or without an offset, short ids and region ids. Returns a function from wall-clock ms to UTC ms, or null.
 */
function zoneOfText(text: string): ((wallMs: number) => number) | null {
  // Spark first widens `+h:mm` to `+0h:mm` and `+hh:m` to `+hh:0m`.
  const id = text.replace(/([+-])(\d):/, '$10$2:').replace(/([+-])(\d\d):(\d)$/, '$1$2:0$3');
  const fixed = (ms: number | null): ((wallMs: number) => number) | null => (ms === null ? null : (wall) => wall - ms);
  if (id === 'Z' || id === 'UTC' || id === 'GMT' || id === 'UT') return fixed(0);
  if (id.startsWith('+') || id.startsWith('-')) return fixed(offsetIdMs(id));
  const prefixed = /^(UTC|GMT|UT)([+-].*)$/.exec(id);
  if (prefixed) return fixed(offsetIdMs(prefixed[2]!));
  const zone = SHORT_IDS.get(id) ?? id;
  if (zone.startsWith('-')) return fixed(offsetIdMs(zone));
  return isRegionZone(zone) ? (wall) => wallClockToUtcMs(zone, wall) : null;
}

/** Spark trims whitespace and ISO control characters (code points up to U+0020) at both ends. */
function trimControl(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && text.charCodeAt(start) <= 0x20) start++;
  while (end > start && text.charCodeAt(end - 1) <= 0x20) end--;
  return text.slice(start, end);
}

/** Days in a month of the proleptic Gregorian calendar, or 0 for a month out of range. */
function daysInMonth(year: number, month: number): number {
  if (month < 1 || month > 12) return 0;
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Milliseconds of a UTC wall-clock date (any year, unlike Date.UTC, which maps 0..99 to 1900..1999). */
function utcDateMs(year: number, month: number, day: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return d.getTime();
}

interface TimestampSegments {
  /** year, month, day, hour, minute, second, microseconds */
  readonly segments: readonly number[];
  readonly zone: string | undefined;
  readonly justTime: boolean;
}

/** Spark's SparkDateTimeUtils.parseTimestampString: the segments of a timestamp string, or null. */
function timestampSegments(input: string): TimestampSegments | null {
  const validDigits = (segment: number, digits: number): boolean =>
    segment === 6 || (segment === 0 && digits >= 4 && digits <= 6) || (segment === 7 && digits <= 2)
    || (segment !== 0 && segment !== 6 && segment !== 7 && digits > 0 && digits <= 2);
  const s = trimControl(input);
  if (s === '') return null;
  const segments = [1, 1, 1, 0, 0, 0, 0, 0, 0];
  let i = 0;
  let value = 0;
  let digits = 0;
  let fractionDigits = 0;
  let justTime = false;
  let yearSign: number | undefined;
  let zone: string | undefined;
  let j = 0;
  const close = (): boolean => {
    if (!validDigits(i, digits)) return false;
    segments[i] = value;
    value = 0;
    digits = 0;
    i++;
    return true;
  };
  if (s[0] === '-' || s[0] === '+') {
    yearSign = s[0] === '-' ? -1 : 1;
    j++;
  }
  for (; j < s.length; j++) {
    const b = s[j]!;
    const d = b.charCodeAt(0) - 48;
    if (d >= 0 && d <= 9) {
      if (i === 6) fractionDigits++;
      // Digits beyond microseconds are dropped (truncated, not rounded).
      if (i !== 6 || digits < 6) value = value * 10 + d;
      digits++;
      continue;
    }
    if (j === 0 && b === 'T') {
      justTime = true;
      i += 3;
    } else if (i < 2) {
      if (b === '-') {
        if (!close()) return null;
      } else if (i === 0 && b === ':' && yearSign === undefined) {
        justTime = true;
        if (!validDigits(3, digits)) return null;
        segments[3] = value;
        value = 0;
        digits = 0;
        i = 4;
      } else {
        return null;
      }
    } else if (i === 2) {
      if ((b !== ' ' && b !== 'T') || !close()) return null;
    } else if (i === 3 || i === 4) {
      if (b !== ':' || !close()) return null;
    } else if (i === 5 || i === 6) {
      if (b === '.' && i === 5) {
        if (!close()) return null;
      } else {
        if (!close()) return null;
        zone = s.slice(j);
        j = s.length - 1;
      }
      if (i === 6 && b !== '.') i++;
    } else {
      if (i >= segments.length || (b !== ':' && b !== ' ') || !close()) return null;
    }
  }
  if (!validDigits(i, digits)) return null;
  segments[i] = value;
  for (; fractionDigits < 6; fractionDigits++) segments[6]! *= 10;
  segments[0]! *= yearSign ?? 1;
  return { segments, zone: zone?.trim(), justTime };
}

/**
 * Parses a timestamp string as Spark's cast does (SparkDateTimeUtils.stringToTimestamp): `yyyy`, `yyyy-[m]m`,
 * `yyyy-[m]m-[d]d`, then optionally ` ` or `T`, `[h]h:[m]m[:[s]s[.fraction]]` and a zone; or a time alone (today).
 * Returns microseconds since the epoch, or null; a string without a zone is in `tz`.
 */
export function parseTimestampMicros(text: string, tz: string): number | null {
  const parsed = timestampSegments(text);
  if (parsed === null) return null;
  const [year, month, day, hour, minute, second, micros] = parsed.segments as [number, number, number, number, number, number, number];
  const toUtc = parsed.zone === undefined ? (wall: number) => wallClockToUtcMs(tz, wall) : zoneOfText(parsed.zone);
  if (toUtc === null) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  let dateMs: number;
  if (parsed.justTime) {
    // As Spark: a time alone is on today's date in the zone.
    const now = Date.now();
    const offset = now - toUtc(now);
    dateMs = Math.floor((now + offset) / MS_PER_DAY) * MS_PER_DAY;
  } else {
    if (day < 1 || day > daysInMonth(year, month)) return null;
    dateMs = utcDateMs(year, month, day);
    if (Number.isNaN(dateMs)) return null;
  }
  const wall = dateMs + ((hour * 60 + minute) * 60 + second) * 1000;
  return toUtc(wall) * 1000 + micros;
}

/**
 * Parses a date string as Spark's cast does (SparkDateTimeUtils.stringToDate): `yyyy`, `yyyy-[m]m`, `yyyy-[m]m-[d]d`,
 * and after a full date anything following ` ` or `T`. Returns days since the epoch, or null.
 */
export function parseDateDays(text: string): number | null {
  const s = trimControl(text);
  if (s === '') return null;
  const validDigits = (segment: number, digits: number): boolean =>
    (segment === 0 && digits >= 4 && digits <= 7) || (segment !== 0 && digits > 0 && digits <= 2);
  const segments = [1, 1, 1];
  let sign = 1;
  let i = 0;
  let value = 0;
  let digits = 0;
  let j = 0;
  if (s[0] === '-' || s[0] === '+') {
    sign = s[0] === '-' ? -1 : 1;
    j++;
  }
  for (; j < s.length && i < 3 && s[j] !== ' ' && s[j] !== 'T'; j++) {
    const b = s[j]!;
    if (i < 2 && b === '-') {
      if (!validDigits(i, digits)) return null;
      segments[i] = value;
      value = 0;
      digits = 0;
      i++;
    } else {
      const d = b.charCodeAt(0) - 48;
      if (d < 0 || d > 9) return null;
      value = value * 10 + d;
      digits++;
    }
  }
  if (!validDigits(i, digits)) return null;
  // `yyyy` and `yyyy-[m]m` must be the whole string.
  if (i < 2 && j < s.length) return null;
  segments[i] = value;
  const year = sign * segments[0]!;
  const month = segments[1]!;
  const day = segments[2]!;
  if (day < 1 || day > daysInMonth(year, month)) return null;
  const ms = utcDateMs(year, month, day);
  return Number.isNaN(ms) ? null : Math.floor(ms / MS_PER_DAY);
}
