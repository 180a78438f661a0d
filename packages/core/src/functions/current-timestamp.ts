import { DATE, TIMESTAMP } from '../types/data-type.ts';
import { localDays } from './calendar.ts';
import { checkArity } from './function-helpers.ts';
import type { ScalarFunction } from './scalar-function.ts';

/**
 * `current_timestamp()` (alias `now()`): the batch's timestamp, the same for every row of a batch and
 * again when a batch is replayed after a restart.
 */
function currentTimestampFunction(name: string): ScalarFunction {
  return {
    name,
    resolve(args, sql) {
      checkArity(name, args, 0, 0, sql);
      return { dataType: TIMESTAMP, nullable: false };
    },
    evaluate(_args, n, ctx) {
      return { kind: 'num', type: TIMESTAMP, values: new Float64Array(n).fill(ctx.batchTimestampMs * 1000), valid: null };
    },
  };
}

export const current_timestamp = currentTimestampFunction('current_timestamp');
export const now = currentTimestampFunction('now');

/** `current_date()`: the batch timestamp's date in the session time zone. */
export const current_date: ScalarFunction = {
  name: 'current_date',
  resolve(args, sql) {
    checkArity('current_date', args, 0, 0, sql);
    return { dataType: DATE, nullable: false };
  },
  evaluate(_args, n, ctx) {
    return { kind: 'num', type: DATE, values: new Float64Array(n).fill(localDays(ctx.batchTimestampMs * 1000, ctx.timeZone)), valid: null };
  },
};
