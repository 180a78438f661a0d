import { INT } from '../types/data-type.ts';
import { argTypeError, checkArity } from './function-helpers.ts';
import type { ScalarFunction } from './scalar-function.ts';

/** `size(array | map)`: number of elements; -1 for null (Spark's default `spark.sql.legacy.sizeOfNull`). Alias: cardinality. */
function sizeFunction(name: string): ScalarFunction {
  return {
    name,
    resolve(args, sql) {
      checkArity(name, args, 1, 1, sql);
      const t = args[0]!.dataType;
      if (t.kind !== 'array' && t.kind !== 'map' && t.kind !== 'null') throw argTypeError(name, 0, '(array or map)', t, sql);
      return { dataType: INT, nullable: false };
    },
    evaluate([v], n) {
      const src = v!.values as readonly unknown[];
      const out = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        const x = src[i];
        out[i] = x === null || x === undefined ? -1 : Array.isArray(x) ? x.length : (x as Map<unknown, unknown>).size;
      }
      return { kind: 'num', type: INT, values: out, valid: null };
    },
  };
}

export const size = sizeFunction('size');
export const cardinality = sizeFunction('cardinality');
