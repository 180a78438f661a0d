import type { NumVector } from '../data/vector.ts';
import type { DataType } from '../types/data-type.ts';
import { DOUBLE } from '../types/data-type.ts';
import { checkArity, expectArg, NumBuilder } from './function-helpers.ts';
import type { ScalarFunction } from './scalar-function.ts';

/**
 * A double → double function such as `sqrt` or `exp`; `nullBelow` makes inputs <= that value null
 * (Spark's logarithms return null for non-positive input rather than NaN or -Infinity).
 */
export function unaryDoubleFunction(name: string, fn: (x: number) => number, nullAtOrBelow?: number): ScalarFunction {
  return {
    name,
    resolve(args, sql) {
      checkArity(name, args, 1, 1, sql);
      return { dataType: DOUBLE, argTypes: [expectArg(name, args, 0, DOUBLE, sql)] };
    },
    evaluate([v], n) {
      return mapDoubles(v as NumVector, n, DOUBLE, fn, nullAtOrBelow);
    },
  };
}

export function mapDoubles(a: NumVector, n: number, type: DataType, fn: (x: number) => number, nullAtOrBelow?: number): NumVector {
  const src = a.values;
  if (nullAtOrBelow === undefined) {
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = fn(src[i]!);
    return { kind: 'num', type, values: out, valid: a.valid };
  }
  const out = new NumBuilder(n);
  const values = out.values;
  for (let i = 0; i < n; i++) {
    const x = src[i]!;
    if ((a.valid !== null && a.valid[i] === 0) || x <= nullAtOrBelow) out.setNull(i);
    else values[i] = fn(x);
  }
  return out.build(type);
}
