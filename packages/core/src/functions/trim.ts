import type { ObjVector } from '../data/vector.ts';
import { STRING } from '../types/data-type.ts';
import { checkArity, expectArg } from './function-helpers.ts';
import type { ScalarFunction } from './scalar-function.ts';

type Side = 'both' | 'left' | 'right';

/**
 * `trim(str)`, `ltrim`, `rtrim`: remove spaces (U+0020 only, as Spark does, not tabs or newlines) from the
 * ends. With two arguments Spark's SQL order is `trim(trimStr, str)`: any character of trimStr is removed
 * (what `TRIM(BOTH trimStr FROM str)` parses to; the Column API's `trim(col, chars)` builds it too).
 * `btrim(str[, trimStr])` takes the string first.
 */
function trimFunction(name: string, side: Side, strFirst: boolean): ScalarFunction {
  return {
    name,
    resolve(args, sql) {
      checkArity(name, args, 1, 2, sql);
      return { dataType: STRING, argTypes: args.map((_, i) => expectArg(name, args, i, STRING, sql)) };
    },
    evaluate(args, n) {
      const strIndex = args.length === 2 && !strFirst ? 1 : 0;
      const src = (args[strIndex] as ObjVector).values;
      const chars = args.length === 2 ? (args[1 - strIndex] as ObjVector).values : null;
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

/** Removes the characters of `set` (whole code points) from the chosen ends of `s`. */
export function trimString(s: string, set: string, side: Side): string {
  let start = 0;
  let end = s.length;
  if (set.length === 1) {
    const c = set.charCodeAt(0);
    if (side !== 'right') while (start < end && s.charCodeAt(start) === c) start++;
    if (side !== 'left') while (end > start && s.charCodeAt(end - 1) === c) end--;
  } else if (set.length > 1) {
    const points = new Set<number>();
    for (const ch of set) points.add(ch.codePointAt(0)!);
    if (side !== 'right') {
      while (start < end) {
        const cp = s.codePointAt(start)!;
        if (!points.has(cp)) break;
        start += cp > 0xffff ? 2 : 1;
      }
    }
    if (side !== 'left') {
      while (end > start) {
        const low = s.charCodeAt(end - 1);
        const pair = end - 2 >= start && low >= 0xdc00 && low <= 0xdfff && isHighSurrogate(s.charCodeAt(end - 2));
        const cp = pair ? s.codePointAt(end - 2)! : low;
        if (!points.has(cp)) break;
        end -= pair ? 2 : 1;
      }
    }
  }
  return start === 0 && end === s.length ? s : s.slice(start, end);
}

function isHighSurrogate(u: number): boolean {
  return u >= 0xd800 && u <= 0xdbff;
}

export const trim = trimFunction('trim', 'both', false);
export const ltrim = trimFunction('ltrim', 'left', false);
export const rtrim = trimFunction('rtrim', 'right', false);
export const btrim = trimFunction('btrim', 'both', true);
