import type { Expr } from '../expression.ts';
import { DOUBLE, INT, LONG, type DataType } from '../../types/data-type.ts';
import type { Token } from './token.ts';
import type { TokenCursor } from './token-cursor.ts';

interface IntegralRange {
  readonly min: bigint;
  readonly max: bigint;
  readonly dataType: DataType;
  readonly sparkName: string;
}

const INT_RANGE: IntegralRange = { min: -(2n ** 31n), max: 2n ** 31n - 1n, dataType: INT, sparkName: 'int' };
const LONG_RANGE: IntegralRange = { min: -(2n ** 63n), max: 2n ** 63n - 1n, dataType: LONG, sparkName: 'bigint' };
// There are no smallint/tinyint types here, but Spark's range checks for their suffixes still apply.
const SUFFIX_RANGES: Readonly<Record<string, IntegralRange>> = {
  l: LONG_RANGE,
  s: { min: -32768n, max: 32767n, dataType: INT, sparkName: 'smallint' },
  y: { min: -128n, max: 127n, dataType: INT, sparkName: 'tinyint' },
};

/**
 * Reads the number token at the cursor (its `-` sign, if any, already consumed as `minus`) and types it as
 * Spark does: an integer is int if it fits, else bigint, else double (Spark: decimal); `L`/`S`/`Y` suffixes
 * fix the integral type; a fraction, an exponent or a `D`/`F`/`BD` suffix gives double. Values are JS numbers,
 * so bigints beyond 2^53 lose precision.
 */
export function readNumberLiteral(cur: TokenCursor, minus: Token | null): Expr {
  const token = cur.next();
  const text = token.value.toLowerCase();
  const sign = minus ? '-' : '';
  const integral = /^(\d+)([lsy]?)$/.exec(text);
  if (integral) {
    const digits = integral[1]!;
    const n = BigInt(sign + digits);
    const suffixRange = SUFFIX_RANGES[integral[2]!];
    if (suffixRange) {
      if (n < suffixRange.min || n > suffixRange.max) {
        const { min, max, sparkName } = suffixRange;
        throw cur.errorSpanning(minus ?? token, token,
          `Numeric literal ${sign}${digits} does not fit in range [${min}, ${max}] for type ${sparkName}`);
      }
      return literal(Number(n), suffixRange.dataType);
    }
    if (n >= INT_RANGE.min && n <= INT_RANGE.max) return literal(Number(n), INT);
    if (n >= LONG_RANGE.min && n <= LONG_RANGE.max) return literal(Number(n), LONG);
    return literal(Number(n), DOUBLE);
  }
  const value = Number(sign + text.replace(/(bd|d|f)$/, ''));
  return literal(value, DOUBLE);
}

function literal(value: number, dataType: DataType): Expr {
  // `-0` would not equal 0 in tree comparisons and means nothing for integers.
  return { kind: 'literal', value: value === 0 ? 0 : value, dataType };
}
