import { layoutOf, type ObjVector, type Vector } from '../data/vector.ts';
import type { DataType } from '../types/data-type.ts';

/**
 * Field `ordinal` of every struct in `v` (null where the struct is null), written straight into the
 * field type's layout: no intermediate array of boxed values.
 */
export function structFieldKernel(v: ObjVector, ordinal: number, type: DataType): Vector {
  const src = v.values;
  const n = src.length;
  const layout = layoutOf(type);
  if (layout === 'obj') {
    const out = new Array<unknown>(n);
    for (let i = 0; i < n; i++) {
      const s = src[i] as readonly unknown[] | null | undefined;
      out[i] = s === null || s === undefined ? null : (s[ordinal] ?? null);
    }
    return { kind: 'obj', type, values: out };
  }
  const values = layout === 'num' ? new Float64Array(n) : new Uint8Array(n);
  let valid: Uint8Array | null = null;
  for (let i = 0; i < n; i++) {
    const s = src[i] as readonly unknown[] | null | undefined;
    const x = s === null || s === undefined ? null : s[ordinal];
    if (x === null || x === undefined) (valid ??= new Uint8Array(n).fill(1))[i] = 0;
    else values[i] = layout === 'num' ? (x as number) : x ? 1 : 0;
  }
  return layout === 'num' ? { kind: 'num', type, values: values as Float64Array, valid } : { kind: 'bool', type, values: values as Uint8Array, valid };
}
