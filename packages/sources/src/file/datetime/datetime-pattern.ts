import { OptionError } from '@caudal/core';
import { type DateTimeFields, emptyFields } from './datetime-fields.ts';
import { isKnownZone } from './zone-offset.ts';

/**
 * Spark's datetime patterns (Java DateTimeFormatter letters) for `dateFormat` / `timestampFormat`:
 * y u (year; `yy` = 2000-2099), M L (month: `M`, `MM`, `MMM` Jan, `MMMM` January), d, D (day of year),
 * H k K h (hours), a (AM/PM), m, s, S (fraction, 1 to n digits), E (day name, checked only for form),
 * X x Z O (offsets), VV z (zone ids), `'literal'`, `''`, and `[optional]` sections. Letters match case
 * insensitively, as Spark builds its parsers. The whole text must match.
 */
export type DateTimePattern = (text: string) => DateTimeFields | null;

type NumField = 'year' | 'year2' | 'month' | 'day' | 'dayOfYear' | 'hour' | 'clockHour' | 'hourOfAmPm' | 'clockHourOfAmPm' | 'minute' | 'second';

type Element =
  | { readonly k: 'lit'; readonly text: string }
  | { readonly k: 'num'; readonly field: NumField; readonly min: number; readonly max: number }
  | { readonly k: 'frac'; readonly max: number }
  | { readonly k: 'monthName'; readonly full: boolean }
  | { readonly k: 'dayName'; readonly full: boolean }
  | { readonly k: 'ampm' }
  | { readonly k: 'offset'; readonly allowZ: boolean; readonly prefix: boolean }
  | { readonly k: 'zoneId' }
  | { readonly k: 'opt'; readonly els: readonly Element[] };

interface State {
  f: DateTimeFields;
  nums: Map<NumField, number>;
  pm: boolean | null;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

export function compileDateTimePattern(pattern: string, option: string): DateTimePattern {
  const els = compile(pattern, option);
  return (text) => {
    const st: State = { f: emptyFields(), nums: new Map(), pm: null };
    const end = matchSeq(els, 0, text, 0, st);
    if (end !== text.length) return null;
    return resolve(st);
  };
}

function compile(pattern: string, option: string): Element[] {
  const fail = (why: string): never => {
    throw new OptionError(`Invalid datetime pattern '${pattern}' for option '${option}': ${why}`);
  };
  const stack: Element[][] = [[]];
  const top = (): Element[] => stack[stack.length - 1]!;
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i]!;
    if (c === "'") {
      const close = findQuoteEnd(pattern, i + 1);
      if (close === -1) fail('unclosed quote');
      const body = pattern.slice(i + 1, close);
      top().push({ k: 'lit', text: body === '' ? "'" : body.replace(/''/g, "'") });
      i = close + 1;
      continue;
    }
    if (c === '[') { stack.push([]); i++; continue; }
    if (c === ']') {
      if (stack.length === 1) fail("']' without '['");
      const els = stack.pop()!;
      top().push({ k: 'opt', els });
      i++;
      continue;
    }
    if (!/[A-Za-z]/.test(c)) {
      if (c === '#' || c === '{' || c === '}') fail(`reserved character '${c}'`);
      top().push({ k: 'lit', text: c });
      i++;
      continue;
    }
    let n = 1;
    while (pattern[i + n] === c) n++;
    const next = pattern[i + n];
    const adjacentNumber = next !== undefined && 'yuMLdDHkKhmsS'.includes(next);
    top().push(letter(c, n, adjacentNumber, fail));
    i += n;
  }
  if (stack.length !== 1) fail("'[' without ']'");
  return stack[0]!;
}

function findQuoteEnd(p: string, from: number): number {
  for (let i = from; i < p.length; i++) {
    if (p[i] === "'") {
      if (p[i + 1] === "'" && i !== from) { i++; continue; }
      return i;
    }
  }
  return -1;
}

