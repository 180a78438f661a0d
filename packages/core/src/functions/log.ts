import type { NumVector } from '../data/vector.ts';
import { DOUBLE } from '../types/data-type.ts';
import { checkArity, expectArg, NumBuilder } from './function-helpers.ts';
import { mapDoubles, unaryDoubleFunction } from './math-kernels.ts';
import type { ScalarFunction } from './scalar-function.ts';

/**
 * `log(x)` is the natural logarithm, `log(base, x)` the logarithm in a base; null (not NaN or -Infinity)
 * when x or the base is <= 0, as Spark. `ln`, `log10` and `log2` are the fixed-base forms.
 */
export const log: ScalarFunction = {
  name: 'log',
  resolve(args, sql) {
    checkArity('log', args, 1, 2, sql);
    return { dataType: DOUBLE, argTypes: args.map((_, i) => expectArg('log', args, i, DOUBLE, sql)) };
  },
  evaluate(args, n) {
    if (args.length === 1) return mapDoubles(args[0] as NumVector, n, DOUBLE, Math.log, 0);
    const base = args[0] as NumVector;
    const x = args[1] as NumVector;
    const out = new NumBuilder(n);
    for (let i = 0; i < n; i++) {
      const b = base.values[i]!;
      const v = x.values[i]!;
      if ((base.valid !== null && base.valid[i] === 0) || (x.valid !== null && x.valid[i] === 0) || b <= 0 || v <= 0) out.setNull(i);
      else out.values[i] = Math.log(v) / Math.log(b);
    }
    return out.build(DOUBLE);
  },
};

export const ln = unaryDoubleFunction('ln', Math.log, 0);
export const log10 = unaryDoubleFunction('log10', Math.log10, 0);
export const log2 = unaryDoubleFunction('log2', Math.log2, 0);
