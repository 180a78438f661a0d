import { valueAt } from '../data/vector.ts';
import { NULL_TYPE, arrayOf } from '../types/data-type.ts';
import { commonArgType } from './function-helpers.ts';
import type { ScalarFunction } from './scalar-function.ts';

/** `array(a, b, ...)`: one array per row; the elements are cast to their common type. */
export const array: ScalarFunction = {
  name: 'array',
  resolve(args, sql) {
    const element = args.length === 0 ? NULL_TYPE : commonArgType('array', args, sql);
    return {
      dataType: arrayOf(element, args.length === 0 || args.some((a) => a.nullable)),
      nullable: false,
      argTypes: args.map(() => element),
    };
  },
  evaluate(args, n, _ctx, type) {
    const out = new Array<unknown>(n);
    const k = args.length;
    if (k > 0 && args.every((a) => a.kind === 'obj')) {
      const cols = args.map((a) => a.values as readonly unknown[]);
      for (let i = 0; i < n; i++) {
        const row = new Array<unknown>(k);
        for (let j = 0; j < k; j++) row[j] = cols[j]![i] ?? null;
        out[i] = row;
      }
    } else {
      for (let i = 0; i < n; i++) {
        const row = new Array<unknown>(k);
        for (let j = 0; j < k; j++) row[j] = valueAt(args[j]!, i);
        out[i] = row;
      }
    }
    return { kind: 'obj', type, values: out };
  },
};
