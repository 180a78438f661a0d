/**
 * A JSON reader with the leniency Spark's Jackson configuration has: single-quoted strings, the
 * non-numeric numbers `NaN`, `Infinity`, `-Infinity` (and `INF` forms), and anything after the first
 * value ignored. Numbers keep whether they were written as integers, which decides both conversions
 * (`1.0` is not an int) and how they are written back (`1.50` comes back as Java prints the double: `1.5`).
 */
export type JsonValue = null | boolean | string | JsonNumber | JsonValue[] | JsonObject;

export class JsonNumber {
  constructor(readonly text: string, readonly isInteger: boolean) {}

  get value(): number {
    switch (this.text) {
      case 'NaN': case '+NaN': case '-NaN': return NaN;
      case 'Infinity': case '+Infinity': case 'INF': case '+INF': return Infinity;
      case '-Infinity': case '-INF': return -Infinity;
      default: return Number(this.text);
    }
  }
}

/** An object's members by name (a repeated name keeps its last value, as Spark's converters do). */
export type JsonObject = Map<string, JsonValue>;

export class JsonSyntaxError extends Error {}

const MAX_DEPTH = 1000;
const NON_NUMERIC = ['NaN', '+NaN', '-NaN', 'Infinity', '+Infinity', '-Infinity', '+INF', '-INF', 'INF'];

export class JsonParser {
  private text = '';
  private pos = 0;
  private depth = 0;

  constructor(private readonly allowControlChars = false) {}

  /** The first JSON value of `text`; undefined for blank text; JsonSyntaxError when malformed. */
  parse(text: string): JsonValue | undefined {
    this.text = text;
    this.pos = 0;
    this.depth = 0;
    this.skipWhitespace();
    if (this.pos >= text.length) return undefined;
    return this.value();
  }

  private fail(): never {
    throw new JsonSyntaxError(`Unexpected character at position ${this.pos}`);
  }

  private skipWhitespace(): void {
    const t = this.text;
    while (this.pos < t.length) {
      const c = t.charCodeAt(this.pos);
      if (c === 32 || c === 9 || c === 10 || c === 13) this.pos++;
      else break;
    }
  }

  private value(): JsonValue {
    const t = this.text;
    const c = t[this.pos];
    switch (c) {
      case '{': return this.object();
      case '[': return this.array();
      case '"': case "'": return this.string();
      case 't': return this.word('true', true);
      case 'f': return this.word('false', false);
      case 'n': return this.word('null', null);
      default: return this.number();
    }
  }

  private word<T>(w: string, v: T): T {
    if (!this.text.startsWith(w, this.pos)) this.fail();
    this.pos += w.length;
    return v;
  }

  private enter(): void {
    if (++this.depth > MAX_DEPTH) throw new JsonSyntaxError('JSON nested too deeply');
  }

  private object(): JsonObject {
    this.enter();
    const out: JsonObject = new Map();
    this.pos++;
    this.skipWhitespace();
    if (this.text[this.pos] === '}') { this.pos++; this.depth--; return out; }
    for (;;) {
      this.skipWhitespace();
      const q = this.text[this.pos];
      if (q !== '"' && q !== "'") this.fail();
      const key = this.string();
      this.skipWhitespace();
      if (this.text[this.pos] !== ':') this.fail();
      this.pos++;
      this.skipWhitespace();
      out.set(key, this.value());
      this.skipWhitespace();
      const sep = this.text[this.pos];
      this.pos++;
      if (sep === '}') break;
      if (sep !== ',') { this.pos--; this.fail(); }
    }
    this.depth--;
    return out;
  }

  private array(): JsonValue[] {
    this.enter();
    const out: JsonValue[] = [];
    this.pos++;
    this.skipWhitespace();
    if (this.text[this.pos] === ']') { this.pos++; this.depth--; return out; }
    for (;;) {
      this.skipWhitespace();
      out.push(this.value());
      this.skipWhitespace();
      const sep = this.text[this.pos];
      this.pos++;
      if (sep === ']') break;
      if (sep !== ',') { this.pos--; this.fail(); }
    }
    this.depth--;
    return out;
  }

  private string(): string {
    const t = this.text;
    const quote = t.charCodeAt(this.pos);
    let start = ++this.pos;
    let out = '';
    for (;;) {
      if (this.pos >= t.length) this.fail();
      const c = t.charCodeAt(this.pos);
      if (c === quote) {
        out += t.slice(start, this.pos);
        this.pos++;
        return out;
      }
      if (c === 92 /* \ */) {
        out += t.slice(start, this.pos);
        const e = t[this.pos + 1];
        switch (e) {
          case '"': out += '"'; break;
          case "'": out += "'"; break;
          case '\\': out += '\\'; break;
          case '/': out += '/'; break;
          case 'b': out += '\b'; break;
          case 'f': out += '\f'; break;
          case 'n': out += '\n'; break;
          case 'r': out += '\r'; break;
          case 't': out += '\t'; break;
          case 'u': {
            const hex = t.slice(this.pos + 2, this.pos + 6);
            if (!/^[0-9A-Fa-f]{4}$/.test(hex)) this.fail();
            out += String.fromCharCode(parseInt(hex, 16));
            this.pos += 4;
            break;
          }
          default: this.fail();
        }
        this.pos += 2;
        start = this.pos;
        continue;
      }
      if (c < 32 && !this.allowControlChars) this.fail();
      this.pos++;
    }
  }

  private number(): JsonNumber {
    const t = this.text;
    const start = this.pos;
    for (const w of NON_NUMERIC) {
      if (t.startsWith(w, start)) {
        this.pos += w.length;
        return new JsonNumber(w, false);
      }
    }
    let i = start;
    if (t[i] === '-') i++;
    if (t[i] === '0') i++;
    else if (t[i]! >= '1' && t[i]! <= '9') while (t[i]! >= '0' && t[i]! <= '9') i++;
    else this.fail();
    let isInteger = true;
    if (t[i] === '.') {
      isInteger = false;
      i++;
      if (!(t[i]! >= '0' && t[i]! <= '9')) { this.pos = i; this.fail(); }
      while (t[i]! >= '0' && t[i]! <= '9') i++;
    }
    if (t[i] === 'e' || t[i] === 'E') {
      isInteger = false;
      i++;
      if (t[i] === '+' || t[i] === '-') i++;
      if (!(t[i]! >= '0' && t[i]! <= '9')) { this.pos = i; this.fail(); }
      while (t[i]! >= '0' && t[i]! <= '9') i++;
    }
    // A number must end at a separator: `12abc` is malformed.
    if (i < t.length) {
      const c = t.charCodeAt(i);
      if (c !== 44 && c !== 93 && c !== 125 && c !== 32 && c !== 9 && c !== 10 && c !== 13) { this.pos = i; this.fail(); }
    }
    this.pos = i;
    return new JsonNumber(t.slice(start, i), isInteger);
  }
}
