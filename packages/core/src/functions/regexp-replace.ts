import type { NumVector, ObjVector } from '../data/vector.ts';
import { INT, STRING } from '../types/data-type.ts';
import { codePointLength, codePointSlice } from './code-points.ts';
import { checkArity, expectArg } from './function-helpers.ts';
import { checkLiteralPattern, compilePattern, groupCount } from './regex-args.ts';
import type { ScalarFunction } from './scalar-function.ts';

/**
 * `regexp_replace(str, regexp, rep[, position])`: replaces every match of the Java regex; `rep` uses
 * Java's syntax (`$1`, `${name}`, `\$` for a literal dollar). Matching starts at the 1-based `position`.
 */
export const regexp_replace: ScalarFunction = {
  name: 'regexp_replace',
  resolve(args, sql) {
    checkArity('regexp_replace', args, 3, 4, sql);
    const types = [0, 1, 2].map((i) => expectArg('regexp_replace', args, i, STRING, sql));
    if (args.length === 4) types.push(expectArg('regexp_replace', args, 3, INT, sql));
    checkLiteralPattern('regexp_replace', args[1]!);
    return { dataType: STRING, argTypes: types };
  },
  evaluate(args, n) {
    const src = (args[0] as ObjVector).values;
    const patterns = (args[1] as ObjVector).values;
    const reps = (args[2] as ObjVector).values;
    const pos = args[3] as NumVector | undefined;
    const out = new Array<unknown>(n);
    let lastPattern: string | null = null;
    let lastRep: string | null = null;
    let re: RegExp | null = null;
    let jsRep = '';
    for (let i = 0; i < n; i++) {
      const s = src[i];
      const p = patterns[i];
      const r = reps[i];
      if (typeof s !== 'string' || typeof p !== 'string' || typeof r !== 'string' || (pos && pos.valid !== null && pos.valid[i] === 0)) {
        out[i] = null;
        continue;
      }
      if (p !== lastPattern) {
        re = compilePattern('regexp_replace', p, 'g');
        lastPattern = p;
        lastRep = null;
      }
      if (r !== lastRep) {
        jsRep = javaReplacement(r, groupCount(re!), re!);
        lastRep = r;
      }
      const position = pos ? pos.values[i]! : 1;
      if (position <= 0) throw new Error(`[INVALID_PARAMETER_VALUE.REGEX_POSITION] The value of parameter(s) \`position\` in \`regexp_replace\` is invalid: expects a positive value, but got ${position}`);
      if (position === 1) out[i] = s.replace(re!, jsRep);
      else {
        const count = codePointLength(s);
        if (position > count) { out[i] = s; continue; }
        out[i] = codePointSlice(s, 0, position - 1) + codePointSlice(s, position - 1, count).replace(re!, jsRep);
      }
    }
    return { kind: 'obj', type: STRING, values: out };
  },
};

/** A Java replacement string as a JavaScript one: `$n` and `${name}` stay references, everything else is literal. */
export function javaReplacement(rep: string, groups: number, re: RegExp): string {
  let out = '';
  for (let i = 0; i < rep.length; i++) {
    const c = rep[i]!;
    if (c === '\\') {
      i++;
      if (i >= rep.length) throw new Error('character to be escaped is missing');
      out += rep[i] === '$' ? '$$' : rep[i];
    } else if (c === '$') {
      i++;
      if (i >= rep.length) throw new Error('Illegal group reference: group index is missing');
      if (rep[i] === '{') {
        const end = rep.indexOf('}', i);
        const name = end < 0 ? '' : rep.slice(i + 1, end);
        if (!/^[A-Za-z][A-Za-z0-9]*$/.test(name)) throw new Error('named capturing group is missing trailing \'}\'');
        if (!re.source.includes(`(?<${name}>`)) throw new Error(`No group with name {${name}}`);
        out += `$<${name}>`;
        i = end;
      } else {
        let g = rep.charCodeAt(i) - 48;
        if (g < 0 || g > 9) throw new Error('Illegal group reference');
        // As Java: take more digits while the number still names an existing group.
        while (i + 1 < rep.length) {
          const d = rep.charCodeAt(i + 1) - 48;
          if (d < 0 || d > 9 || g * 10 + d > groups) break;
          g = g * 10 + d;
          i++;
        }
        if (g > groups) throw new Error(`No group ${g}`);
        // A reference followed by a literal digit is written with two digits so JavaScript cannot read it as a longer number.
        const next = rep.charCodeAt(i + 1) - 48;
        out += g === 0 ? '$&' : next >= 0 && next <= 9 && g < 10 ? `$0${g}` : `$${g}`;
      }
    } else out += c;
  }
  return out;
}
