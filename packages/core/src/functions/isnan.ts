import type { NumVector } from '../data/vector.ts';
import { BOOLEAN, DOUBLE } from '../types/data-type.ts';
import { checkArity, expectArg } from './function-helpers.ts';
import type { ScalarFunction } from './scalar-function.ts';

/** `isnan(x)`: true for NaN; false for null and every other number. */
export const isnan: ScalarFunction = {
  name: 'isnan',
  resolve(args, sql) {
    checkArity('isnan', args, 1, 1, sql);
    return { dataType: BOOLEAN, nullable: false, argTypes: [expectArg('isnan', args, 0, DOUBLE, sql)] };
  },
  evaluate([v], n) {
    const a = v as NumVector;
    const out = new Uint8Array(n);
    const src = a.values;
    for (let i = 0; i < n; i++) out[i] = src[i] !== src[i] && (a.valid === null || a.valid[i] === 1) ? 1 : 0;
    return { kind: 'bool', type: BOOLEAN, values: out, valid: null };
  },
};
