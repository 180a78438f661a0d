import { type DateTimeFields, emptyFields } from './datetime-fields.ts';
import { isKnownZone } from './zone-offset.ts';

/**
 * What Spark accepts without a `timestampFormat` (DateTimeUtils.stringToTimestamp): `yyyy`, `yyyy-[m]m`,
 * `yyyy-[m]m-[d]d`, then optionally ` ` or `T` and `[h]h:[m]m[:[s]s[.fraction]]`, then optionally a zone:
 * `Z`, `+01`, `+01:00`, `+0100`, `UTC+1`, `GMT-05:00` or a region id such as `Europe/Madrid`.
 */
const TIMESTAMP = /^([+-]?\d{4,7})(?:-(\d{1,2})(?:-(\d{1,2})(?:(?:[ T](\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:\.(\d{0,9}))?)?)|T)?)?)?\s*(Z|[+-]\d{1,2}(?::?\d{2}(?::?\d{2})?)?|(?:UTC|GMT|UT)(?:[+-]\d{1,2}(?::?\d{2})?)?|[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+)+)?$/i;

export function parseDefaultTimestamp(text: string): DateTimeFields | null {
  const m = TIMESTAMP.exec(text.trim());
  if (!m) return null;
  const f = emptyFields();
  f.year = Number(m[1]);
  f.month = m[2] === undefined ? 1 : Number(m[2]);
  f.day = m[3] === undefined ? 1 : Number(m[3]);
  f.hour = m[4] === undefined ? 0 : Number(m[4]);
  f.minute = m[5] === undefined ? 0 : Number(m[5]);
  f.second = m[6] === undefined ? 0 : Number(m[6]);
  f.nanos = m[7] ? Number(m[7].padEnd(9, '0')) : 0;
  const zone = m[8];
  if (zone !== undefined) {
    const offset = parseOffset(zone);
    if (offset !== undefined) f.offsetMs = offset;
    else if (isKnownZone(zone)) f.zone = zone;
    else return null;
  }
  return f;
}

/** `Z`, `+1`, `-05:00`, `+0530`, `UTC`, `GMT+2`, `UT-03:30` as milliseconds; undefined for region ids. */
function parseOffset(zone: string): number | undefined {
  const z = zone.toUpperCase();
  if (z === 'Z' || z === 'UTC' || z === 'GMT' || z === 'UT') return 0;
  const m = /^(?:UTC|GMT|UT)?([+-])(\d{1,2})(?::?(\d{2}))?(?::?(\d{2}))?$/.exec(z);
  if (!m) return undefined;
  const h = Number(m[2]);
  const min = Number(m[3] ?? 0);
  const s = Number(m[4] ?? 0);
  if (h > 18 || min > 59 || s > 59) return undefined;
  return (m[1] === '-' ? -1 : 1) * ((h * 60 + min) * 60 + s) * 1000;
}

/** What Spark accepts without a `dateFormat` (stringToDate): `yyyy`, `yyyy-[m]m`, `yyyy-[m]m-[d]d`, then ` ` or `T` and anything. */
const DATE = /^([+-]?\d{4,7})(?:-(\d{1,2})(?:-(\d{1,2})(?:[ T].*)?)?)?$/s;

export function parseDefaultDate(text: string): DateTimeFields | null {
  const m = DATE.exec(text.trim());
  if (!m) return null;
  const f = emptyFields();
  f.year = Number(m[1]);
  f.month = m[2] === undefined ? 1 : Number(m[2]);
  f.day = m[3] === undefined ? 1 : Number(m[3]);
  return f;
}
