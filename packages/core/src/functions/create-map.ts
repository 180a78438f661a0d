import { AnalysisError } from '../analyzer/analysis-error.ts';
import { valueAt } from '../data/vector.ts';
import { NULL_TYPE, STRING, mapOf } from '../types/data-type.ts';
import { commonArgType } from './function-helpers.ts';
import type { ScalarFunction } from './scalar-function.ts';

/**
 * `map(k1, v1, k2, v2, ...)` (PySpark `create_map`): a map per row. Keys must not be null; a key given
 * twice is an error (Spark's default `spark.sql.mapKeyDedupPolicy=EXCEPTION`).
 */
function mapFunction(name: string): ScalarFunction {
  return {
    name,
    resolve(args, sql) {
      if (args.length % 2 !== 0) {
        throw new AnalysisError(`Cannot resolve '${sql}' due to data type mismatch: ${name} expects a positive even number of arguments, but got ${args.length}`);
      }
      const keys = args.filter((_, i) => i % 2 === 0);
      const values = args.filter((_, i) => i % 2 === 1);
      const keyType = keys.length === 0 ? STRING : commonArgType(name, keys, sql);
      const valueType = values.length === 0 ? NULL_TYPE : commonArgType(name, values, sql);
      if (keyType.kind === 'map') throw new AnalysisError(`Cannot resolve '${sql}' due to data type mismatch: the key of a map cannot be a map`);
      return {
        dataType: mapOf(keyType, valueType, values.some((v) => v.nullable)),
        nullable: false,
        argTypes: args.map((_, i) => (i % 2 === 0 ? keyType : valueType)),
      };
    },
    evaluate(args, n, _ctx, type) {
      const out = new Array<unknown>(n);
      for (let i = 0; i < n; i++) {
        const m = new Map<unknown, unknown>();
        for (let j = 0; j < args.length; j += 2) {
          const k = valueAt(args[j]!, i);
          if (k === null) throw new Error('[NULL_MAP_KEY] Cannot use null as map key.');
          if (m.has(k)) throw new Error(`[DUPLICATED_MAP_KEY] Duplicate map key ${String(k)} was found, please check the input data.`);
          m.set(k, valueAt(args[j + 1]!, i));
        }
        out[i] = m;
      }
      return { kind: 'obj', type, values: out };
    },
  };
}

export const map = mapFunction('map');
