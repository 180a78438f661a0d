import type { DataType } from '../types/data-type.ts';
import { STRING, arrayOf } from '../types/data-type.ts';
import { argTypeError, checkArity, expectArg } from './function-helpers.ts';
import type { ScalarFunction } from './scalar-function.ts';

const ARRAY_OF_STRING = arrayOf(STRING);

/**
 * `concat_ws(sep, a, b, ...)`: joins the non-null strings (and the non-null elements of string arrays)
 * with `sep`; null only when `sep` is null.
 */
export const concat_ws: ScalarFunction = {
  name: 'concat_ws',
  resolve(args, sql) {
    checkArity('concat_ws', args, 1, Infinity, sql);
    const argTypes: DataType[] = [expectArg('concat_ws', args, 0, STRING, sql)];
    for (let i = 1; i < args.length; i++) {
      const t = args[i]!.dataType;
      if (t.kind === 'array') {
        if (t.elementType.kind !== 'string' && t.elementType.kind !== 'null') throw argTypeError('concat_ws', i, 'array<string> or string', t, sql);
        argTypes.push(ARRAY_OF_STRING);
      } else {
        if (t.kind === 'map' || t.kind === 'struct') throw argTypeError('concat_ws', i, 'array<string> or string', t, sql);
        argTypes.push(expectArg('concat_ws', args, i, STRING, sql));
      }
    }
    return { dataType: STRING, nullable: args[0]!.nullable, argTypes };
  },
  evaluate(args, n) {
    const seps = args[0]!.values as readonly unknown[];
    const cols = args.slice(1).map((a) => a.values as readonly unknown[]);
    const out = new Array<unknown>(n);
    for (let i = 0; i < n; i++) {
      const sep = seps[i];
      if (typeof sep !== 'string') { out[i] = null; continue; }
      let s = '';
      let any = false;
      for (const c of cols) {
        const x = c[i];
        if (x === null || x === undefined) continue;
        if (typeof x === 'string') {
          s = any ? s + sep + x : x;
          any = true;
        } else {
          for (const e of x as readonly unknown[]) {
            if (e === null || e === undefined) continue;
            s = any ? s + sep + (e as string) : (e as string);
            any = true;
          }
        }
      }
      out[i] = s;
    }
    return { kind: 'obj', type: STRING, values: out };
  },
};
