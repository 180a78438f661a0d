import {
  MICROS_PER_DAY, civilFromDays, daysFromCivil, daysInMonth, fromLocalMicros, isLeapYear, isValidTimeZone,
  isoDayOfWeek, toLocalMicros,
} from './calendar.ts';

/**
 * Java `DateTimeFormatter` patterns as Spark 3 uses them (`yyyy-MM-dd HH:mm:ss.SSS`, `EEE, d MMM yyyy`,
 * `hh:mm a`, `yyyy-MM-dd'T'HH:mm:ssXXX`, optional sections `[.SSS]`), compiled once per pattern and cached.
 * Parsing is case-insensitive and strict like Spark's: the whole text must match, fields must be valid
 * (no 30 February), and a fraction `S...S` accepts 1 to n digits. English names only (Locale.US).
 */
export class DateTimePatternError extends Error {}

export interface DateTimeFormatter {
  readonly pattern: string;
  /** `micros` since the epoch as text, in `tz` unless the pattern prints another zone's offset. */
  format(micros: number, tz: string): string;
  /** Microseconds since the epoch, or null when the text does not match. Zone-less text is read in `tz`. */
  parse(text: string, tz: string): number | null;
}

type Token =
  | { readonly kind: 'literal'; readonly text: string }
  | { readonly kind: 'field'; readonly letter: string; readonly count: number; minWidth: number; maxWidth: number; reserve: number }
  | { readonly kind: 'optional'; readonly tokens: readonly Token[]; readonly snapshot: Float64Array; readonly snapshotHas: Uint8Array };

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const QUARTER_NAMES = ['1st quarter', '2nd quarter', '3rd quarter', '4th quarter'];
const ERAS_SHORT = ['BC', 'AD'];
const ERAS_LONG = ['Before Christ', 'Anno Domini'];
const ERAS_NARROW = ['B', 'A'];
const WEEK_BASED = new Set(['Y', 'w', 'W', 'e', 'c']);
const MAX_COUNT: Readonly<Record<string, number>> = {
  G: 5, y: 19, M: 5, L: 5, d: 2, D: 3, Q: 5, q: 5, E: 5, a: 1, h: 2, K: 2, k: 2, H: 2, m: 2, s: 2, S: 9,
  V: 2, z: 4, O: 4, X: 5, x: 5, Z: 5,
};

// Parsed field slots.
const YEAR = 0, YEAR2 = 1, MONTH = 2, DAY = 3, DOY = 4, HOUR = 5, HOUR12 = 6, HOUR_K = 7, HOUR_k = 8, AMPM = 9;
const MINUTE = 10, SECOND = 11, MICROS = 12, OFFSET = 13, ERA = 14, DOW = 15, QUARTER = 16, SLOTS = 17;

const cache = new Map<string, DateTimeFormatter>();

/** The compiled formatter for a pattern (cached), or a DateTimePatternError naming the problem. */
export function dateTimeFormatter(pattern: string): DateTimeFormatter {
  let f = cache.get(pattern);
  if (f === undefined) {
    f = new CompiledPattern(pattern, tokenize(pattern));
    if (cache.size >= 256) cache.clear();
    cache.set(pattern, f);
  }
  return f;
}

