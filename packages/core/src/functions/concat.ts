import type { DataType } from '../types/data-type.ts';
import { STRING } from '../types/data-type.ts';
import { argTypeError, checkArity, commonArgType, expectArg } from './function-helpers.ts';
import type { ScalarFunction } from './scalar-function.ts';

/**
 * `concat(a, b, ...)`: strings (other scalars cast to string) or arrays of one element type; null when
 * any argument is null. `concat()` is the empty string.
 */
export const concat: ScalarFunction = {
  name: 'concat',
  resolve(args, sql) {
    checkArity('concat', args, 0, Infinity, sql);
    const arrays = args.filter((a) => a.dataType.kind === 'array').length;
    if (arrays > 0) {
      args.forEach((a, i) => {
        if (a.dataType.kind !== 'array' && a.dataType.kind !== 'null') throw argTypeError('concat', i, 'array', a.dataType, sql);
      });
      const type: DataType = commonArgType('concat', args, sql);
      return { dataType: type, nullable: args.some((a) => a.nullable), argTypes: args.map(() => type) };
    }
    const argTypes = args.map((_, i) => expectArg('concat', args, i, STRING, sql));
    return { dataType: STRING, nullable: args.some((a) => a.nullable), argTypes };
  },
  evaluate(args, n, _ctx, type) {
    const isArray = type.kind === 'array';
    const out = new Array<unknown>(n);
    const cols = args.map((a) => a.values as readonly unknown[]);
    for (let i = 0; i < n; i++) {
      let nul = false;
      for (const c of cols) if (c[i] === null || c[i] === undefined) { nul = true; break; }
      if (nul) { out[i] = null; continue; }
      if (isArray) {
        const parts: unknown[] = [];
        for (const c of cols) for (const x of c[i] as unknown[]) parts.push(x);
        out[i] = parts;
      } else {
        let s = '';
        for (const c of cols) s += c[i] as string;
        out[i] = s;
      }
    }
    return { kind: 'obj', type, values: out };
  },
};
