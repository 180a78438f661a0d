import type { ObjVector } from '../data/vector.ts';
import { STRING } from '../types/data-type.ts';
import { checkArity, expectArg } from './function-helpers.ts';
import type { ScalarFunction } from './scalar-function.ts';

type Side = 'both' | 'left' | 'right';

/**
 * `trim(str[, trimChars])`, `ltrim`, `rtrim`: remove spaces (U+0020 only, as Spark does, not tabs or
 * newlines) or, with a second argument, any of its characters from the ends.
 */
function trimFunction(name: string, side: Side): ScalarFunction {
  return {
    name,
    resolve(args, sql) {
      checkArity(name, args, 1, 2, sql);
      return { dataType: STRING, argTypes: args.map((_, i) => expectArg(name, args, i, STRING, sql)) };
    },
    evaluate(args, n) {
      const src = (args[0] as ObjVector).values;
      const chars = args[1] ? (args[1] as ObjVector).values : null;
      const out = new Array<unknown>(n);
      for (let i = 0; i < n; i++) {
        const s = src[i];
        const set = chars ? chars[i] : ' ';
        out[i] = typeof s === 'string' && typeof set === 'string' ? trimString(s, set, side) : null;
      }
      return { kind: 'obj', type: STRING, values: out };
    },
  };
}

function trimString(s: string, set: string, side: Side): string {
  let start = 0;
  let end = s.length;
  if (set.length === 1) {
    const c = set.charCodeAt(0);
    if (side !== 'right') while (start < end && s.charCodeAt(start) === c) start++;
    if (side !== 'left') while (end > start && s.charCodeAt(end - 1) === c) end--;
  } else {
    if (side !== 'right') while (start < end && set.includes(s[start]!)) start++;
    if (side !== 'left') while (end > start && set.includes(s[end - 1]!)) end--;
  }
  return start === 0 && end === s.length ? s : s.slice(start, end);
}

export const trim = trimFunction('trim', 'both');
export const ltrim = trimFunction('ltrim', 'left');
export const rtrim = trimFunction('rtrim', 'right');
