import { javaDoubleToString } from '../display/java-double.ts';
import { JsonNumber, type JsonValue } from './json-parser.ts';

/**
 * Writes JSON as Spark's Jackson generator does: compact, strings with `"` `\` and control characters
 * escaped (short forms `\n \t \r \b \f`, otherwise `\u00XX` in upper case), non-ASCII left as is,
 * doubles as Java prints them (`1.0`, `1.0E10`) and non-finite doubles quoted (`"NaN"`).
 */
const HEX = '0123456789ABCDEF';

export function quoteJsonString(s: string): string {
  let out = '"';
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 32 && c !== 34 && c !== 92) continue;
    out += s.slice(start, i);
    start = i + 1;
    switch (c) {
      case 34: out += '\\"'; break;
      case 92: out += '\\\\'; break;
      case 8: out += '\\b'; break;
      case 9: out += '\\t'; break;
      case 10: out += '\\n'; break;
      case 12: out += '\\f'; break;
      case 13: out += '\\r'; break;
      default: out += `\\u00${HEX[c >> 4]}${HEX[c & 15]}`;
    }
  }
  return `${out}${s.slice(start)}"`;
}

export function doubleToJson(x: number): string {
  return Number.isFinite(x) ? javaDoubleToString(x) : `"${javaDoubleToString(x)}"`;
}

/** A parsed value written back compactly (what get_json_object returns for objects and arrays). */
export function writeJson(v: JsonValue): string {
  if (v === null) return 'null';
  if (typeof v === 'string') return quoteJsonString(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (v instanceof JsonNumber) return numberText(v);
  if (Array.isArray(v)) return `[${v.map(writeJson).join(',')}]`;
  let out = '{';
  let first = true;
  for (const [k, x] of v) {
    out += `${first ? '' : ','}${quoteJsonString(k)}:${writeJson(x)}`;
    first = false;
  }
  return `${out}}`;
}

/** Integers keep their digits; other numbers are re-printed as Java doubles. */
export function numberText(n: JsonNumber): string {
  if (n.isInteger) return n.text === '-0' ? '0' : n.text;
  return doubleToJson(n.value);
}
