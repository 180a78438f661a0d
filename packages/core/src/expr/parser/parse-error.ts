import type { Token } from './token.ts';

/** Names the context block of an error message: `== Expression ==`, `== DDL ==` or `== SQL ==`. */
export type SourceLabel = 'Expression' | 'DDL' | 'SQL';

/** Where an error points: 1-based line and column, and how many characters to underline. */
export interface ErrorSpan {
  readonly line: number;
  readonly column: number;
  readonly length: number;
}

/**
 * A SQL expression, DDL string or SQL query that cannot be parsed. The message follows Spark's ParseException:
 * a headline with the 1-based position, then the input with a caret line under the offending token.
 *
 * @example
 * ```ts
 * import { ParseError, expr } from 'caudal';
 * try {
 *   expr('amount >');
 * } catch (e) {
 *   if (e instanceof ParseError) console.error(`line ${e.line}, column ${e.column}:\n${e.message}`);
 * }
 * // PySpark: except ParseException as e: print(e)
 * ```
 */
export class ParseError extends Error {
  /** Always `ParseError`. */
  override readonly name = 'ParseError';
  /** 1-based line of the error in the parsed text. */
  readonly line: number;
  /** 1-based column of the error in the parsed text. */
  readonly column: number;

  constructor(message: string, line: number, column: number) {
    super(message);
    this.line = line;
    this.column = column;
  }
}

export function parseErrorAt(source: string, label: SourceLabel, span: ErrorSpan, headline: string): ParseError {
  const lines = source.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
  const lineText = lines[span.line - 1] ?? '';
  // A token running past the end of its line (a multi-line string) is underlined to the line end only.
  const room = lineText.length - (span.column - 1);
  const marker = '-'.repeat(span.column - 1) + '^'.repeat(Math.max(1, Math.min(span.length, room)));
  // As in Spark, the caret line goes right under the offending line, followed by the rest of the input.
  const context = [...lines.slice(0, span.line), marker, ...lines.slice(span.line)].join('\n');
  return new ParseError(`${headline} (line ${span.line}, column ${span.column})\n\n== ${label} ==\n${context}`, span.line, span.column);
}

export function syntaxErrorAt(source: string, label: SourceLabel, token: Token): ParseError {
  const firstLine = token.text.split(/\r?\n/)[0] ?? '';
  const near = token.kind === 'eof' ? 'end of input' : `'${firstLine}'`;
  return parseErrorAt(source, label, { line: token.line, column: token.column, length: token.text.length }, `Syntax error at or near ${near}`);
}
