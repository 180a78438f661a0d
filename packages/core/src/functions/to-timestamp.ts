import type { ObjVector } from '../data/vector.ts';
import { STRING, TIMESTAMP } from '../types/data-type.ts';
import { canCast, castErrorMessage } from '../expr/cast.ts';
import { AnalysisError } from '../analyzer/analysis-error.ts';
import type { DateTimeFormatter } from './datetime-pattern.ts';
import { checkLiteralPattern, formatterFor } from './datetime-args.ts';
import { checkArity, expectArg, NumBuilder } from './function-helpers.ts';
import type { ScalarFunction } from './scalar-function.ts';

/**
 * `to_timestamp(col)` is `CAST(col AS TIMESTAMP)`; `to_timestamp(str, fmt)` parses with a datetime
 * pattern in the session time zone. Text that does not match gives null.
 */
export const to_timestamp: ScalarFunction = {
  name: 'to_timestamp',
  resolve(args, sql) {
    checkArity('to_timestamp', args, 1, 2, sql);
    const t = args[0]!.dataType;
    if (args.length === 1 || t.kind === 'timestamp' || t.kind === 'date') {
      if (!canCast(t, TIMESTAMP)) throw new AnalysisError(castErrorMessage(t, TIMESTAMP, sql));
      return { dataType: TIMESTAMP, argTypes: [TIMESTAMP, args.length === 2 ? STRING : null] };
    }
    checkLiteralPattern(args[1]);
    return { dataType: TIMESTAMP, argTypes: [expectArg('to_timestamp', args, 0, STRING, sql), expectArg('to_timestamp', args, 1, STRING, sql)] };
  },
  evaluate(args, n, ctx) {
    const first = args[0]!;
    if (first.kind === 'num') return first;
    return parseColumn(first as ObjVector, args[1] as ObjVector, n, ctx.timeZone).build(TIMESTAMP);
  },
};

/** Parses strings with per-row patterns (or one pattern for all rows), in micros; nulls where nothing matches. */
export function parseColumn(src: ObjVector, patterns: ObjVector | string, n: number, tz: string): NumBuilder {
  const out = new NumBuilder(n);
  let last: unknown = null;
  let f: DateTimeFormatter | null = null;
  for (let i = 0; i < n; i++) {
    const s = src.values[i];
    const p = typeof patterns === 'string' ? patterns : patterns.values[i];
    if (typeof s !== 'string' || typeof p !== 'string') { out.setNull(i); continue; }
    if (p !== last) { f = formatterFor(p); last = p; }
    const micros = f!.parse(s, tz);
    if (micros === null) out.setNull(i);
    else out.values[i] = micros;
  }
  return out;
}
