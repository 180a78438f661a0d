/** Java's Integer/Long.parseInt text: optional sign, ASCII digits, nothing else. */
const INTEGER = /^[+-]?\d+$/;
const INT_MIN = -2_147_483_648;
const INT_MAX = 2_147_483_647;
const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;

/** Java's Double.parseDouble text (after trimming): decimal or exponent form, NaN, Infinity, a d/f suffix. */
const DOUBLE = /^[+-]?(?:NaN|Infinity|(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?[fFdD]?)$/;

export function parseIntText(s: string): number | null {
  if (!INTEGER.test(s)) return null;
  const n = Number(s);
  return n >= INT_MIN && n <= INT_MAX ? n : null;
}

/** Exact range check through BigInt for long texts; the value itself is a double (exact to 2^53). */
export function parseLongText(s: string): number | null {
  if (!INTEGER.test(s)) return null;
  if (s.length < 16) return Number(s);
  const b = BigInt(s);
  return b >= LONG_MIN && b <= LONG_MAX ? Number(b) : null;
}

export function parseDoubleText(s: string): number | null {
  // Java's trim removes every character up to the space.
  // eslint-disable-next-line no-control-regex
  const t = s.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');
  if (!DOUBLE.test(t)) return null;
  return Number(/[fFdD]$/.test(t) ? t.slice(0, -1) : t);
}

/** Scala's `toBoolean`: true or false in any letter case. */
export function parseBooleanText(s: string): boolean | null {
  const l = s.toLowerCase();
  return l === 'true' ? true : l === 'false' ? false : null;
}
