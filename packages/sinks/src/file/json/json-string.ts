const HEX = '0123456789ABCDEF';
const NEEDS_ESCAPE = /["\\\u0000-\u001f]/;

/**
 * A JSON string literal as Jackson writes it for Spark: `"` and `\` escaped, `\b \t \n \f \r` short forms,
 * other control characters as `\u00XX` (upper-case hex); everything else, non-ASCII included, as is.
 */
export function jsonString(s: string): string {
  if (!NEEDS_ESCAPE.test(s)) return `"${s}"`;
  let out = '"';
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x20 && c !== 0x22 && c !== 0x5c) continue;
    out += s.slice(start, i) + escapeOf(c);
    start = i + 1;
  }
  return `${out}${s.slice(start)}"`;
}

function escapeOf(c: number): string {
  switch (c) {
    case 0x22: return '\\"';
    case 0x5c: return '\\\\';
    case 0x08: return '\\b';
    case 0x09: return '\\t';
    case 0x0a: return '\\n';
    case 0x0c: return '\\f';
    case 0x0d: return '\\r';
    default: return `\\u00${HEX[c >> 4]!}${HEX[c & 15]!}`;
  }
}
