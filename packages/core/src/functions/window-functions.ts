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
 * import { col, window } from 'caudal';
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

/**
 * `session_window(timeColumn, gapDuration)`: session windows `[start, end)` over event time. A session
 * starts at an event and ends `gapDuration` after the last event of its group that falls within the
 * gap; events whose `[t, t + gap)` ranges overlap or touch share one session. The gap is an interval
 * string (`'5 minutes'`), or a Column giving each row's gap (rows whose gap is null or not positive are
 * left out). Use it as a grouping key: the column is named `session_window`, a
 * `struct<start: timestamp, end: timestamp>`. Streaming queries group by at least one other key and
 * use append (with a watermark) or complete mode.
 *
 * @example
 * ```ts
 * import { col, count, session_window, when } from 'caudal';
 * events.withWatermark('timestamp', '10 minutes')
 *   .groupBy(session_window(col('timestamp'), '5 minutes'), col('user'))
 *   .count();
 * // A gap per row:
 * events.groupBy(session_window('timestamp', when(col('user').eq('bot'), '10 seconds').otherwise('5 minutes')), 'user')
 *   .agg(count('*').alias('n'));
 * ```
 */
export function session_window(timeColumn: ColumnOrName, gapDuration: string | Column): Column {
  const gap = typeof gapDuration === 'string' ? literalExpr(gapDuration) : gapDuration.expr;
  return new Column({ kind: 'call', name: 'session_window', args: [ref(timeColumn), gap] });
}

/**
 * `window_time(window)`: the event time of a window (its end minus 1 µs), to chain window aggregations.
 *
 * @example
 * ```ts
 * import { col, window, window_time } from 'caudal';
 * const perWindow = events.withWatermark('timestamp', '10 minutes')
 *   .groupBy(window(col('timestamp'), '10 minutes'), col('word'))
 *   .count();
 * perWindow.select(window_time('window').alias('event_time'), col('word'), col('count'));
 * // PySpark: per_window.select(F.window_time("window").alias("event_time"), "word", "count")
 * ```
 */
export function window_time(windowColumn: ColumnOrName): Column {
  return new Column({ kind: 'call', name: 'window_time', args: [ref(windowColumn)] });
}
