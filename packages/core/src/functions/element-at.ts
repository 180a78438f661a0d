import { valueAt, vectorFromValues } from '../data/vector.ts';
import { INT } from '../types/data-type.ts';
import { argTypeError, checkArity, expectArg, widerType } from './function-helpers.ts';
import type { ScalarFunction } from './scalar-function.ts';

/**
 * `element_at(array, index)`: 1-based, negative indexes count from the end, out of range is null, 0 is an
 * error. `element_at(map, key)`: the value for key, or null.
 */
export const element_at: ScalarFunction = {
  name: 'element_at',
  resolve(args, sql) {
    checkArity('element_at', args, 2, 2, sql);
    const t = args[0]!.dataType;
    if (t.kind === 'array') return { dataType: t.elementType, argTypes: [t, expectArg('element_at', args, 1, INT, sql)] };
    if (t.kind === 'map') {
      const k = args[1]!.dataType;
      const common = widerType(t.keyType, k);
      if (!common || (common.kind === 'string' && t.keyType.kind !== 'string')) throw argTypeError('element_at', 1, `${t.keyType.kind === 'long' ? 'bigint' : t.keyType.kind}`, k, sql);
      return { dataType: t.valueType, argTypes: [t, t.keyType] };
    }
    throw argTypeError('element_at', 0, '(array or map)', t, sql);
  },
  evaluate([container, key], n, _ctx, type) {
    const src = container!.values as readonly unknown[];
    const isMap = container!.type.kind === 'map';
    const out = new Array<unknown>(n);
    for (let i = 0; i < n; i++) {
      const c = src[i];
      const k = valueAt(key!, i);
      if (c === null || c === undefined || k === null) { out[i] = null; continue; }
      if (isMap) { out[i] = (c as Map<unknown, unknown>).get(k) ?? null; continue; }
      const arr = c as readonly unknown[];
      const idx = k as number;
      if (idx === 0) throw new Error('[INVALID_INDEX_OF_ZERO] The index 0 is invalid. An index shall be either < 0 or > 0 (the first element has index 1).');
      const at = idx > 0 ? idx - 1 : arr.length + idx;
      out[i] = at >= 0 && at < arr.length ? (arr[at] ?? null) : null;
    }
    return vectorFromValues(type, out);
  },
};
