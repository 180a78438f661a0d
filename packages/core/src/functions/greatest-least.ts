import { AnalysisError } from '../analyzer/analysis-error.ts';
import { valueAt, vectorFromValues } from '../data/vector.ts';
import { compareValues } from '../expr/compare-values.ts';
import { checkArity, commonArgType, NumBuilder } from './function-helpers.ts';
import type { ScalarFunction } from './scalar-function.ts';

/**
 * `greatest(a, b, ...)` / `least`: the largest / smallest non-null argument (NaN is the largest number);
 * null only when every argument is null.
 */
function extremum(name: string, sign: 1 | -1): ScalarFunction {
  return {
    name,
    resolve(args, sql) {
      checkArity(name, args, 2, Infinity, sql);
      const type = commonArgType(name, args, sql);
      if (type.kind === 'map') throw new AnalysisError(`Cannot resolve '${sql}' due to data type mismatch: function ${name} does not support ordering on type map`);
      return { dataType: type, nullable: args.every((a) => a.nullable), argTypes: args.map(() => type) };
    },
    evaluate(args, n, _ctx, type) {
      if (args.every((a) => a.kind === 'num')) {
        const out = new NumBuilder(n);
        for (let i = 0; i < n; i++) {
          let best = 0;
          let found = false;
          for (const a of args) {
            if (a.kind !== 'num' || (a.valid !== null && a.valid[i] === 0)) continue;
            const x = a.values[i]!;
            if (!found || (sign > 0 ? x > best || (x !== x && best === best) : x < best || (best !== best && x === x))) best = x;
            found = true;
          }
          if (found) out.values[i] = best;
          else out.setNull(i);
        }
        return out.build(type);
      }
      const out = new Array<unknown>(n);
      for (let i = 0; i < n; i++) {
        let best: unknown = null;
        for (const a of args) {
          const x = valueAt(a, i);
          if (x !== null && (best === null || sign * compareValues(type, x, best) > 0)) best = x;
        }
        out[i] = best;
      }
      return vectorFromValues(type, out);
    },
  };
}

export const greatest = extremum('greatest', 1);
export const least = extremum('least', -1);
