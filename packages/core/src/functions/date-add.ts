import type { NumVector } from '../data/vector.ts';
import { DATE, INT } from '../types/data-type.ts';
import { expectDateArg } from './datetime-args.ts';
import { argTypeError, checkArity } from './function-helpers.ts';
import type { ScalarFunction } from './scalar-function.ts';

/** `date_add(start, days)` / `date_sub(start, days)`: a date moved by whole days (start cast to date). */
function dateShift(name: string, sign: 1 | -1): ScalarFunction {
  return {
    name,
    resolve(args, sql) {
      checkArity(name, args, 2, 2, sql);
      const d = args[1]!.dataType;
      if (d.kind !== 'int' && d.kind !== 'null' && d.kind !== 'string') throw argTypeError(name, 1, '(int or smallint or tinyint)', d, sql);
      return { dataType: DATE, argTypes: [expectDateArg(name, args, 0, sql), INT] };
    },
    evaluate([start, days], n) {
      const a = start as NumVector;
      const b = days as NumVector;
      const out = new Float64Array(n);
      for (let i = 0; i < n; i++) out[i] = a.values[i]! + sign * b.values[i]!;
      return { kind: 'num', type: DATE, values: out, valid: bothValid(a, b, n) };
    },
  };
}

export function bothValid(a: NumVector, b: NumVector, n: number): Uint8Array | null {
  if (a.valid === null) return b.valid;
  if (b.valid === null) return a.valid;
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = a.valid[i]! & b.valid[i]!;
  return out;
}

export const date_add = dateShift('date_add', 1);
export const date_sub = dateShift('date_sub', -1);
