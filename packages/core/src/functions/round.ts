import { AnalysisError } from '../analyzer/analysis-error.ts';
import type { NumVector } from '../data/vector.ts';
import { checkArity, expectArg, expectNumericArg, literalArg } from './function-helpers.ts';
import { INT } from '../types/data-type.ts';
import type { ScalarFunction } from './scalar-function.ts';

/**
 * `round(x[, scale = 0])`: HALF_UP rounding to `scale` decimal places (negative scales round to tens,
 * hundreds, ...). The result keeps the argument's type. As Spark, a double is rounded as the decimal it
 * prints as (`round(2.675, 2)` is 2.68), not as its binary value.
 */
export const round: ScalarFunction = {
  name: 'round',
  resolve(args, sql) {
    checkArity('round', args, 1, 2, sql);
    const t = expectNumericArg('round', args, 0, sql);
    if (args.length === 2) {
      expectArg('round', args, 1, INT, sql);
      const scale = literalArg('round', args, 1, sql);
      if (typeof scale !== 'number' || !Number.isInteger(scale)) throw new AnalysisError(`Cannot resolve '${sql}': the scale of round must be an integer literal`);
    }
    return { dataType: t, argTypes: args.length === 2 ? [t, INT] : [t] };
  },
  evaluate(args, n) {
    const a = args[0] as NumVector;
    const scale = args[1] ? (args[1] as NumVector).values[0] ?? 0 : 0;
    const out = new Float64Array(n);
    const src = a.values;
    if (a.type.kind === 'double') {
      for (let i = 0; i < n; i++) out[i] = roundHalfUp(src[i]!, scale);
    } else if (scale >= 0) {
      out.set(src);
    } else {
      const f = 10 ** -scale;
      for (let i = 0; i < n; i++) {
        const x = src[i]!;
        const r = Math.sign(x) * Math.floor(Math.abs(x) / f + 0.5) * f;
        out[i] = a.type.kind === 'int' ? r | 0 : r;
      }
    }
    return { kind: 'num', type: a.type, values: out, valid: a.valid };
  },
};

const POW10 = Array.from({ length: 23 }, (_, i) => Number(`1e${i}`));

/** HALF_UP rounding of the shortest decimal representation of x. */
export function roundHalfUp(x: number, scale: number): number {
  if (!Number.isFinite(x) || x === 0) return x;
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

function increment(d: string): string {
  let i = d.length - 1;
  while (i >= 0 && d[i] === '9') i--;
  if (i < 0) return `1${'0'.repeat(d.length)}`;
  return d.slice(0, i) + String.fromCharCode(d.charCodeAt(i) + 1) + '0'.repeat(d.length - i - 1);
}
