import type { Token, TokenKind } from './token.ts';
import { syntaxErrorAt, type SourceLabel } from './parse-error.ts';

/** Longest first, so `<=>` wins over `<=` and `<`. `;` ends a SQL statement. */
const SYMBOLS = ['<=>', '::', '||', '==', '!=', '<>', '<=', '>=', '+', '-', '*', '/', '%', '=', '<', '>', '!', '(', ')', '[', ']', ',', '.', ':', ';'];

/** Spark's numeric literal rules: `1L`/`1S`/`1Y`, `1`, `1.5`, `.5`, `1e3`, each with an optional `D`/`F`/`BD`. */
const NUMBER_RE = /\d+[lsy]|(?:\d+\.\d*|\.\d+|\d+)(?:e[+-]?\d+)?(?:bd|d|f)?/iy;
const WORD_RE = /[A-Za-z0-9_]+/y;

/** Splits `source` into tokens, always ending with an `eof` token. Throws a ParseError for bad input. */
export function tokenize(source: string, label: SourceLabel): Token[] {
  return new Lexer(source, label).run();
}

interface Position {
  readonly offset: number;
  readonly line: number;
  readonly column: number;
}

class Lexer {
  private offset = 0;
  private line = 1;
  private column = 1;
  private readonly tokens: Token[] = [];
  /** End of the last token: the eof token goes there, not after trailing blanks or comments. */
  private lastEnd: Position = { offset: 0, line: 1, column: 1 };

  constructor(private readonly source: string, private readonly label: SourceLabel) {}

  run(): Token[] {
    const s = this.source;
    while (this.offset < s.length) {
      const c = s[this.offset]!;
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f') this.advance(1);
      else if (s.startsWith('--', this.offset)) this.lineComment();
      else if (s.startsWith('/*', this.offset)) this.blockComment();
      else if (c === "'" || c === '"') this.quoted('string', c);
      else if (c === '`') this.quoted('quoted', c);
      else if (isDigit(c) || (c === '.' && isDigit(s[this.offset + 1] ?? '') && !this.afterOperand())) this.numberOrWord();
      else if (isWordChar(c)) this.word();
      else this.symbol();
    }
    this.tokens.push({ kind: 'eof', text: '', value: '', ...this.lastEnd });
    return this.tokens;
  }

  private here(): Position {
    return { offset: this.offset, line: this.line, column: this.column };
  }

  private advance(n: number): void {
    const end = Math.min(this.offset + n, this.source.length);
    for (; this.offset < end; this.offset++) {
      if (this.source[this.offset] === '\n') {
        this.line++;
        this.column = 1;
      } else {
        this.column++;
      }
    }
  }

  private push(kind: TokenKind, start: Position, value: string): void {
    this.tokens.push({ kind, text: this.source.slice(start.offset, this.offset), value, ...start });
    this.lastEnd = this.here();
  }

  /** A `.` right after an operand is a dereference (`a.5` is not `a` followed by `.5`). */
  private afterOperand(): boolean {
    const prev = this.tokens[this.tokens.length - 1];
    if (!prev) return false;
    return prev.kind !== 'symbol' || prev.value === ')' || prev.value === ']';
  }

  private lineComment(): void {
    const nl = this.source.indexOf('\n', this.offset);
    this.advance((nl < 0 ? this.source.length : nl) - this.offset);
  }

  /** Bracketed comments nest, as in Spark. */
  private blockComment(): void {
    const start = this.here();
    let depth = 0;
    while (this.offset < this.source.length) {
      if (this.source.startsWith('/*', this.offset)) {
        depth++;
        this.advance(2);
      } else if (this.source.startsWith('*/', this.offset)) {
        depth--;
        this.advance(2);
        if (depth === 0) return;
      } else {
        this.advance(1);
      }
    }
    throw this.errorFrom(start);
  }

  /** Spark's lexer takes the longest match, so `1e3x` and `2xx` are identifiers while `123L` is a number. */
  private numberOrWord(): void {
    NUMBER_RE.lastIndex = this.offset;
    WORD_RE.lastIndex = this.offset;
    const num = NUMBER_RE.exec(this.source)?.[0] ?? '';
    const word = WORD_RE.exec(this.source)?.[0] ?? '';
    if (word.length > num.length) {
      this.word();
      return;
    }
    const start = this.here();
    this.advance(num.length);
    this.push('number', start, num);
  }

  private word(): void {
    const start = this.here();
    WORD_RE.lastIndex = this.offset;
    const w = WORD_RE.exec(this.source)?.[0] ?? '';
    this.advance(w.length);
    this.push('word', start, w);
  }

  /** String literals (with backslash escapes) and backquoted identifiers; a doubled quote stands for itself. */
  private quoted(kind: 'string' | 'quoted', q: string): void {
    const s = this.source;
    const start = this.here();
    this.advance(1);
    let value = '';
    while (this.offset < s.length) {
      const c = s[this.offset]!;
      if (c === q) {
        if (s[this.offset + 1] === q) {
          value += q;
          this.advance(2);
          continue;
        }
        this.advance(1);
        this.push(kind, start, value);
        return;
      }
      if (c === '\\' && kind === 'string' && this.offset + 1 < s.length) {
        const [decoded, consumed] = unescape(s, this.offset + 1);
        value += decoded;
        this.advance(1 + consumed);
        continue;
      }
      value += c;
      this.advance(1);
    }
    throw this.errorFrom(start);
  }

  private symbol(): void {
    const start = this.here();
    const sym = SYMBOLS.find((x) => this.source.startsWith(x, this.offset));
    if (sym === undefined) {
      const cp = this.source.codePointAt(this.offset)!;
      const text = String.fromCodePoint(cp);
      throw syntaxErrorAt(this.source, this.label, { kind: 'symbol', text, value: text, ...start });
    }
    this.advance(sym.length);
    this.push('symbol', start, sym);
  }

  /** An unterminated literal or comment: the error shows its start and underlines the rest of that line. */
  private errorFrom(start: Position): Error {
    const nl = this.source.indexOf('\n', start.offset);
    const text = this.source.slice(start.offset, nl < 0 ? this.source.length : nl).replace(/\r$/, '');
    return syntaxErrorAt(this.source, this.label, { kind: 'string', text, value: text, ...start });
  }
}

function isDigit(c: string): boolean {
  return c >= '0' && c <= '9';
}

function isWordChar(c: string): boolean {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_' || isDigit(c);
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  '0': '\0', "'": "'", '"': '"', b: '\b', n: '\n', r: '\r', t: '\t', Z: '\x1a', '\\': '\\',
  // Kept escaped so that LIKE patterns can still match a literal % or _.
  '%': '\\%', _: '\\_',
};

/** Decodes the escape after a backslash at `i` as Spark's `unescapeSQLString` does; returns [text, chars consumed]. */
function unescape(s: string, i: number): [string, number] {
  const c = s[i]!;
  const octal = /^[0-3][0-7][0-7]/.exec(s.slice(i, i + 3));
  if (octal) return [String.fromCharCode(parseInt(octal[0], 8)), 3];
  const unicode = c === 'u' ? /^[0-9a-fA-F]{4}/.exec(s.slice(i + 1, i + 5)) : null;
  if (unicode) return [String.fromCharCode(parseInt(unicode[0], 16)), 5];
  return [SIMPLE_ESCAPES[c] ?? c, 1];
}
