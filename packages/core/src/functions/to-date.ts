import { AnalysisError } from '../analyzer/analysis-error.ts';
import type { ObjVector } from '../data/vector.ts';
import { canCast, castErrorMessage } from '../expr/cast.ts';
import { DATE, STRING } from '../types/data-type.ts';
import { MICROS_PER_DAY, toLocalMicros } from './calendar.ts';
import { checkLiteralPattern } from './datetime-args.ts';
import { checkArity, expectArg } from './function-helpers.ts';
import type { ScalarFunction } from './scalar-function.ts';
import { parseColumn } from './to-timestamp.ts';

/**
 * `to_date(col)` is `CAST(col AS DATE)`; `to_date(str, fmt)` parses with a datetime pattern (as a
 * timestamp in the session zone, then its local date), null when the text does not match.
 */
export const to_date: ScalarFunction = {
  name: 'to_date',
  resolve(args, sql) {
    checkArity('to_date', args, 1, 2, sql);
    const t = args[0]!.dataType;
    if (args.length === 1 || t.kind === 'timestamp' || t.kind === 'date') {
      if (!canCast(t, DATE)) throw new AnalysisError(castErrorMessage(t, DATE, sql));
      return { dataType: DATE, argTypes: [DATE, args.length === 2 ? STRING : null] };
    }
    checkLiteralPattern(args[1]);
    return { dataType: DATE, argTypes: [expectArg('to_date', args, 0, STRING, sql), expectArg('to_date', args, 1, STRING, sql)] };
  },
  evaluate(args, n, ctx) {
    const first = args[0]!;
    if (first.kind === 'num') return first;
    const tz = ctx.timeZone;
    const out = parseColumn(first as ObjVector, args[1] as ObjVector, n, tz);
    const v = out.values;
    for (let i = 0; i < n; i++) v[i] = Math.floor(toLocalMicros(v[i]!, tz) / MICROS_PER_DAY);
    return out.build(DATE);
  },
};