function tokenize(p: string): Token[] {
  const stack: Token[][] = [[]];
  let i = 0;
  const top = (): Token[] => stack[stack.length - 1]!;
  const addLiteral = (text: string): void => {
    const list = top();
    const last = list[list.length - 1];
    if (last?.kind === 'literal') list[list.length - 1] = { kind: 'literal', text: last.text + text };
    else list.push({ kind: 'literal', text });
  };
  while (i < p.length) {
    const c = p[i]!;
    if (/[A-Za-z]/.test(c)) {
      let j = i;
      while (j < p.length && p[j] === c) j++;
      const count = j - i;
      if (WEEK_BASED.has(c)) {
        throw new DateTimePatternError(`All week-based patterns are unsupported since Spark 3.0, detected: ${c}, Please use the SQL function EXTRACT instead`);
      }
      const max = MAX_COUNT[c];
      if (max === undefined) throw new DateTimePatternError(`Unknown pattern letter: ${c}`);
      if (count > max || (c === 'V' && count !== 2) || (c === 'O' && count !== 1 && count !== 4)) {
        throw new DateTimePatternError(c === 'V' ? 'Pattern letter count must be 2: V' : `Too many pattern letters: ${c}`);
      }
      top().push({ kind: 'field', letter: c, count, minWidth: 0, maxWidth: 0, reserve: 0 });
      i = j;
    } else if (c === "'") {
      let j = i + 1;
      let text = '';
      for (;;) {
        if (j >= p.length) throw new DateTimePatternError(`Pattern ends with an incomplete string literal: ${p}`);
        if (p[j] === "'") {
          if (p[j + 1] === "'") { text += "'"; j += 2; continue; }
          break;
        }
        text += p[j];
        j++;
      }
      addLiteral(j === i + 1 ? "'" : text);
      i = j + 1;
    } else if (c === '[') {
      stack.push([]);
      i++;
    } else if (c === ']') {
      if (stack.length === 1) throw new DateTimePatternError(`Pattern invalid as it contains ] without previous [`);
      const tokens = stack.pop()!;
      top().push({ kind: 'optional', tokens, snapshot: new Float64Array(SLOTS), snapshotHas: new Uint8Array(SLOTS) });
      i++;
    } else if (c === '{' || c === '}' || c === '#') {
      throw new DateTimePatternError(`Pattern includes reserved character: '${c}'`);
    } else {
      addLiteral(c);
      i++;
    }
  }
  while (stack.length > 1) {
    const tokens = stack.pop()!;
    top().push({ kind: 'optional', tokens, snapshot: new Float64Array(SLOTS), snapshotHas: new Uint8Array(SLOTS) });
  }
  const tokens = stack[0]!;
  planWidths(tokens);
  return tokens;
}

/** Digit widths of numeric fields, and how many digits a variable-width field leaves to fixed-width neighbours (adjacent value parsing). */
function planWidths(tokens: readonly Token[]): void {
  for (const t of tokens) {
    if (t.kind === 'optional') planWidths(t.tokens);
    if (t.kind !== 'field') continue;
    const [min, max] = numericWidths(t.letter, t.count);
    t.minWidth = min;
    t.maxWidth = max;
  }
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (t.kind !== 'field' || t.maxWidth === 0 || t.minWidth === t.maxWidth) continue;
    let reserve = 0;
    for (let j = k + 1; j < tokens.length; j++) {
      const u = tokens[j]!;
      if (u.kind !== 'field' || u.maxWidth === 0) break;
      reserve += u.minWidth;
      if (u.minWidth !== u.maxWidth) break;
    }
    t.reserve = reserve;
  }
}

function numericWidths(letter: string, count: number): [number, number] {
  switch (letter) {
    case 'y': return count === 2 ? [2, 2] : [count, 19];
    case 'M': case 'L': case 'Q': case 'q': return count <= 2 ? (count === 1 ? [1, 19] : [2, 2]) : [0, 0];
    case 'd': case 'h': case 'K': case 'k': case 'H': case 'm': case 's': return count === 1 ? [1, 19] : [2, 2];
    case 'D': return count === 1 ? [1, 19] : count === 2 ? [2, 3] : [3, 3];
    case 'S': return [1, count];
    default: return [0, 0];
  }
}

const scratch = new Int32Array(3);

class CompiledPattern implements DateTimeFormatter {
  private readonly fields = new Float64Array(SLOTS);
  private readonly has = new Uint8Array(SLOTS);
  private zone: string | null = null;
  private readonly ctx: FormatContext = { year: 0, month: 0, day: 0, days: 0, tz: 'UTC', hour: 0, minute: 0, second: 0, micro: 0, offsetSeconds: 0 };

  constructor(readonly pattern: string, private readonly tokens: readonly Token[]) {}

