import { TokenCursor } from '../expr/parser/token-cursor.ts';
import type { SqlQuery } from './sql-ast.ts';
import { StatementParser } from './statement-parser.ts';

/**
 * Parses one SQL query (`SELECT ... FROM ...`, with CTEs, joins, subqueries, UNION, LATERAL VIEW).
 * Throws a ParseError with the position and the statement under a `== SQL ==` label on a syntax error.
 */
export function parseSql(text: string): SqlQuery {
  return new StatementParser(TokenCursor.of(text, 'SQL')).parseStatement();
}
