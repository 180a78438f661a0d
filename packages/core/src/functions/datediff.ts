import type { NumVector } from '../data/vector.ts';
import { INT } from '../types/data-type.ts';
import { bothValid } from './date-add.ts';
import { expectDateArg } from './datetime-args.ts';
import { checkArity } from './function-helpers.ts';
import type { ScalarFunction } from './scalar-function.ts';

/** `datediff(end, start)`: whole days from start to end (timestamps count by their date in the session zone). */
export const datediff: ScalarFunction = {
  name: 'datediff',
  resolve(args, sql) {
    checkArity('datediff', args, 2, 2, sql);
    return { dataType: INT, argTypes: [expectDateArg('datediff', args, 0, sql), expectDateArg('datediff', args, 1, sql)] };
  },
  evaluate([end, start], n) {
    const a = end as NumVector;
    const b = start as NumVector;
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = a.values[i]! - b.values[i]!;
    return { kind: 'num', type: INT, values: out, valid: bothValid(a, b, n) };
  },
};