  format(micros: number, tz: string): string {
    const local = toLocalMicros(micros, tz);
    const days = Math.floor(local / MICROS_PER_DAY);
    const ofDay = local - days * MICROS_PER_DAY;
    civilFromDays(days, scratch);
    // One context per formatter, overwritten per value: no allocation per row beyond the text.
    const ctx = this.ctx;
    ctx.year = scratch[0]!;
    ctx.month = scratch[1]!;
    ctx.day = scratch[2]!;
    ctx.days = days;
    ctx.tz = tz;
    ctx.hour = Math.floor(ofDay / 3_600_000_000);
    ctx.minute = Math.floor(ofDay / 60_000_000) % 60;
    ctx.second = Math.floor(ofDay / 1_000_000) % 60;
    ctx.micro = ofDay % 1_000_000;
    ctx.offsetSeconds = Math.round((local - micros) / 1_000_000);
    return formatTokens(this.tokens, ctx);
  }

  parse(text: string, tz: string): number | null {
    this.fields.fill(0);
    this.has.fill(0);
    this.zone = null;
    const end = this.parseTokens(this.tokens, text, 0);
    if (end !== text.length) return null;
    return this.resolve(tz);
  }

  private parseTokens(tokens: readonly Token[], text: string, start: number): number {
    let idx = start;
    for (const t of tokens) {
      if (t.kind === 'literal') {
        if (!matchLiteral(text, idx, t.text)) return -1;
        idx += t.text.length;
      } else if (t.kind === 'optional') {
        t.snapshot.set(this.fields);
        t.snapshotHas.set(this.has);
        const zone = this.zone;
        const next = this.parseTokens(t.tokens, text, idx);
        if (next < 0) {
          this.fields.set(t.snapshot);
          this.has.set(t.snapshotHas);
          this.zone = zone;
        } else idx = next;
      } else {
        idx = this.parseField(t, text, idx);
        if (idx < 0) return -1;
      }
    }
    return idx;
  }

  private set(slot: number, v: number): void {
    this.fields[slot] = v;
    this.has[slot] = 1;
  }

  private parseField(t: Extract<Token, { kind: 'field' }>, text: string, idx: number): number {
    const { letter, count } = t;
    if (t.maxWidth > 0) {
      let sign = 1;
      if (letter === 'y' && count !== 2 && (text[idx] === '-' || text[idx] === '+')) {
        sign = text[idx] === '-' ? -1 : 1;
        idx++;
      }
      let avail = 0;
      while (idx + avail < text.length && isDigit(text.charCodeAt(idx + avail))) avail++;
      const take = Math.min(t.maxWidth, avail - t.reserve);
      if (take < t.minWidth || take <= 0) return -1;
      let v = 0;
      for (let k = 0; k < take; k++) v = v * 10 + (text.charCodeAt(idx + k) - 48);
      switch (letter) {
        case 'y': this.set(count === 2 ? YEAR2 : YEAR, sign * v); break;
        case 'M': case 'L': this.set(MONTH, v); break;
        case 'Q': case 'q': this.set(QUARTER, v); break;
        case 'd': this.set(DAY, v); break;
        case 'D': this.set(DOY, v); break;
        case 'H': this.set(HOUR, v); break;
        case 'h': this.set(HOUR12, v); break;
        case 'K': this.set(HOUR_K, v); break;
        case 'k': this.set(HOUR_k, v); break;
        case 'm': this.set(MINUTE, v); break;
        case 's': this.set(SECOND, v); break;
        case 'S': this.set(MICROS, take >= 6 ? Math.floor(v / 10 ** (take - 6)) : v * 10 ** (6 - take)); break;
        default: return -1;
      }
      return idx + take;
    }
    switch (letter) {
      case 'M': case 'L': {
        const k = matchName(text, idx, MONTHS, count);
        if (k < 0) return -1;
        this.set(MONTH, k + 1);
        return idx + nameLength(MONTHS[k]!, count);
      }
      case 'E': {
        const k = matchName(text, idx, DAYS, count);
        if (k < 0) return -1;
        this.set(DOW, k + 1);
        return idx + nameLength(DAYS[k]!, count);
      }
      case 'Q': case 'q': {
        if (count === 3) {
          if ((text[idx] !== 'Q' && text[idx] !== 'q') || !'1234'.includes(text[idx + 1] ?? 'x')) return -1;
          this.set(QUARTER, Number(text[idx + 1]));
          return idx + 2;
        }
        const k = matchListed(text, idx, QUARTER_NAMES);
        if (k < 0) return -1;
        this.set(QUARTER, k + 1);
        return idx + QUARTER_NAMES[k]!.length;
      }
      case 'a': {
        if (matchLiteral(text, idx, 'AM')) this.set(AMPM, 0);
        else if (matchLiteral(text, idx, 'PM')) this.set(AMPM, 1);
        else return -1;
        return idx + 2;
      }
      case 'G': {
        const names = count === 4 ? ERAS_LONG : count === 5 ? ERAS_NARROW : ERAS_SHORT;
        const k = matchListed(text, idx, names);
        if (k < 0) return -1;
        this.set(ERA, k);
        return idx + names[k]!.length;
      }
      case 'X': case 'x': case 'Z': case 'O':
        return this.parseOffset(letter, count, text, idx);
      case 'V': case 'z': {
        const m = /^(?:[A-Za-z][A-Za-z0-9~._+-]*(?:\/[A-Za-z0-9~._+-]+)*|[+-]\d{2}:?\d{2})/.exec(text.slice(idx));
        if (!m) return -1;
        let id = m[0];
        if (id === 'Z') id = 'UTC';
        if (!isValidTimeZone(id)) return -1;
        this.zone = id;
        return idx + m[0].length;
      }
      default:
        return -1;
    }
  }

