import type { NumVector, Vector } from '../data/vector.ts';
import type { BoundExpr } from '../expr/bound-expr.ts';
import type { IntervalValue } from '../types/interval.ts';
import { TIMESTAMP } from '../types/data-type.ts';
import type { ScalarFunction } from './scalar-function.ts';

/**
 * `timestamp + interval` / `timestamp - interval` (Spark's TimeAdd): months move the calendar date (UTC,
 * the day clamped to the month's length), the rest is exact microseconds. Not in the function registry:
 * the analyzer builds these calls for `+` and `-` with an interval operand (see `resolveTimeShift`).
 */
function timeShift(name: string, sign: 1 | -1): ScalarFunction {
  return {
    name,
    resolve() {
      return { dataType: TIMESTAMP, nullable: true };
    },
    evaluate([ts, iv], n) {
      const t = ts as NumVector;
      const ivals = (iv as Extract<Vector, { kind: 'obj' }>).values;
      const out = new Float64Array(n);
      const valid = new Uint8Array(n);
      for (let i = 0; i < n; i++) {
        const v = ivals[i] as IntervalValue | null | undefined;
        if ((t.valid !== null && t.valid[i] === 0) || v === null || v === undefined) continue;
        out[i] = addInterval(t.values[i]!, v, sign);
        valid[i] = 1;
      }
      return { kind: 'num', type: TIMESTAMP, values: out, valid };
    },
  };
}

export const time_add = timeShift('time_add', 1);
export const time_sub = timeShift('time_sub', -1);

/** A timestamp (µs) moved by an interval, forwards (sign 1) or backwards (sign -1). */
export function addInterval(micros: number, iv: IntervalValue, sign: 1 | -1): number {
  let t = micros;
  if (iv.months !== 0) {
    const ms = Math.floor(t / 1000);
    const d = new Date(ms);
    const total = d.getUTCFullYear() * 12 + d.getUTCMonth() + sign * iv.months;
    const year = Math.floor(total / 12);
    const month = total - year * 12;
    const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
    const moved = Date.UTC(year, month, Math.min(d.getUTCDate(), lastDay), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds());
    t = moved * 1000 + (t - ms * 1000);
  }
  return t + sign * iv.micros;
}

/**
 * `+` / `-` with an interval operand: `ts + i`, `i + ts`, `ts - i` (a date is widened to a timestamp).
 * Returns undefined when neither operand is an interval, so ordinary arithmetic applies.
 */
export function resolveTimeShift(op: '+' | '-', left: BoundExpr, right: BoundExpr, sql: string): BoundExpr | undefined {
  const isTime = (e: BoundExpr): boolean => e.dataType.kind === 'timestamp' || e.dataType.kind === 'date' || e.dataType.kind === 'null';
  const toTs = (e: BoundExpr): BoundExpr =>
    e.dataType.kind === 'timestamp' ? e : e.kind === 'literal' && e.value === null ? { ...e, dataType: TIMESTAMP } : { kind: 'cast', child: e, dataType: TIMESTAMP, nullable: true };
  let ts: BoundExpr;
  let iv: BoundExpr;
  if (right.dataType.kind === 'interval' && isTime(left)) {
    ts = left;
    iv = right;
  } else if (op === '+' && left.dataType.kind === 'interval' && isTime(right)) {
    ts = right;
    iv = left;
  } else {
    return undefined;
  }
  return { kind: 'call', fn: op === '+' ? time_add : time_sub, args: [toTs(ts), iv], dataType: TIMESTAMP, nullable: true, sql };
}