function letter(c: string, n: number, adjacentNumber: boolean, fail: (why: string) => never): Element {
  const twoDigits = (field: NumField): Element => {
    if (n > 2) fail(`too many pattern letters: ${c.repeat(n)}`);
    return { k: 'num', field, min: n, max: 2 };
  };
  switch (c) {
    case 'y': case 'u':
      if (n === 2) return { k: 'num', field: 'year2', min: 2, max: 2 };
      return { k: 'num', field: 'year', min: n, max: adjacentNumber ? Math.max(n, 4) : 9 };
    case 'M': case 'L':
      if (n <= 2) return twoDigits('month');
      if (n <= 4) return { k: 'monthName', full: n === 4 };
      return fail(`too many pattern letters: ${c.repeat(n)}`);
    case 'd': return twoDigits('day');
    case 'D':
      if (n > 3) fail(`too many pattern letters: ${c.repeat(n)}`);
      return { k: 'num', field: 'dayOfYear', min: n, max: 3 };
    case 'H': return twoDigits('hour');
    case 'k': return twoDigits('clockHour');
    case 'K': return twoDigits('hourOfAmPm');
    case 'h': return twoDigits('clockHourOfAmPm');
    case 'm': return twoDigits('minute');
    case 's': return twoDigits('second');
    case 'S':
      if (n > 9) fail(`too many pattern letters: ${c.repeat(n)}`);
      return { k: 'frac', max: n };
    case 'a':
      if (n > 1) fail(`too many pattern letters: ${c.repeat(n)}`);
      return { k: 'ampm' };
    case 'E':
      if (n > 4) fail(`too many pattern letters: ${c.repeat(n)}`);
      return { k: 'dayName', full: n === 4 };
    case 'X': return { k: 'offset', allowZ: true, prefix: false };
    case 'x': return { k: 'offset', allowZ: false, prefix: false };
    case 'Z': return { k: 'offset', allowZ: n >= 4, prefix: n === 4 };
    case 'O': return { k: 'offset', allowZ: false, prefix: true };
    case 'V':
      if (n !== 2) fail("pattern letter count must be 2: V");
      return { k: 'zoneId' };
    case 'z': return { k: 'zoneId' };
    default:
      return fail(`unsupported pattern letter '${c}'`);
  }
}

/** Matches elements from `i` at `pos`; returns the end position or -1. Optional sections backtrack. */
function matchSeq(els: readonly Element[], i: number, text: string, pos: number, st: State): number {
  for (; i < els.length; i++) {
    const el = els[i]!;
    if (el.k === 'opt') {
      const saved = snapshot(st);
      const withOpt = matchSeq([...el.els, ...els.slice(i + 1)], 0, text, pos, st);
      if (withOpt !== -1) return withOpt;
      restore(st, saved);
      continue;
    }
    pos = matchOne(el, text, pos, st);
    if (pos === -1) return -1;
  }
  return pos;
}

function snapshot(st: State): State {
  return { f: { ...st.f }, nums: new Map(st.nums), pm: st.pm };
}

function restore(st: State, s: State): void {
  st.f = s.f;
  st.nums = s.nums;
  st.pm = s.pm;
}

