import type { NumVector } from '../data/vector.ts';
import { BINARY, INT, STRING } from '../types/data-type.ts';
import { checkArity, expectArg } from './function-helpers.ts';
import { codePointLength, codePointSlice } from './code-points.ts';
import type { ScalarFunction } from './scalar-function.ts';

const INT_MAX = 2147483647;

/**
 * `substring(str, pos[, len])` (alias `substr`): 1-based character positions; a negative `pos` counts
 * from the end; `pos` 0 acts as 1. As Spark's `UTF8String.substringSQL`, including its clamping.
 */
function substringFunction(name: string): ScalarFunction {
  return {
    name,
    resolve(args, sql) {
      checkArity(name, args, 2, 3, sql);
      const binary = args[0]!.dataType.kind === 'binary';
      const types = [binary ? BINARY : expectArg(name, args, 0, STRING, sql), expectArg(name, args, 1, INT, sql)];
      if (args.length === 3) types.push(expectArg(name, args, 2, INT, sql));
      return { dataType: binary ? BINARY : STRING, argTypes: types };
    },
    evaluate(args, n) {
      const src = args[0]!.values as readonly unknown[];
      const pos = args[1] as NumVector;
      const len = args[2] as NumVector | undefined;
      const out = new Array<unknown>(n);
      for (let i = 0; i < n; i++) {
        const s = src[i];
        if (s === null || s === undefined || (pos.valid !== null && pos.valid[i] === 0) || (len && len.valid !== null && len.valid[i] === 0)) {
          out[i] = null;
          continue;
        }
        const p = pos.values[i]!;
        const l = len ? len.values[i]! : INT_MAX;
        const count = typeof s === 'string' ? codePointLength(s) : (s as Uint8Array).length;
        const start = p > 0 ? p - 1 : p < 0 ? count + p : 0;
        const end = Math.min(Math.max(start + l, -INT_MAX - 1), INT_MAX, count);
        const a = Math.max(start, 0);
        if (typeof s === 'string') out[i] = a >= end ? '' : codePointSlice(s, a, end);
        else out[i] = a >= end ? new Uint8Array(0) : (s as Uint8Array).slice(a, end);
      }
      return { kind: 'obj', type: args[0]!.type, values: out };
    },
  };
}

export const substring = substringFunction('substring');
export const substr = substringFunction('substr');
