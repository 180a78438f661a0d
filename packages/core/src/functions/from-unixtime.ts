import type { NumVector, ObjVector } from '../data/vector.ts';
import { LONG, STRING } from '../types/data-type.ts';
import type { DateTimeFormatter } from './datetime-pattern.ts';
import { DEFAULT_PATTERN, checkLiteralPattern, formatterFor } from './datetime-args.ts';
import { checkArity, expectArg } from './function-helpers.ts';
import type { ScalarFunction } from './scalar-function.ts';

/** `from_unixtime(seconds[, fmt = 'yyyy-MM-dd HH:mm:ss'])`: seconds since the epoch as text in the session zone. */
export const from_unixtime: ScalarFunction = {
  name: 'from_unixtime',
  resolve(args, sql) {
    checkArity('from_unixtime', args, 1, 2, sql);
    const types = [expectArg('from_unixtime', args, 0, LONG, sql)];
    if (args.length === 2) types.push(expectArg('from_unixtime', args, 1, STRING, sql));
    checkLiteralPattern(args[1]);
    return { dataType: STRING, argTypes: types };
  },
  evaluate(args, n, ctx) {
    const secs = args[0] as NumVector;
    const patterns = args[1] ? (args[1] as ObjVector).values : null;
    return formatColumn(secs, 1_000_000, patterns, n, ctx.timeZone);
  },
};

/** Formats numbers (times `scale` = micros) with per-row patterns (usually one constant). */
export function formatColumn(v: NumVector, scale: number, patterns: readonly unknown[] | null, n: number, tz: string): ObjVector {
  const out = new Array<unknown>(n);
  let last: unknown = null;
  let f: DateTimeFormatter | null = null;
  for (let i = 0; i < n; i++) {
    const p = patterns ? patterns[i] : DEFAULT_PATTERN;
    if ((v.valid !== null && v.valid[i] === 0) || typeof p !== 'string') { out[i] = null; continue; }
    if (p !== last) { f = formatterFor(p); last = p; }
    out[i] = f!.format(v.values[i]! * scale, tz);
  }
  return { kind: 'obj', type: STRING, values: out };
}
