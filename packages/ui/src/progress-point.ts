import type { StreamingQueryProgress } from '@caudal/core';

/**
 * The numbers of one progress report that the dashboard charts (NaN rates become null, as in JSON).
 *
 * @example
 * ```ts
 * import { startDashboard } from 'caudal';
 * import type { ProgressPoint, QueryDetail } from '@caudal/ui';
 * const dashboard = await startDashboard(spark, { port: 0 });
 * const detail = (await (await fetch(`${dashboard.url}api/queries/${query.runId}`)).json()) as QueryDetail;
 * const points: readonly ProgressPoint[] = detail.points;
 * for (const p of points) console.log(`batch ${p.batchId}: ${p.batchDuration} ms, ${p.numInputRows} rows in, ${p.stateRows} rows in state`);
 * ```
 */
export interface ProgressPoint {
  readonly batchId: number;
  /** Trigger start, ms since the epoch (`progress.timestamp`). */
  readonly timestamp: number;
  readonly numInputRows: number;
  readonly inputRowsPerSecond: number | null;
  readonly processedRowsPerSecond: number | null;
  /** `batchDuration` (the trigger's whole execution), ms. */
  readonly batchDuration: number;
  /** `durationMs`: the batch's phases (latestOffset, walCommit, getBatch, addBatch, ...), ms. */
  readonly durationMs: Readonly<Record<string, number>>;
  /** Rows held by all stateful operators (sum of `stateOperators[].numRowsTotal`). */
  readonly stateRows: number;
  /** `eventTime.watermark`, ms since the epoch; null for a query without `withWatermark`. */
  readonly watermark: number | null;
  /** `eventTime.max`: the latest event time of the batch, ms; null when the batch had no rows. */
  readonly maxEventTime: number | null;
}

/** Extracts the charted numbers from a progress report. */
export function toProgressPoint(p: StreamingQueryProgress): ProgressPoint {
  return {
    batchId: p.batchId,
    timestamp: Date.parse(p.timestamp),
    numInputRows: p.numInputRows,
    inputRowsPerSecond: finiteOrNull(p.inputRowsPerSecond),
    processedRowsPerSecond: finiteOrNull(p.processedRowsPerSecond),
    batchDuration: p.batchDuration,
    durationMs: { ...p.durationMs },
    stateRows: p.stateOperators.reduce((n, s) => n + s.numRowsTotal, 0),
    watermark: isoOrNull(p.eventTime.watermark),
    maxEventTime: isoOrNull(p.eventTime.max),
  };
}

function finiteOrNull(n: number): number | null {
  return Number.isFinite(n) ? n : null;
}

function isoOrNull(s: string | undefined): number | null {
  return s === undefined ? null : Date.parse(s);
}
