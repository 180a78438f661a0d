import { INT, STRING } from '../types/data-type.ts';
import { checkArity, expectArg, NumBuilder } from './function-helpers.ts';
import { codePointLength } from './code-points.ts';
import type { ScalarFunction } from './scalar-function.ts';

/** `length(str)`: characters (code points) of a string, bytes of a binary value. Aliases: char_length, character_length. */
function lengthFunction(name: string): ScalarFunction {
  return {
    name,
    resolve(args, sql) {
      checkArity(name, args, 1, 1, sql);
      if (args[0]!.dataType.kind === 'binary') return { dataType: INT };
      return { dataType: INT, argTypes: [expectArg(name, args, 0, STRING, sql)] };
    },
    evaluate([v], n) {
      const src = v!.values as readonly unknown[];
      const out = new NumBuilder(n);
      for (let i = 0; i < n; i++) {
        const s = src[i];
        if (typeof s === 'string') out.values[i] = codePointLength(s);
        else if (s instanceof Uint8Array) out.values[i] = s.length;
        else out.setNull(i);
      }
      return out.build(INT);
    },
  };
}

export const length = lengthFunction('length');
export const char_length = lengthFunction('char_length');
export const character_length = lengthFunction('character_length');