  private parseOffset(letter: string, count: number, text: string, idx: number): number {
    let i = idx;
    if (letter === 'O' || (letter === 'Z' && count === 4)) {
      if (!matchLiteral(text, i, 'GMT')) return -1;
      i += 3;
      if (text[i] !== '+' && text[i] !== '-') { this.set(OFFSET, 0); return i; }
    } else if ((letter === 'X' || (letter === 'Z' && count === 5)) && (text[i] === 'Z' || text[i] === 'z')) {
      this.set(OFFSET, 0);
      return i + 1;
    }
    const sign = text[i] === '+' ? 1 : text[i] === '-' ? -1 : 0;
    if (sign === 0) return -1;
    i++;
    let hours: number;
    if (letter === 'O') {
      // GMT+8 or GMT+08:00
      const h2 = twoDigits(text, i);
      if (h2 >= 0) { hours = h2; i += 2; } else if (isDigit(text.charCodeAt(i))) { hours = text.charCodeAt(i) - 48; i++; } else return -1;
    } else {
      hours = twoDigits(text, i);
      if (hours < 0) return -1;
      i += 2;
    }
    const colon = letter === 'O' || (letter === 'Z' && count >= 4) || ((letter === 'X' || letter === 'x') && (count === 3 || count === 5));
    let minutes = 0;
    let seconds = 0;
    const optionalMinutes = ((letter === 'X' || letter === 'x') && count === 1) || letter === 'O';
    if (colon ? text[i] === ':' : true) {
      const at = colon ? i + 1 : i;
      const mm = twoDigits(text, at);
      if (mm >= 0) {
        minutes = mm;
        i = at + 2;
        if ((letter === 'X' || letter === 'x') && count >= 4) {
          const at2 = colon ? i + 1 : i;
          const ss = (colon ? text[i] === ':' : true) ? twoDigits(text, at2) : -1;
          if (ss >= 0) { seconds = ss; i = at2 + 2; }
        }
      } else if (!optionalMinutes) return -1;
    } else if (!optionalMinutes) return -1;
    if (hours > 18 || minutes > 59 || seconds > 59) return -1;
    this.set(OFFSET, sign * (hours * 3600 + minutes * 60 + seconds));
    return i;
  }

