const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const HEX = '0123456789ABCDEF';

/**
 * A growing UTF-8 byte buffer that text is encoded into directly (no intermediate strings): plain text,
 * JSON string literals (escaped as json-string.ts does) and ready-made byte runs. Lone surrogates become
 * U+FFFD, as TextEncoder writes them.
 */
export class Utf8Out {
  buf: Uint8Array;
  pos = 0;

  constructor(capacity: number) {
    this.buf = new Uint8Array(capacity);
  }

  /** Room for `n` more bytes. */
  ensure(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    const grown = new Uint8Array(Math.max(this.buf.length * 2, this.pos + n));
    grown.set(this.buf.subarray(0, this.pos));
    this.buf = grown;
  }

  /** Hands out the bytes written so far and starts a new buffer of `capacity` bytes. */
  take(capacity: number): Uint8Array {
    const out = this.buf.subarray(0, this.pos);
    this.buf = new Uint8Array(capacity);
    this.pos = 0;
    return out;
  }

  byte(b: number): void {
    this.ensure(1);
    this.buf[this.pos++] = b;
  }

  bytes(src: Uint8Array): void {
    const n = src.length;
    this.ensure(n);
    const buf = this.buf;
    let p = this.pos;
    // A loop beats set() for the short runs (keys, cached members) this writes most.
    if (n < 64) for (let i = 0; i < n; i++) buf[p++] = src[i]!;
    else {
      buf.set(src, p);
      p += n;
    }
    this.pos = p;
  }

  /** Text as UTF-8. */
  text(s: string): void {
    const n = s.length;
    this.ensure(n * 3);
    const buf = this.buf;
    let p = this.pos;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c < 0x80) buf[p++] = c;
      else {
        this.pos = p;
        i = this.wide(s, i, c);
        p = this.pos;
      }
    }
    this.pos = p;
  }

  /**
   * A JSON string literal: `"` and `\` escaped, `\b \t \n \f \r` short forms, other control characters as
   * `\u00XX` (upper-case hex); everything else as is.
   */
  jsonString(s: string): void {
    const n = s.length;
    this.ensure(n * 6 + 2);
    const buf = this.buf;
    let p = this.pos;
    buf[p++] = QUOTE;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0x20 && c < 0x80 && c !== QUOTE && c !== BACKSLASH) buf[p++] = c;
      else if (c >= 0x80) {
        this.pos = p;
        i = this.wide(s, i, c);
        p = this.pos;
      } else {
        buf[p++] = BACKSLASH;
        switch (c) {
          case QUOTE: buf[p++] = QUOTE; break;
          case BACKSLASH: buf[p++] = BACKSLASH; break;
          case 0x08: buf[p++] = 0x62; break;
          case 0x09: buf[p++] = 0x74; break;
          case 0x0a: buf[p++] = 0x6e; break;
          case 0x0c: buf[p++] = 0x66; break;
          case 0x0d: buf[p++] = 0x72; break;
          default:
            buf[p++] = 0x75;
            buf[p++] = 0x30;
            buf[p++] = 0x30;
            buf[p++] = HEX.charCodeAt(c >> 4);
            buf[p++] = HEX.charCodeAt(c & 15);
        }
      }
    }
    buf[p++] = QUOTE;
    this.pos = p;
  }

  /** Encodes the non-ASCII code unit `c` at `i` (with its low surrogate if paired); returns the last index used. */
  private wide(s: string, i: number, c: number): number {
    const buf = this.buf;
    let p = this.pos;
    if (c < 0x800) {
      buf[p++] = 0xc0 | (c >> 6);
      buf[p++] = 0x80 | (c & 0x3f);
    } else if (c >= 0xd800 && c <= 0xdfff) {
      const d = s.charCodeAt(i + 1);
      if (c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff) {
        const cp = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        buf[p++] = 0xf0 | (cp >> 18);
        buf[p++] = 0x80 | ((cp >> 12) & 0x3f);
        buf[p++] = 0x80 | ((cp >> 6) & 0x3f);
        buf[p++] = 0x80 | (cp & 0x3f);
        i++;
      } else {
        // A lone surrogate: U+FFFD.
        buf[p++] = 0xef;
        buf[p++] = 0xbf;
        buf[p++] = 0xbd;
      }
    } else {
      buf[p++] = 0xe0 | (c >> 12);
      buf[p++] = 0x80 | ((c >> 6) & 0x3f);
      buf[p++] = 0x80 | (c & 0x3f);
    }
    this.pos = p;
    return i;
  }
}
