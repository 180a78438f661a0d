import type { NumVector, ObjVector } from '../data/vector.ts';
import { INT, STRING } from '../types/data-type.ts';
import { checkArity, expectArg } from './function-helpers.ts';
import { checkLiteralPattern, compilePattern, groupCount } from './regex-args.ts';
import type { ScalarFunction } from './scalar-function.ts';

/**
 * `regexp_extract(str, regexp[, idx = 1])`: group `idx` of the first match; the empty string when nothing
 * matches or the group took no part in the match; an error when the pattern has fewer groups than `idx`.
 */
export const regexp_extract: ScalarFunction = {
  name: 'regexp_extract',
  resolve(args, sql) {
    checkArity('regexp_extract', args, 2, 3, sql);
    const types = [expectArg('regexp_extract', args, 0, STRING, sql), expectArg('regexp_extract', args, 1, STRING, sql)];
    if (args.length === 3) types.push(expectArg('regexp_extract', args, 2, INT, sql));
    checkLiteralPattern('regexp_extract', args[1]!);
    return { dataType: STRING, argTypes: types };
  },
  evaluate(args, n) {
    const src = (args[0] as ObjVector).values;
    const patterns = (args[1] as ObjVector).values;
    const idx = args[2] as NumVector | undefined;
    const out = new Array<unknown>(n);
    let lastPattern: string | null = null;
    let re: RegExp | null = null;
    let groups = 0;
    for (let i = 0; i < n; i++) {
      const s = src[i];
      const p = patterns[i];
      if (typeof s !== 'string' || typeof p !== 'string' || (idx && idx.valid !== null && idx.valid[i] === 0)) {
        out[i] = null;
        continue;
      }
      if (p !== lastPattern) {
        re = compilePattern('regexp_extract', p, '');
        groups = groupCount(re);
        lastPattern = p;
      }
      const g = idx ? idx.values[i]! : 1;
      if (g < 0) throw new Error('The specified group index cannot be less than zero');
      if (g > groups) throw new Error(`Regex group count is ${groups}, but the specified group index is ${g}`);
      const m = re!.exec(s);
      out[i] = m === null ? '' : (m[g] ?? '');
    }
    return { kind: 'obj', type: STRING, values: out };
  },
};