  private resolve(tz: string): number | null {
    const f = this.fields;
    const has = this.has;
    let year = has[YEAR] ? f[YEAR]! : has[YEAR2] ? 2000 + f[YEAR2]! : 1970;
    if (has[ERA] && f[ERA] === 0) year = 1 - year;
    let days: number;
    if (has[DOY] && !has[MONTH] && !has[DAY]) {
      const doy = f[DOY]!;
      if (doy < 1 || doy > (isLeapYear(year) ? 366 : 365)) return null;
      days = daysFromCivil(year, 1, 1) + doy - 1;
    } else {
      const month = has[MONTH] ? f[MONTH]! : 1;
      const day = has[DAY] ? f[DAY]! : 1;
      if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
      days = daysFromCivil(year, month, day);
      if (has[DOY] && days - daysFromCivil(year, 1, 1) + 1 !== f[DOY]) return null;
      if (has[QUARTER] && Math.floor((month - 1) / 3) + 1 !== f[QUARTER]) return null;
    }
    if (has[DOW] && isoDayOfWeek(days) !== f[DOW]) return null;
    let hour = 0;
    if (has[HOUR]) {
      hour = f[HOUR]!;
      if (hour > 23) return null;
    } else if (has[HOUR_k]) {
      const k = f[HOUR_k]!;
      if (k < 1 || k > 24) return null;
      hour = k === 24 ? 0 : k;
    } else if (has[HOUR12] || has[HOUR_K]) {
      const h = has[HOUR12] ? f[HOUR12]! : f[HOUR_K]!;
      if (has[HOUR12] ? h < 1 || h > 12 : h > 11) return null;
      hour = (h % 12) + (has[AMPM] ? f[AMPM]! * 12 : 0);
    }
    if (has[HOUR] && has[AMPM] && Math.floor(hour / 12) !== f[AMPM]) return null;
    const minute = f[MINUTE]!;
    const second = f[SECOND]!;
    if (minute > 59 || second > 59) return null;
    const local = days * MICROS_PER_DAY + hour * 3_600_000_000 + minute * 60_000_000 + second * 1_000_000 + f[MICROS]!;
    if (has[OFFSET]) return local - f[OFFSET]! * 1_000_000;
    return fromLocalMicros(local, this.zone ?? tz);
  }
}

interface FormatContext {
  year: number; month: number; day: number; days: number; tz: string;
  hour: number; minute: number; second: number; micro: number; offsetSeconds: number;
}

function formatTokens(tokens: readonly Token[], c: FormatContext): string {
  let out = '';
  for (const t of tokens) {
    if (t.kind === 'literal') out += t.text;
    else if (t.kind === 'optional') out += formatTokens(t.tokens, c);
    else out += formatField(t.letter, t.count, c);
  }
  return out;
}

function formatField(letter: string, count: number, c: FormatContext): string {
  switch (letter) {
    case 'G': {
      const ad = c.year > 0;
      return count === 4 ? (ad ? 'Anno Domini' : 'Before Christ') : count === 5 ? (ad ? 'A' : 'B') : ad ? 'AD' : 'BC';
    }
    case 'y': {
      const y = c.year > 0 ? c.year : 1 - c.year;
      if (count === 2) return pad(y % 100, 2);
      const s = pad(y, count);
      return count >= 4 && y > 9999 ? `+${s}` : s;
    }
    case 'M': case 'L':
      return count <= 2 ? pad(c.month, count) : text(MONTHS[c.month - 1]!, count);
    case 'd': return pad(c.day, count);
    case 'D': return pad(c.days - daysFromCivil(c.year, 1, 1) + 1, count);
    case 'Q': case 'q': {
      const q = Math.floor((c.month - 1) / 3) + 1;
      return count <= 2 ? pad(q, count) : count === 3 ? `Q${q}` : count === 4 ? QUARTER_NAMES[q - 1]! : String(q);
    }
    case 'E': return text(DAYS[isoDayOfWeek(c.days) - 1]!, count);
    case 'a': return c.hour < 12 ? 'AM' : 'PM';
    case 'h': return pad(c.hour % 12 === 0 ? 12 : c.hour % 12, count);
    case 'K': return pad(c.hour % 12, count);
    case 'k': return pad(c.hour === 0 ? 24 : c.hour, count);
    case 'H': return pad(c.hour, count);
    case 'm': return pad(c.minute, count);
    case 's': return pad(c.second, count);
    case 'S': return String(c.micro).padStart(6, '0').padEnd(9, '0').slice(0, count);
    case 'V': return c.tz;
    case 'z': return zoneName(c, count === 4 ? 'long' : 'short');
    case 'O': return c.offsetSeconds === 0 ? 'GMT' : `GMT${offsetText(c.offsetSeconds, count === 4, true, count === 1)}`;
    case 'X': case 'x': {
      if (letter === 'X' && c.offsetSeconds === 0) return 'Z';
      const colon = count === 3 || count === 5;
      const text1 = offsetText(c.offsetSeconds, colon, count >= 4, false);
      return count === 1 && c.offsetSeconds % 3600 === 0 ? text1.slice(0, 3) : text1;
    }
    case 'Z':
      if (count === 4) return c.offsetSeconds === 0 ? 'GMT' : `GMT${offsetText(c.offsetSeconds, true, true, false)}`;
      if (count === 5) return c.offsetSeconds === 0 ? 'Z' : offsetText(c.offsetSeconds, true, true, false);
      return offsetText(c.offsetSeconds, false, false, false);
    default:
      return '';
  }
}

