import type { NumVector } from '../data/vector.ts';
import { DOUBLE } from '../types/data-type.ts';
import { checkArity, expectArg } from './function-helpers.ts';
import type { ScalarFunction } from './scalar-function.ts';

/** `pow(x, y)` / `power(x, y)`: x to the power y, as a double (Java's Math.pow). */
function powFunction(name: string): ScalarFunction {
  return {
    name,
    resolve(args, sql) {
      checkArity(name, args, 2, 2, sql);
      return { dataType: DOUBLE, argTypes: [expectArg(name, args, 0, DOUBLE, sql), expectArg(name, args, 1, DOUBLE, sql)] };
    },
    evaluate([a, b], n) {
      const x = a as NumVector;
      const y = b as NumVector;
      const out = new Float64Array(n);
      for (let i = 0; i < n; i++) out[i] = Math.pow(x.values[i]!, y.values[i]!);
      let valid = x.valid;
      if (y.valid !== null) {
        valid = new Uint8Array(n);
        for (let i = 0; i < n; i++) valid[i] = (x.valid === null || x.valid[i] === 1) && y.valid[i] === 1 ? 1 : 0;
      }
      return { kind: 'num', type: DOUBLE, values: out, valid };
    },
  };
}

export const pow = powFunction('pow');
export const power = powFunction('power');
