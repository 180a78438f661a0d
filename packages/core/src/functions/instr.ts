import type { ObjVector } from '../data/vector.ts';
import { INT, STRING } from '../types/data-type.ts';
import { codePointIndexOf } from './code-points.ts';
import { checkArity, expectArg, NumBuilder } from './function-helpers.ts';
import type { ScalarFunction } from './scalar-function.ts';

/** `instr(str, substr)`: 1-based character position of the first occurrence, 0 when absent. */
export const instr: ScalarFunction = {
  name: 'instr',
  resolve(args, sql) {
    checkArity('instr', args, 2, 2, sql);
    return { dataType: INT, argTypes: [expectArg('instr', args, 0, STRING, sql), expectArg('instr', args, 1, STRING, sql)] };
  },
  evaluate([str, sub], n) {
    const src = (str as ObjVector).values;
    const subs = (sub as ObjVector).values;
    const out = new NumBuilder(n);
    for (let i = 0; i < n; i++) {
      const s = src[i];
      const t = subs[i];
      if (typeof s !== 'string' || typeof t !== 'string') { out.setNull(i); continue; }
      const at = s.indexOf(t);
      out.values[i] = at < 0 ? 0 : codePointIndexOf(s, at) + 1;
    }
    return out.build(INT);
  },
};