/** `+HH[:]MM[[:]SS]`; seconds only when non-zero and allowed; `short` drops a zero minute part (`GMT+8`). */
function offsetText(total: number, colon: boolean, withSeconds: boolean, short: boolean): string {
  const sign = total < 0 ? '-' : '+';
  const abs = Math.abs(total);
  const h = Math.floor(abs / 3600);
  const m = Math.floor(abs / 60) % 60;
  const s = abs % 60;
  if (short) return `${sign}${h}${m !== 0 || s !== 0 ? `:${pad(m, 2)}` : ''}${s !== 0 ? `:${pad(s, 2)}` : ''}`;
  const sep = colon ? ':' : '';
  return `${sign}${pad(h, 2)}${sep}${pad(m, 2)}${withSeconds && s !== 0 ? `${sep}${pad(s, 2)}` : ''}`;
}

const zoneNames = new Map<string, Intl.DateTimeFormat>();

function zoneName(c: FormatContext, style: 'short' | 'long'): string {
  if (c.tz === 'UTC' || c.tz === 'Etc/UTC' || c.tz === 'Z') return style === 'short' ? 'UTC' : 'Coordinated Universal Time';
  const key = `${c.tz}\u0000${style}`;
  let f = zoneNames.get(key);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: c.tz, timeZoneName: style });
    zoneNames.set(key, f);
  }
  const utcMs = (c.days * MICROS_PER_DAY + c.hour * 3_600_000_000 + c.minute * 60_000_000 + c.second * 1_000_000) / 1000 - c.offsetSeconds * 1000;
  return f.formatToParts(new Date(utcMs)).find((p) => p.type === 'timeZoneName')?.value ?? c.tz;
}

function pad(n: number, width: number): string {
  const s = String(n);
  return s.length >= width ? s : '0'.repeat(width - s.length) + s;
}

function text(name: string, count: number): string {
  return count === 4 ? name : count === 5 ? name[0]! : name.slice(0, 3);
}

function nameLength(name: string, count: number): number {
  return count === 4 ? name.length : count === 5 ? 1 : 3;
}

function matchName(s: string, idx: number, names: readonly string[], count: number): number {
  for (let k = 0; k < names.length; k++) if (matchLiteral(s, idx, text(names[k]!, count))) return k;
  return -1;
}

function matchListed(s: string, idx: number, names: readonly string[]): number {
  for (let k = 0; k < names.length; k++) if (matchLiteral(s, idx, names[k]!)) return k;
  return -1;
}

/** The two-digit number at `at`, or -1. */
function twoDigits(text: string, at: number): number {
  const a = text.charCodeAt(at);
  const b = text.charCodeAt(at + 1);
  return isDigit(a) && isDigit(b) ? (a - 48) * 10 + b - 48 : -1;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Case-insensitive match of `lit` at `idx` (Spark's formatters parse case-insensitively). */
function matchLiteral(s: string, idx: number, lit: string): boolean {
  if (idx + lit.length > s.length) return false;
  for (let k = 0; k < lit.length; k++) {
    const a = s.charCodeAt(idx + k);
    const b = lit.charCodeAt(k);
    if (a !== b && foldCase(a) !== foldCase(b)) return false;
  }
  return true;
}

function foldCase(c: number): number {
  return c >= 65 && c <= 90 ? c + 32 : c;
}
