import { formatCell } from '../display/cell-format.ts';
import type { DataType } from '../types/data-type.ts';
import { sameType, simpleString } from '../types/data-type.ts';
import { layoutOf, nullVector, vectorFromValues, type Vector } from '../data/vector.ts';
import { parseDateDays, parseTimestampMicros, zoneOffsetMs } from '../util/time-zone.ts';

/** Whether Spark (non-ANSI) allows `CAST(from AS to)`. */
export function canCast(from: DataType, to: DataType): boolean {
  if (sameType(from, to) || from.kind === 'null') return true;
  if (to.kind === 'string') return true;
  const scalar = (t: DataType): boolean => ['int', 'long', 'double', 'boolean', 'timestamp', 'date', 'string'].includes(t.kind);
  if (from.kind === 'binary') return false;
  if (to.kind === 'binary') return from.kind === 'string';
  if (to.kind === 'date') return from.kind === 'string' || from.kind === 'timestamp';
  if (from.kind === 'date') return to.kind === 'timestamp';
  if (scalar(from) && scalar(to)) return true;
  if (from.kind === 'array' && to.kind === 'array') return canCast(from.elementType, to.elementType);
  if (from.kind === 'map' && to.kind === 'map') return canCast(from.keyType, to.keyType) && canCast(from.valueType, to.valueType);
  if (from.kind === 'struct' && to.kind === 'struct') {
    return from.fields.length === to.fields.length && from.fields.every((f, i) => canCast(f.dataType, to.fields[i]!.dataType));
  }
  return false;
}

export function castErrorMessage(from: DataType, to: DataType, sql: string): string {
  return `Cannot resolve '${sql}' due to data type mismatch: cannot cast ${simpleString(from)} to ${simpleString(to)}`;
}

