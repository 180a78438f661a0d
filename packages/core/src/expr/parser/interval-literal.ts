import type { Expr } from '../expression.ts';
import { parseInterval } from '../../types/interval.ts';
import type { Token } from './token.ts';
import type { TokenCursor } from './token-cursor.ts';

const UNITS: ReadonlySet<string> = new Set([
  'year', 'month', 'week', 'day', 'hour', 'minute', 'second', 'millisecond', 'microsecond',
].flatMap((u) => [u, `${u}s`]));

function isUnit(t: Token): boolean {
  return t.kind === 'word' && UNITS.has(t.value.toLowerCase());
}

function isValue(t: Token): boolean {
  return t.kind === 'number' || t.kind === 'string';
}

/** Whether the word `interval` at the cursor starts a literal rather than naming a column. */
export function startsIntervalLiteral(cur: TokenCursor): boolean {
  if (isValue(cur.peek(1))) return true;
  return (cur.atSymbol('-', 1) || cur.atSymbol('+', 1)) && isValue(cur.peek(2));
}

/**
 * Reads `INTERVAL '1 day 2 hours'`, `INTERVAL '10' MINUTE`, `INTERVAL 10 MINUTES` or `INTERVAL 1 DAY 2 HOURS`
 * (values may be signed) into an interval literal `{ months, micros }`.
 */
export function readIntervalLiteral(cur: TokenCursor): Expr {
  const keyword = cur.next();
  let last = keyword;
  const parts: string[] = [];
  for (;;) {
    const sign = cur.atSymbol('-') ? '-' : cur.atSymbol('+') ? '+' : '';
    if (sign) cur.next();
    const value = cur.peek();
    if (!isValue(value)) throw cur.error();
    last = cur.next();
    if (!isUnit(cur.peek())) {
      // Only a lone unsigned string may carry its own units: `INTERVAL '1 day 2 hours'`.
      if (parts.length > 0 || value.kind !== 'string' || sign) throw cur.error();
      parts.push(value.value);
      break;
    }
    last = cur.next();
    parts.push(`${sign === '-' ? '-' : ''}${value.value} ${last.value}`);
    const more = isValue(cur.peek()) ||
      ((cur.atSymbol('-') || cur.atSymbol('+')) && isValue(cur.peek(1)) && isUnit(cur.peek(2)));
    if (!more) break;
  }
  const text = parts.join(' ');
  const iv = parseInterval(text);
  if (!iv || !Number.isInteger(iv.months)) throw cur.errorSpanning(keyword, last, `Invalid INTERVAL literal '${text}'`);
  // `+ 0` turns a -0 from a negated zero into 0.
  return { kind: 'literal', value: { months: iv.months + 0, micros: iv.micros + 0 }, dataType: { kind: 'interval' } };
}
