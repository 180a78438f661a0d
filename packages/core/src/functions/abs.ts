import type { NumVector } from '../data/vector.ts';
import { checkArity, expectNumericArg } from './function-helpers.ts';
import type { ScalarFunction } from './scalar-function.ts';

/** `abs(x)`: of the argument's own numeric type (strings are read as doubles). */
export const abs: ScalarFunction = {
  name: 'abs',
  resolve(args, sql) {
    checkArity('abs', args, 1, 1, sql);
    const t = expectNumericArg('abs', args, 0, sql);
    return { dataType: t, argTypes: [t] };
  },
  evaluate([v], n) {
    const a = v as NumVector;
    const out = new Float64Array(n);
    const src = a.values;
    // Java's Math.abs leaves Integer.MIN_VALUE as it is (it overflows).
    if (a.type.kind === 'int') for (let i = 0; i < n; i++) out[i] = Math.abs(src[i]!) | 0;
    else for (let i = 0; i < n; i++) out[i] = Math.abs(src[i]!);
    return { kind: 'num', type: a.type, values: out, valid: a.valid };
  },
};
