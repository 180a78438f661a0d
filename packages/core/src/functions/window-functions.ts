import { Column, literalExpr } from '../dataframe/column.ts';
import type { Expr } from '../expr/expression.ts';

type ColumnOrName = Column | string;

function ref(c: ColumnOrName): Expr {
  return typeof c === 'string' ? { kind: 'column', name: c } : c.expr;
}

/**
 * `window(timeColumn, windowDuration, slideDuration?, startTime?)`: tumbling or sliding event-time
 * windows `[start, end)` aligned to the epoch plus startTime; use it as a grouping key or select item.
 * Durations are interval strings: `'10 seconds'`, `'1 day 12 hours'`.
 *
 * @example
 * ```ts
 * events.withWatermark('timestamp', '10 minutes')
 *   .groupBy(window(col('timestamp'), '10 minutes', '5 minutes'), col('word'))
 *   .count();
 * ```
 */
export function window(timeColumn: ColumnOrName, windowDuration: string, slideDuration?: string, startTime?: string): Column {
  const args: Expr[] = [ref(timeColumn), literalExpr(windowDuration)];
  if (slideDuration !== undefined || startTime !== undefined) args.push(literalExpr(slideDuration ?? windowDuration));
  if (startTime !== undefined) args.push(literalExpr(startTime));
  return new Column({ kind: 'call', name: 'window', args });
}

/** `window_time(window)`: the event time of a window (its end minus 1 µs), to chain window aggregations. */
export function window_time(windowColumn: ColumnOrName): Column {
  return new Column({ kind: 'call', name: 'window_time', args: [ref(windowColumn)] });
}
