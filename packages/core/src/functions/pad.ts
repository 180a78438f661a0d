import type { NumVector, ObjVector } from '../data/vector.ts';
import { INT, STRING } from '../types/data-type.ts';
import { codePointLength, codePointSlice, codePoints, hasSurrogates } from './code-points.ts';
import { checkArity, expectArg } from './function-helpers.ts';
import type { ScalarFunction } from './scalar-function.ts';

/**
 * `lpad(str, len[, pad = ' '])` / `rpad`: pads with repetitions of `pad` up to `len` characters, or cuts
 * the string to `len` characters when it is longer (or when `pad` is empty).
 */
function padFunction(name: string, left: boolean): ScalarFunction {
  return {
    name,
    resolve(args, sql) {
      checkArity(name, args, 2, 3, sql);
      const types = [expectArg(name, args, 0, STRING, sql), expectArg(name, args, 1, INT, sql)];
      if (args.length === 3) types.push(expectArg(name, args, 2, STRING, sql));
      return { dataType: STRING, argTypes: types };
    },
    evaluate(args, n) {
      const src = (args[0] as ObjVector).values;
      const lens = args[1] as NumVector;
      const pads = args[2] ? (args[2] as ObjVector).values : null;
      const out = new Array<unknown>(n);
      for (let i = 0; i < n; i++) {
        const s = src[i];
        const pad = pads ? pads[i] : ' ';
        if (typeof s !== 'string' || typeof pad !== 'string' || (lens.valid !== null && lens.valid[i] === 0)) { out[i] = null; continue; }
        out[i] = padString(s, lens.values[i]!, pad, left);
      }
      return { kind: 'obj', type: STRING, values: out };
    },
  };
}

function padString(s: string, len: number, pad: string, left: boolean): string {
  const count = codePointLength(s);
  if (len <= 0) return '';
  if (count >= len || pad === '') return codePointSlice(s, 0, len);
  const need = len - count;
  let fill: string;
  if (!hasSurrogates(pad)) fill = pad.repeat(Math.ceil(need / pad.length)).slice(0, need);
  else {
    const cps = codePoints(pad);
    fill = '';
    for (let k = 0; k < need; k++) fill += cps[k % cps.length]!;
  }
  return left ? fill + s : s + fill;
}

export const lpad = padFunction('lpad', true);
export const rpad = padFunction('rpad', false);
