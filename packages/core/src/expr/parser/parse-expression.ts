import type { Expr } from '../expression.ts';
import { ExpressionParser } from './expression-parser.ts';
import { TokenCursor } from './token-cursor.ts';

/**
 * Parses one Spark SQL expression (`a + 1`, `CASE WHEN x > 0 THEN 'pos' END`, `count(DISTINCT id)`).
 * Throws ParseError on a syntax error, with Spark-style position and caret context.
 */
export function parseExpression(text: string): Expr {
  const cur = TokenCursor.of(text, 'Expression');
  const e = new ExpressionParser(cur).parseExpression();
  cur.expectEnd();
  return e;
}

/**
 * Parses a projection item as `selectExpr` takes it: an expression with an optional alias, written
 * `expr AS name` or `expr name` (`a + 1 total`, `explode(items) AS item`). An alias gives `{ kind: 'alias' }`.
 */
export function parseNamedExpression(text: string): Expr {
  const cur = TokenCursor.of(text, 'Expression');
  const parser = new ExpressionParser(cur);
  const child = parser.parseExpression();
  let alias: string | null = null;
  if (cur.acceptWord('as')) {
    // After AS any word is a name, reserved or not.
    const t = cur.peek();
    if (t.kind !== 'word' && t.kind !== 'quoted') throw cur.error();
    alias = cur.next().value;
  } else if (parser.atBareAlias()) {
    alias = cur.next().value;
  }
  cur.expectEnd();
  return alias === null ? child : { kind: 'alias', child, name: alias };
}
