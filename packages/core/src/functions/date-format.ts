import type { NumVector, ObjVector } from '../data/vector.ts';
import { STRING } from '../types/data-type.ts';
import { checkLiteralPattern, expectTimestampArg } from './datetime-args.ts';
import { formatColumn } from './from-unixtime.ts';
import { checkArity, expectArg } from './function-helpers.ts';
import type { ScalarFunction } from './scalar-function.ts';

/** `date_format(ts, fmt)`: a timestamp (or date, or timestamp text) as text, in the session time zone. */
export const date_format: ScalarFunction = {
  name: 'date_format',
  resolve(args, sql) {
    checkArity('date_format', args, 2, 2, sql);
    checkLiteralPattern(args[1]);
    return { dataType: STRING, argTypes: [expectTimestampArg('date_format', args, 0, sql), expectArg('date_format', args, 1, STRING, sql)] };
  },
  evaluate([ts, fmt], n, ctx) {
    return formatColumn(ts as NumVector, 1, (fmt as ObjVector).values, n, ctx.timeZone);
  },
};
