import type { Token } from './token.ts';
import { tokenize } from './lexer.ts';
import { parseErrorAt, syntaxErrorAt, type ParseError, type SourceLabel } from './parse-error.ts';

/** A read position over the tokens of one input, shared by the expression and data type parsers. */
export class TokenCursor {
  private index = 0;

  private constructor(
    readonly source: string,
    readonly label: SourceLabel,
    private readonly tokens: readonly Token[],
  ) {}

  static of(source: string, label: SourceLabel): TokenCursor {
    return new TokenCursor(source, label, tokenize(source, label));
  }

  /** The token `ahead` places on; the eof token repeats past the end. */
  peek(ahead = 0): Token {
    return this.tokens[Math.min(this.index + ahead, this.tokens.length - 1)]!;
  }

  /** The read position, for `reset` when a guess about the syntax turns out wrong. */
  get position(): number {
    return this.index;
  }

  reset(position: number): void {
    this.index = position;
  }

  next(): Token {
    const t = this.peek();
    if (t.kind !== 'eof') this.index++;
    return t;
  }

  atSymbol(symbol: string, ahead = 0): boolean {
    const t = this.peek(ahead);
    return t.kind === 'symbol' && t.value === symbol;
  }

  /** Keywords are case-insensitive; `word` must be lower case. A backquoted name is never a keyword. */
  atWord(word: string, ahead = 0): boolean {
    const t = this.peek(ahead);
    return t.kind === 'word' && t.value.toLowerCase() === word;
  }

  acceptSymbol(symbol: string): boolean {
    if (!this.atSymbol(symbol)) return false;
    this.index++;
    return true;
  }

  acceptWord(word: string): boolean {
    if (!this.atWord(word)) return false;
    this.index++;
    return true;
  }

  expectSymbol(symbol: string): Token {
    if (!this.atSymbol(symbol)) throw this.error();
    return this.next();
  }

  expectWord(word: string): Token {
    if (!this.atWord(word)) throw this.error();
    return this.next();
  }

  /** Anything left over (`a b` as one expression) is a syntax error at the first extra token. */
  expectEnd(): void {
    if (this.peek().kind !== 'eof') throw this.error();
  }

  error(token: Token = this.peek()): ParseError {
    return syntaxErrorAt(this.source, this.label, token);
  }

  /** An error with its own headline, underlining from the start of `from` to the end of `to` (same line). */
  errorSpanning(from: Token, to: Token, headline: string): ParseError {
    const length = to.line === from.line ? to.offset + to.text.length - from.offset : from.text.length;
    return parseErrorAt(this.source, this.label, { line: from.line, column: from.column, length }, headline);
  }
}
