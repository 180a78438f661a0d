import type { NumVector } from '../data/vector.ts';
import { LONG } from '../types/data-type.ts';
import { checkArity, expectNumericArg } from './function-helpers.ts';
import type { ScalarFunction } from './scalar-function.ts';

const LONG_MAX = 9223372036854775807;

/**
 * `floor(x)` / `ceil(x)` (alias `ceiling`): a bigint, as Spark for int, bigint and double input. A double
 * beyond the bigint range saturates as Java's `(long)` conversion; NaN becomes 0.
 */
function roundingFunction(name: string, fn: (x: number) => number): ScalarFunction {
  return {
    name,
    resolve(args, sql) {
      checkArity(name, args, 1, 1, sql);
      const t = expectNumericArg(name, args, 0, sql);
      return { dataType: LONG, argTypes: [t.kind === 'int' ? LONG : t] };
    },
    evaluate([v], n) {
      const a = v as NumVector;
      const out = new Float64Array(n);
      const src = a.values;
      for (let i = 0; i < n; i++) {
        const r = fn(src[i]!);
        out[i] = r !== r ? 0 : r >= LONG_MAX ? LONG_MAX : r <= -LONG_MAX ? -LONG_MAX - 1 : r;
      }
      return { kind: 'num', type: LONG, values: out, valid: a.valid };
    },
  };
}

export const floor = roundingFunction('floor', Math.floor);
export const ceil = roundingFunction('ceil', Math.ceil);
export const ceiling = roundingFunction('ceiling', Math.ceil);
