/**
 * Spark counts string positions in characters (Unicode code points); JavaScript strings index UTF-16
 * units. These helpers take the plain path when a string has no surrogate pair, which is the common case.
 */
const SURROGATE = /[\uD800-\uDFFF]/;

export function hasSurrogates(s: string): boolean {
  return SURROGATE.test(s);
}

export function codePointLength(s: string): number {
  if (!SURROGATE.test(s)) return s.length;
  let n = 0;
  for (let i = 0; i < s.length; i++, n++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
  }
  return n;
}

/** UTF-16 index of the code point with index `cp` (clamped to [0, s.length]) in a string with surrogates. */
function unitIndex(s: string, cp: number): number {
  let i = 0;
  for (let k = 0; k < cp && i < s.length; k++) {
    const c = s.charCodeAt(i);
    i += c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
  }
  return i;
}

/** Code points [start, end) of s (both already clamped to >= 0). */
export function codePointSlice(s: string, start: number, end: number): string {
  if (!SURROGATE.test(s)) return s.slice(start, end);
  const a = unitIndex(s, start);
  return s.slice(a, a + unitIndex(s.slice(a), end - start));
}

/** 0-based code point index of the UTF-16 index `unit`. */
export function codePointIndexOf(s: string, unit: number): number {
  if (!SURROGATE.test(s)) return unit;
  return codePointLength(s.slice(0, unit));
}

/** The string's code points, one string each (only for the rare strings with surrogates). */
export function codePoints(s: string): string[] {
  return Array.from(s);
}
