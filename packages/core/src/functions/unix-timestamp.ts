import type { ObjVector } from '../data/vector.ts';
import { LONG, STRING } from '../types/data-type.ts';
import { fromLocalMicros, MICROS_PER_DAY } from './calendar.ts';
import { DEFAULT_PATTERN, checkLiteralPattern } from './datetime-args.ts';
import { argTypeError, checkArity, expectArg } from './function-helpers.ts';
import type { ScalarFunction } from './scalar-function.ts';
import { parseColumn } from './to-timestamp.ts';

/**
 * `unix_timestamp()` is the batch's current time in seconds; `unix_timestamp(str[, fmt = 'yyyy-MM-dd
 * HH:mm:ss'])` parses in the session zone (null when the text does not match); timestamps and dates are
 * converted directly. Seconds are rounded down.
 */
function unixTimestampFunction(name: string, minArgs: number): ScalarFunction {
  return {
    name,
    resolve(args, sql) {
      checkArity(name, args, minArgs, 2, sql);
      if (args.length === 0) return { dataType: LONG, nullable: false };
      const t = args[0]!.dataType;
      if (t.kind === 'timestamp' || t.kind === 'date') return { dataType: LONG, argTypes: [t, args.length === 2 ? STRING : null] };
      if (t.kind !== 'string' && t.kind !== 'null') throw argTypeError(name, 0, '(string or date or timestamp)', t, sql);
      checkLiteralPattern(args[1]);
      return { dataType: LONG, argTypes: [STRING, args.length === 2 ? expectArg(name, args, 1, STRING, sql) : null] };
    },
    evaluate(args, n, ctx) {
      if (args.length === 0) {
        return { kind: 'num', type: LONG, values: new Float64Array(n).fill(Math.floor(ctx.batchTimestampMs / 1000)), valid: null };
      }
      const first = args[0]!;
      if (first.kind === 'num') {
        const out = new Float64Array(n);
        const src = first.values;
        if (first.type.kind === 'date') for (let i = 0; i < n; i++) out[i] = Math.floor(fromLocalMicros(src[i]! * MICROS_PER_DAY, ctx.timeZone) / 1_000_000);
        else for (let i = 0; i < n; i++) out[i] = Math.floor(src[i]! / 1_000_000);
        return { kind: 'num', type: LONG, values: out, valid: first.valid };
      }
      const out = parseColumn(first as ObjVector, args[1] ? (args[1] as ObjVector) : DEFAULT_PATTERN, n, ctx.timeZone);
      const v = out.values;
      for (let i = 0; i < n; i++) v[i] = Math.floor(v[i]! / 1_000_000);
      return out.build(LONG);
    },
  };
}

export const unix_timestamp = unixTimestampFunction('unix_timestamp', 0);
export const to_unix_timestamp = unixTimestampFunction('to_unix_timestamp', 1);

