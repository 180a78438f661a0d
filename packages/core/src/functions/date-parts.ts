import type { NumVector } from '../data/vector.ts';
import { INT } from '../types/data-type.ts';
import { MICROS_PER_DAY, civilFromDays, daysFromCivil, toLocalMicros } from './calendar.ts';
import { expectDateArg, expectTimestampArg } from './datetime-args.ts';
import { checkArity } from './function-helpers.ts';
import type { ScalarFunction } from './scalar-function.ts';

const ymd = new Int32Array(3);

/** A field of a date (timestamps are first cast to their date in the session zone). */
function dateField(name: string, field: (days: number) => number): ScalarFunction {
  return {
    name,
    resolve(args, sql) {
      checkArity(name, args, 1, 1, sql);
      return { dataType: INT, argTypes: [expectDateArg(name, args, 0, sql)] };
    },
    evaluate([v], n) {
      const a = v as NumVector;
      const out = new Float64Array(n);
      const src = a.values;
      for (let i = 0; i < n; i++) out[i] = field(src[i]!);
      return { kind: 'num', type: INT, values: out, valid: a.valid };
    },
  };
}

/** A field of the wall-clock time of a timestamp in the session zone. */
function timeField(name: string, unit: number, modulo: number): ScalarFunction {
  return {
    name,
    resolve(args, sql) {
      checkArity(name, args, 1, 1, sql);
      return { dataType: INT, argTypes: [expectTimestampArg(name, args, 0, sql)] };
    },
    evaluate([v], n, ctx) {
      const a = v as NumVector;
      const out = new Float64Array(n);
      const src = a.values;
      const tz = ctx.timeZone;
      for (let i = 0; i < n; i++) {
        const local = toLocalMicros(src[i]!, tz);
        const ofDay = local - Math.floor(local / MICROS_PER_DAY) * MICROS_PER_DAY;
        out[i] = Math.floor(ofDay / unit) % modulo;
      }
      return { kind: 'num', type: INT, values: out, valid: a.valid };
    },
  };
}

export const year = dateField('year', (d) => { civilFromDays(d, ymd); return ymd[0]!; });
export const month = dateField('month', (d) => { civilFromDays(d, ymd); return ymd[1]!; });
export const dayofmonth = dateField('dayofmonth', (d) => { civilFromDays(d, ymd); return ymd[2]!; });
export const day = dateField('day', (d) => { civilFromDays(d, ymd); return ymd[2]!; });
export const quarter = dateField('quarter', (d) => { civilFromDays(d, ymd); return Math.floor((ymd[1]! - 1) / 3) + 1; });
/** 1 = Sunday ... 7 = Saturday, as Spark. */
export const dayofweek = dateField('dayofweek', (d) => ((((d + 4) % 7) + 7) % 7) + 1);
export const dayofyear = dateField('dayofyear', (d) => { civilFromDays(d, ymd); return d - daysFromCivil(ymd[0]!, 1, 1) + 1; });
export const hour = timeField('hour', 3_600_000_000, 24);
export const minute = timeField('minute', 60_000_000, 60);
export const second = timeField('second', 1_000_000, 60);
