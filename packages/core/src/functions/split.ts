import { valueAt } from '../data/vector.ts';
import { INT, STRING, arrayOf } from '../types/data-type.ts';
import { checkArity, expectArg } from './function-helpers.ts';
import { checkLiteralPattern, compilePattern } from './regex-args.ts';
import type { ScalarFunction } from './scalar-function.ts';

const ARRAY_OF_STRING = arrayOf(STRING, false);

/**
 * `split(str, regex[, limit])`: Java-regex split as in Spark. With limit <= 0 (the default) the pattern
 * is applied as often as possible and trailing empty strings are kept (Spark uses limit -1).
 */
export const split: ScalarFunction = {
  name: 'split',
  resolve(args, sql) {
    checkArity('split', args, 2, 3, sql);
    const types = [expectArg('split', args, 0, STRING, sql), expectArg('split', args, 1, STRING, sql)];
    if (args.length === 3) types.push(expectArg('split', args, 2, INT, sql));
    checkLiteralPattern('split', args[1]!);
    return { dataType: ARRAY_OF_STRING, argTypes: types };
  },
  evaluate([str, pattern, limitVec], n) {
    const out = new Array<unknown>(n);
    let lastPattern: unknown = undefined;
    let re: RegExp | null = null;
    let plain = false;
    for (let i = 0; i < n; i++) {
      const s = valueAt(str!, i);
      const p = valueAt(pattern!, i);
      if (typeof s !== 'string' || typeof p !== 'string') { out[i] = null; continue; }
      const limit = limitVec ? ((valueAt(limitVec, i) as number | null) ?? -1) : -1;
      if (p !== lastPattern) {
        plain = PLAIN_PATTERN.test(p);
        re = null;
        lastPattern = p;
      }
      // Without a limit, a pattern of plain characters splits as String.prototype.split (as Java's own fast path).
      out[i] = plain && limit <= 0 ? s.split(p) : splitWithLimit(s, (re ??= compilePattern('split', p, 'g')), limit);
    }
    return { kind: 'obj', type: ARRAY_OF_STRING, values: out };
  },
};

/**
 * A pattern that matches only its own text: no regex metacharacter, and no surrogate (the `u` regex matches
 * whole code points). Split by it, every match has width, so `''` gives `['']`, leading and trailing empty
 * strings are kept: Java's split with limit -1.
 */
const PLAIN_PATTERN = /^[^\\^$.|?*+()[\]{}\uD800-\uDFFF]+$/;

function splitWithLimit(s: string, re: RegExp, limit: number): string[] {
  if (s === '') return [''];
  const parts: string[] = [];
  let last = 0;
  re.lastIndex = 0;
  for (let m = re.exec(s); m !== null; m = re.exec(s)) {
    if (limit > 0 && parts.length === limit - 1) break;
    if (m[0] === '') {
      // Java splits between characters for an empty match, never at position 0.
      if (m.index >= s.length) break;
      if (m.index === 0) { re.lastIndex++; continue; }
    }
    parts.push(s.slice(last, m.index));
    last = m.index + m[0].length;
    if (m[0] === '') re.lastIndex++;
  }
  parts.push(s.slice(last));
  return parts;
}
