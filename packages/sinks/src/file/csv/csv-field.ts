/** How CSV fields are quoted and escaped (Spark's CSV writer options, resolved). */
export interface CsvQuoting {
  /** One or more characters between fields. */
  readonly sep: string;
  /** `\u0000` when quoting is off (`quote` set to an empty string). */
  readonly quote: string;
  readonly escape: string;
  /** Written before an escape character inside a quoted field; `\u0000` for none. */
  readonly escapeEscape: string;
  readonly quoteAll: boolean;
  /** Quote fields that contain the quote character (Spark's `escapeQuotes`, default true). */
  readonly escapeQuotes: boolean;
  readonly ignoreLeadingWhiteSpace: boolean;
  readonly ignoreTrailingWhiteSpace: boolean;
  readonly nullValue: string;
  readonly emptyValue: string;
  /** Characters that end a line and so force quoting. */
  readonly lineChars: string;
}

/**
 * One field as Spark's CSV writer (univocity) writes it. A field is quoted when it contains the separator,
 * a line break, or (with `escapeQuotes`) the quote character, or when it starts with the quote; inside
 * quotes, quote characters get the escape character in front and escape characters get `escapeEscape`.
 * A field with an escape character but nothing that forces quoting is written as is. Leading and trailing
 * white space (characters up to U+0020) is dropped by default. A null is written as `nullValue`, an empty
 * string (or one that is all white space) as `emptyValue` (`""`).
 */
export function csvField(value: string | null, q: CsvQuoting): string {
  if (value === null) return field(q.nullValue, q.quoteAll, q);
  const text = field(value, q.quoteAll, q);
  if (text !== '' && !(q.quoteAll && text === q.quote + q.quote)) return text;
  const ev = q.emptyValue;
  // An emptyValue that is already quoted (the default `""`) goes out as is.
  if (ev.length >= 2 && ev.startsWith(q.quote) && ev.endsWith(q.quote)) return ev;
  return field(ev, q.quoteAll, q);
}

function field(element: string, forceQuote: boolean, q: CsvQuoting): string {
  const [content, quoted] = body(element, forceQuote, q);
  return quoted ? q.quote + content + q.quote : content;
}

function body(el: string, forceQuote: boolean, q: CsvQuoting): [string, boolean] {
  const len = el.length;
  let start = q.ignoreLeadingWhiteSpace ? skipLeadingWhiteSpace(el) : 0;
  if (forceQuote || (start < len && el[start] === q.quote)) return [quotedBody(el, start, q), true];
  let out = '';
  for (let i = start; i < len; i++) {
    const ch = el[i]!;
    const special = ch === q.quote || ch === q.escape;
    if (!special && !forcesQuotes(el, i, q)) continue;
    out += el.slice(start, i);
    start = i + 1;
    if (special && !quoteNeededFrom(el, i, q)) {
      // An escape (or, without escapeQuotes, a quote) in a field that needs no quotes stays as it is.
      return [trimEnd(out + el.slice(i), q), false];
    }
    return [out + quotedBody(el, i, q), true];
  }
  return [trimEnd(out + el.slice(start), q), false];
}

function quotedBody(el: string, from: number, q: CsvQuoting): string {
  let out = '';
  let start = from;
  for (let i = from; i < el.length; i++) {
    const ch = el[i]!;
    if (ch !== q.quote && ch !== q.escape) continue;
    out += el.slice(start, i);
    start = i + 1;
    if (ch === q.quote) out += q.escape;
    else if (q.escapeEscape !== '\u0000') out += q.escapeEscape;
    out += ch;
  }
  return trimEnd(out + el.slice(start), q);
}

/** A separator, a line break, or a quote to escape at position i. */
function forcesQuotes(el: string, i: number, q: CsvQuoting): boolean {
  const ch = el[i]!;
  return el.startsWith(q.sep, i) || q.lineChars.includes(ch) || (q.escapeQuotes && ch === q.quote);
}

function quoteNeededFrom(el: string, from: number, q: CsvQuoting): boolean {
  for (let i = from; i < el.length; i++) if (forcesQuotes(el, i, q)) return true;
  return false;
}

function isWhiteSpace(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return c > 0 && c <= 0x20;
}

function skipLeadingWhiteSpace(el: string): number {
  let i = 0;
  while (i < el.length && isWhiteSpace(el[i]!)) i++;
  return i;
}

function trimEnd(s: string, q: CsvQuoting): string {
  if (!q.ignoreTrailingWhiteSpace) return s;
  let end = s.length;
  while (end > 0 && isWhiteSpace(s[end - 1]!)) end--;
  return end === s.length ? s : s.slice(0, end);
}