const MICROS_PER_DAY = 86_400_000_000;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Converts a whole vector; values that cannot be converted become null (Spark's non-ANSI behaviour). */
export function castVector(v: Vector, to: DataType, timeZone: string): Vector {
  const from = v.type;
  if (sameType(from, to)) return v;
  const n = v.values.length;
  if (from.kind === 'null') return nullVector(to, n);

  // Numeric → numeric stays in typed arrays.
  if (v.kind === 'num' && layoutOf(to) === 'num' && isPlainNumber(from) && isPlainNumber(to)) {
    const out = new Float64Array(n);
    const src = v.values;
    if (from.kind === 'double' && to.kind !== 'double') {
      // Java's (int) / (long) of a double: truncation, NaN → 0, saturation at the type's bounds.
      const kind = to.kind === 'int' ? 'int' : 'long';
      for (let i = 0; i < n; i++) out[i] = doubleToIntegral(src[i]!, kind);
    } else if (to.kind === 'int') {
      // long → int keeps the low 32 bits, as Java's (int).
      for (let i = 0; i < n; i++) out[i] = Math.trunc(src[i]!) | 0;
    } else if (to.kind === 'long') {
      for (let i = 0; i < n; i++) out[i] = Math.trunc(src[i]!);
    } else {
      out.set(src);
    }
    return { kind: 'num', type: to, values: out, valid: v.valid };
  }
  const values = new Array<unknown>(n);
  for (let i = 0; i < n; i++) {
    const x = v.kind === 'obj' ? v.values[i] : v.valid !== null && v.valid[i] === 0 ? null : v.kind === 'bool' ? v.values[i] === 1 : v.values[i];
    values[i] = x === null || x === undefined ? null : castValue(x, from, to, timeZone);
  }
  return vectorFromValues(to, values);
}

function isPlainNumber(t: DataType): boolean {
  return t.kind === 'int' || t.kind === 'long' || t.kind === 'double';
}

const INT_MIN = -2147483648;
const INT_MAX = 2147483647;
/** ±2^63: Long.MIN_VALUE exactly; Long.MAX_VALUE (2^63 - 1) is not a double, so 2^63 stands for it (exact to 2^53). */
const LONG_BOUND = 2 ** 63;

/** Java's `(int) d` / `(long) d`: truncation toward zero, NaN → 0, out-of-range values saturate. */
function doubleToIntegral(d: number, to: 'int' | 'long'): number {
  if (Number.isNaN(d)) return 0;
  const t = Math.trunc(d);
  if (to === 'int') return t > INT_MAX ? INT_MAX : t < INT_MIN ? INT_MIN : t;
  return t >= LONG_BOUND ? LONG_BOUND : t < -LONG_BOUND ? -LONG_BOUND : t;
}

/** Spark's UTF8String.toInt / toLong: `[+-]digits[.digits]` (the fraction is dropped); no exponent, no hex. */
const INTEGRAL_TEXT = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;
/** What Java's Double.parseDouble takes (decimal forms, optional f/d suffix), besides NaN and Infinity. */
const DOUBLE_TEXT = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?[fFdD]?$/;

/** A string → number as Spark's non-ANSI cast: null when the text is not a number of the target's form. */
function parseNumberText(text: string, to: 'int' | 'long' | 'double'): number | null {
  // Spark trims whitespace and ISO control characters (up to U+0020) for all three.
  let start = 0;
  let end = text.length;
  while (start < end && text.charCodeAt(start) <= 0x20) start++;
  while (end > start && text.charCodeAt(end - 1) <= 0x20) end--;
  const s = text.slice(start, end);
  if (to === 'double') {
    if (DOUBLE_TEXT.test(s)) return Number(/[fFdD]$/.test(s) ? s.slice(0, -1) : s);
    // Java's parseDouble: [+-]NaN, [+-]Infinity (case-sensitive); then Spark's own special literals.
    if (/^[+-]?NaN$/.test(s)) return NaN;
    if (/^[+-]?Infinity$/.test(s)) return s.startsWith('-') ? -Infinity : Infinity;
    switch (s.toLowerCase()) {
      case 'inf': case '+inf': case 'infinity': case '+infinity': return Infinity;
      case '-inf': case '-infinity': return -Infinity;
      case 'nan': return NaN;
      default: return null;
    }
  }
  if (!INTEGRAL_TEXT.test(s)) return null;
  // The range check is on the exact integer part (9223372036854775807 fits, 9223372036854775808 does not).
  const digits = s.split('.')[0]!.replace('+', '');
  const whole = digits === '' || digits === '-' ? 0n : BigInt(digits);
  const [lo, hi] = to === 'int' ? [BigInt(INT_MIN), BigInt(INT_MAX)] : [-(2n ** 63n), 2n ** 63n - 1n];
  if (whole < lo || whole > hi) return null;
  return Number(whole);
}

/** Casts one non-null internal value. */
export function castValue(x: unknown, from: DataType, to: DataType, tz: string): unknown {
  if (sameType(from, to)) return x;
  switch (to.kind) {
    case 'string':
      return from.kind === 'binary' ? decoder.decode(x as Uint8Array) : formatCell(from, x, tz);
    case 'binary':
      return encoder.encode(x as string);
    case 'boolean':
      if (from.kind === 'string') {
        const s = (x as string).trim().toLowerCase();
        if (['t', 'true', 'y', 'yes', '1'].includes(s)) return true;
        if (['f', 'false', 'n', 'no', '0'].includes(s)) return false;
        return null;
      }
      return (x as number) !== 0;
    case 'int': case 'long': case 'double': {
      if (from.kind === 'string') return parseNumberText(x as string, to.kind);
      let num: number;
      if (from.kind === 'boolean') num = x ? 1 : 0;
      else if (from.kind === 'timestamp') num = to.kind === 'double' ? (x as number) / 1e6 : Math.floor((x as number) / 1e6);
      else num = x as number;
      if (to.kind === 'double') return num;
      if (from.kind === 'double') return doubleToIntegral(num, to.kind);
      const t = Math.trunc(num);
      return to.kind === 'int' ? t | 0 : t;
    }
    case 'timestamp':
      if (from.kind === 'string') return parseTimestampMicros(x as string, tz);
      if (from.kind === 'date') {
        const wallMs = (x as number) * 86_400_000;
        return (wallMs - zoneOffsetMs(tz, wallMs)) * 1000;
      }
      if (from.kind === 'boolean') return x ? 1 : 0;
      return Math.trunc((x as number) * 1e6);
    case 'date':
      if (from.kind === 'string') return parseDateDays(x as string);
      if (from.kind === 'timestamp') {
        const ms = Math.floor((x as number) / 1000);
        return Math.floor((ms + zoneOffsetMs(tz, ms)) * 1000 / MICROS_PER_DAY);
      }
      return null;
    case 'array': {
      const fromEl = (from as Extract<DataType, { kind: 'array' }>).elementType;
      return (x as unknown[]).map((e) => (e === null ? null : castValue(e, fromEl, to.elementType, tz)));
    }
    case 'map': {
      const f = from as Extract<DataType, { kind: 'map' }>;
      const out = new Map<unknown, unknown>();
      for (const [k, val] of x as Map<unknown, unknown>) {
        out.set(castValue(k, f.keyType, to.keyType, tz), val === null ? null : castValue(val, f.valueType, to.valueType, tz));
      }
      return out;
    }
    case 'struct': {
      const f = from as Extract<DataType, { kind: 'struct' }>;
      return (x as unknown[]).map((e, i) => (e === null ? null : castValue(e, f.fields[i]!.dataType, to.fields[i]!.dataType, tz)));
    }
    default:
      return null;
  }
}