function matchOne(el: Exclude<Element, { k: 'opt' }>, text: string, pos: number, st: State): number {
  switch (el.k) {
    case 'lit': {
      const part = text.slice(pos, pos + el.text.length);
      return part.toLowerCase() === el.text.toLowerCase() ? pos + el.text.length : -1;
    }
    case 'num': {
      let end = pos;
      let sign = 1;
      if (el.field === 'year' && (text[end] === '-' || text[end] === '+') && el.max > 4) {
        sign = text[end] === '-' ? -1 : 1;
        end++;
      }
      const start = end;
      while (end < text.length && end - start < el.max && isDigit(text.charCodeAt(end))) end++;
      if (end - start < el.min) return -1;
      st.nums.set(el.field, sign * Number(text.slice(start, end)));
      return end;
    }
    case 'frac': {
      let end = pos;
      while (end < text.length && end - pos < el.max && isDigit(text.charCodeAt(end))) end++;
      if (end === pos) return -1;
      st.f.nanos = Number(text.slice(pos, end).padEnd(9, '0'));
      return end;
    }
    case 'monthName': {
      const hit = matchName(text, pos, MONTHS, el.full);
      if (hit === null) return -1;
      st.nums.set('month', hit.index + 1);
      return hit.end;
    }
    case 'dayName': {
      const hit = matchName(text, pos, DAYS, el.full);
      return hit === null ? -1 : hit.end;
    }
    case 'ampm': {
      const two = text.slice(pos, pos + 2).toUpperCase();
      if (two !== 'AM' && two !== 'PM') return -1;
      st.pm = two === 'PM';
      return pos + 2;
    }
    case 'offset':
      return matchOffset(el, text, pos, st);
    case 'zoneId': {
      const m = /^[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+)*/.exec(text.slice(pos));
      if (!m || !isKnownZone(m[0])) return -1;
      st.f.zone = m[0];
      return pos + m[0].length;
    }
  }
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function matchName(text: string, pos: number, names: readonly string[], full: boolean): { index: number; end: number } | null {
  const rest = text.slice(pos).toLowerCase();
  for (let i = 0; i < names.length; i++) {
    const name = full ? names[i]! : names[i]!.slice(0, 3);
    if (rest.startsWith(name)) return { index: i, end: pos + name.length };
  }
  return null;
}

const OFFSET = /^([+-])(\d{1,2})(?::?(\d{2}))?(?::?(\d{2}))?/;

function matchOffset(el: { allowZ: boolean; prefix: boolean }, text: string, pos: number, st: State): number {
  let p = pos;
  if (el.allowZ && (text[p] === 'Z' || text[p] === 'z')) {
    st.f.offsetMs = 0;
    return p + 1;
  }
  if (el.prefix) {
    const m = /^(GMT|UTC|UT)/i.exec(text.slice(p));
    if (!m) return -1;
    p += m[0].length;
    if (text[p] !== '+' && text[p] !== '-') {
      st.f.offsetMs = 0;
      return p;
    }
  }
  const m = OFFSET.exec(text.slice(p));
  if (!m) return -1;
  const sign = m[1] === '-' ? -1 : 1;
  const h = Number(m[2]);
  const min = Number(m[3] ?? 0);
  const s = Number(m[4] ?? 0);
  if (h > 18 || min > 59 || s > 59) return -1;
  st.f.offsetMs = sign * ((h * 60 + min) * 60 + s) * 1000;
  return p + m[0].length;
}

/** Turns matched numbers into calendar fields (Spark's STRICT resolution: no rolling over). */
function resolve(st: State): DateTimeFields | null {
  const f = st.f;
  const n = st.nums;
  const year = n.get('year');
  const year2 = n.get('year2');
  if (year !== undefined) f.year = year;
  else if (year2 !== undefined) f.year = 2000 + year2;
  const month = n.get('month');
  const day = n.get('day');
  const doy = n.get('dayOfYear');
  if (doy !== undefined) {
    let rest = doy;
    let m = 1;
    const leap = (f.year % 4 === 0 && f.year % 100 !== 0) || f.year % 400 === 0;
    if (doy < 1 || doy > (leap ? 366 : 365)) return null;
    const lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    while (rest > lengths[m - 1]!) rest -= lengths[m++ - 1]!;
    if ((month !== undefined && month !== m) || (day !== undefined && day !== rest)) return null;
    f.month = m;
    f.day = rest;
  } else {
    if (month !== undefined) f.month = month;
    if (day !== undefined) f.day = day;
  }
  const hour = n.get('hour');
  const clockHour = n.get('clockHour');
  const hourOfAmPm = n.get('hourOfAmPm');
  const clockHourOfAmPm = n.get('clockHourOfAmPm');
  // Without an AM/PM marker Spark reads 12-hour fields as AM.
  const pmShift = st.pm === true ? 12 : 0;
  if (hour !== undefined) {
    f.hour = hour;
  } else if (clockHour !== undefined) {
    if (clockHour < 1 || clockHour > 24) return null;
    f.hour = clockHour % 24;
  } else if (clockHourOfAmPm !== undefined) {
    if (clockHourOfAmPm < 1 || clockHourOfAmPm > 12) return null;
    f.hour = (clockHourOfAmPm % 12) + pmShift;
  } else if (hourOfAmPm !== undefined) {
    if (hourOfAmPm > 11) return null;
    f.hour = hourOfAmPm + pmShift;
  }
  f.minute = n.get('minute') ?? 0;
  f.second = n.get('second') ?? 0;
  return f;
}
