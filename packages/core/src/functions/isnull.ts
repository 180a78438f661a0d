import { BOOLEAN } from '../types/data-type.ts';
import { checkArity } from './function-helpers.ts';
import type { ScalarFunction } from './scalar-function.ts';

/** `isnull(x)`: true for null, never null itself. */
export const isnull: ScalarFunction = {
  name: 'isnull',
  resolve(args, sql) {
    checkArity('isnull', args, 1, 1, sql);
    return { dataType: BOOLEAN, nullable: false };
  },
  evaluate([v], n) {
    const out = new Uint8Array(n);
    const a = v!;
    if (a.kind === 'obj') {
      const src = a.values;
      for (let i = 0; i < n; i++) out[i] = src[i] === null || src[i] === undefined ? 1 : 0;
    } else if (a.valid !== null) {
      const valid = a.valid;
      for (let i = 0; i < n; i++) out[i] = valid[i] === 0 ? 1 : 0;
    }
    return { kind: 'bool', type: BOOLEAN, values: out, valid: null };
  },
};
