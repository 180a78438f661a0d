import type { Expr } from '../expression.ts';
import { BINARY, DATE, TIMESTAMP } from '../../types/data-type.ts';
import { parseTimestampMicros } from '../../util/time-zone.ts';
import type { TokenCursor } from './token-cursor.ts';

const MS_PER_DAY = 86_400_000;

/** Whether a word followed by a string literal is a typed literal: `TIMESTAMP '...'`, `DATE '...'`, `X'...'`. */
export function isTypedLiteralPrefix(word: string): boolean {
  return word === 'timestamp' || word === 'timestamp_ltz' || word === 'date' || word === 'x';
}

/** Reads `TIMESTAMP '...'` (microseconds, UTC unless the text has an offset), `DATE '...'` (days) or `X'0AFF'`. */
export function readTypedLiteral(cur: TokenCursor): Expr {
  const keyword = cur.next();
  const str = cur.next();
  const kind = keyword.value.toLowerCase();
  if (kind === 'date') {
    const days = dateDays(str.value);
    if (days !== null) return { kind: 'literal', value: days, dataType: DATE };
  } else if (kind === 'x') {
    const bytes = hexBytes(str.value);
    if (bytes !== null) return { kind: 'literal', value: bytes, dataType: BINARY };
  } else {
    const micros = timestampMicros(str.value);
    if (micros !== null) return { kind: 'literal', value: micros, dataType: TIMESTAMP };
  }
  const typeName = kind === 'x' ? 'X' : kind.toUpperCase();
  throw cur.errorSpanning(keyword, str, `Invalid ${typeName} literal '${str.value}'`);
}

/** `yyyy-MM-dd[ HH:mm[:ss[.fraction]]][zone]`, with fields range-checked (Date.UTC would roll them over). */
function timestampMicros(text: string): number | null {
  const m = /^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?)?/i.exec(text);
  if (!m || !validDate(Number(m[1]), Number(m[2]), Number(m[3]))) return null;
  if (Number(m[4] ?? 0) > 23 || Number(m[5] ?? 0) > 59 || Number(m[6] ?? 0) > 59) return null;
  return parseTimestampMicros(text, 'UTC');
}

/** `yyyy-MM-dd`, optionally followed by a time part that is ignored (as Spark does). */
function dateDays(text: string): number | null {
  const m = /^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?\s*$/.exec(text);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return validDate(y, mo, d) ? utcMs(y, mo, d) / MS_PER_DAY : null;
}

/** Hex digits to bytes; an odd count gets a leading zero, as Spark's `unhex` does. */
function hexBytes(text: string): Uint8Array | null {
  if (!/^[0-9a-fA-F]*$/.test(text)) return null;
  const hex = text.length % 2 === 1 ? `0${text}` : text;
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return bytes;
}

function utcMs(year: number, month: number, day: number): number {
  // setUTCFullYear, because Date.UTC maps years 0–99 to 1900–1999.
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return d.getTime();
}

function validDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return new Date(utcMs(year, month, day)).getUTCDate() === day;
}
