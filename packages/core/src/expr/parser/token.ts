/**
 * One lexical token of a SQL expression or DDL string.
 * `word`: unquoted identifier or keyword; `quoted`: backquoted identifier; `symbol`: operator or punctuation.
 */
export type TokenKind = 'word' | 'quoted' | 'number' | 'string' | 'symbol' | 'eof';

export interface Token {
  readonly kind: TokenKind;
  /** The raw source slice, quotes included; shown in error messages and sized by the caret line. */
  readonly text: string;
  /** Decoded content: identifier name, unescaped string, number text, symbol. */
  readonly value: string;
  readonly offset: number;
  /** 1-based. */
  readonly line: number;
  /** 1-based, counted in UTF-16 code units from the start of the line. */
  readonly column: number;
}
