import { nullVector, type NumVector } from '../data/vector.ts';
import { checkArity, expectArg, expectNumericArg, literalArg, nullAt } from './function-helpers.ts';
import { INT } from '../types/data-type.ts';
import type { ScalarFunction } from './scalar-function.ts';

type Mode = 'halfUp' | 'halfEven';

/**
 * `round(x[, scale = 0])`: HALF_UP rounding to `scale` decimal places (negative scales round to tens,
 * hundreds, ...); `bround` rounds HALF_EVEN (banker's rounding: `bround(2.5)` is 2, `bround(3.5)` is 4). The
 * result keeps the argument's type. As Spark, a double is rounded as the decimal it prints as
 * (`round(2.675, 2)` is 2.68, `bround(0.125, 2)` is 0.12), not as its binary value; integers wrap as
 * Spark's `intValue` does when rounding leaves the int range.
 */
function roundFunction(name: string, mode: Mode): ScalarFunction {
  return {
    name,
    resolve(args, sql) {
      checkArity(name, args, 1, 2, sql);
      const t = expectNumericArg(name, args, 0, sql);
      if (args.length === 2) {
        // A constant, cast to int as Spark casts it (`round(x, 1.5)` is `round(x, 1)`).
        expectArg(name, args, 1, INT, sql);
        literalArg(name, args, 1, sql);
      }
      return { dataType: t, argTypes: args.length === 2 ? [t, INT] : [t] };
    },
    evaluate(args, n) {
      const a = args[0] as NumVector;
      const scaleArg = args[1] as NumVector | undefined;
      // `round(x, NULL)` is null.
      if (scaleArg !== undefined && n > 0 && nullAt(scaleArg, 0)) return nullVector(a.type, n);
      const scale = scaleArg ? scaleArg.values[0] ?? 0 : 0;
      const out = new Float64Array(n);
      const src = a.values;
      if (a.type.kind === 'double') {
        const fn = mode === 'halfUp' ? roundHalfUp : roundHalfEven;
        for (let i = 0; i < n; i++) out[i] = fn(src[i]!, scale);
      } else if (scale >= 0) {
        out.set(src);
      } else {
        const f = 10 ** -scale;
        const wrap = a.type.kind === 'int';
        for (let i = 0; i < n; i++) {
          const r = roundIntegral(src[i]!, f, mode);
          out[i] = wrap ? r | 0 : r;
        }
      }
      return { kind: 'num', type: a.type, values: out, valid: a.valid };
    },
  };
}

export const round = roundFunction('round', 'halfUp');
export const bround = roundFunction('bround', 'halfEven');

/** An integer rounded to a multiple of f (a power of ten), exactly. */
function roundIntegral(x: number, f: number, mode: Mode): number {
  const ax = Math.abs(x);
  const rem = ax % f;
  let q = (ax - rem) / f;
  const twice = 2 * rem;
  if (twice > f || (twice === f && (mode === 'halfUp' || q % 2 === 1))) q += 1;
  const r = q * f;
  return x < 0 && r !== 0 ? -r : r;
}

const POW10 = Array.from({ length: 23 }, (_, i) => Number(`1e${i}`));

/** HALF_UP rounding of the shortest decimal representation of x. */
export function roundHalfUp(x: number, scale: number): number {
  // Spark rounds through a BigDecimal, which has no -0.
  if (x === 0) return 0;
  if (!Number.isFinite(x)) return x;
  const abs = Math.abs(x);
  if (scale >= 0 && scale <= 22) {
    // Fast path: unless x * 10^scale is within rounding error of a tie, the scaled binary value rounds
    // the same way as the decimal x prints as; k / 10^scale is then the correctly rounded result.
    const f = POW10[scale]!;
    const y = abs * f;
    if (y < 2 ** 52) {
      const k = Math.floor(y);
      const frac = y - k;
      if (Math.abs(frac - 0.5) > y * 1e-15) {
        const r = (frac > 0.5 ? k + 1 : k) / f;
        return x < 0 && r !== 0 ? -r : r;
      }
    }
  }
  const [mantissa, expText] = abs.toExponential().split('e') as [string, string];
  const digits = mantissa.replace('.', '');
  const e = Number(expText);
  // value = 0.d1d2d3... * 10^(e+1); keep e + 1 + scale digits.
  const keep = e + 1 + scale;
  if (keep >= digits.length) return x;
  if (keep < 0) return 0;
  let kept = digits.slice(0, keep);
  if (digits.charCodeAt(keep) >= 53 /* '5' */) kept = increment(kept);
  const r = Number(`${kept === '' ? '0' : kept}e${-scale}`);
  return x < 0 && r !== 0 ? -r : r;
}

/** HALF_EVEN rounding of the shortest decimal representation of x (Spark's `BigDecimal(x).setScale(scale, HALF_EVEN)`). */
export function roundHalfEven(x: number, scale: number): number {
  if (x === 0) return 0;
  if (!Number.isFinite(x)) return x;
  const [mantissa, expText] = Math.abs(x).toExponential().split('e') as [string, string];
  const digits = mantissa.replace('.', '');
  const keep = Number(expText) + 1 + scale;
  if (keep >= digits.length) return x;
  if (keep < 0) return 0;
  let kept = digits.slice(0, keep);
  const next = digits.charCodeAt(keep) - 48;
  // The shortest representation has no trailing zeros, so digits after `next` mean "above the half".
  const odd = keep > 0 && (digits.charCodeAt(keep - 1) - 48) % 2 === 1;
  if (next > 5 || (next === 5 && (keep + 1 < digits.length || odd))) kept = increment(kept);
  const r = Number(`${kept === '' ? '0' : kept}e${-scale}`);
  if (r === 0) return 0;
  return x < 0 ? -r : r;
}

function increment(d: string): string {
  let i = d.length - 1;
  while (i >= 0 && d[i] === '9') i--;
  if (i < 0) return `1${'0'.repeat(d.length)}`;
  return d.slice(0, i) + String.fromCharCode(d.charCodeAt(i) + 1) + '0'.repeat(d.length - i - 1);
}
