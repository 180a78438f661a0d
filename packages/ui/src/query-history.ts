import type {
  QueryProgressEvent, QueryStartedEvent, QueryTerminatedEvent, StreamingQuery, StreamingQueryListener,
  StreamingQueryManager, StreamingQueryProgress,
} from '@caudal/core';
import { toProgressPoint, type ProgressPoint } from './progress-point.ts';

/**
 * `active` until the run ends; then `finished`, or `failed` when it ended with an exception.
 *
 * @example
 * ```ts
 * import { startDashboard } from 'caudal';
 * import type { QueryRunStatus, QuerySummary } from '@caudal/ui';
 * const dashboard = await startDashboard(spark, { port: 0 });
 * const res = await fetch(`${dashboard.url}api/queries`);
 * const { queries } = (await res.json()) as { queries: QuerySummary[] };
 * const failed: QueryRunStatus = 'failed';
 * for (const q of queries.filter((x) => x.status === failed)) console.error(q.name ?? q.id, q.error);
 * ```
 */
export type QueryRunStatus = 'active' | 'finished' | 'failed';

/**
 * One run of a query as the dashboard's first page lists it.
 *
 * @example
 * ```ts
 * import { startDashboard } from 'caudal';
 * import type { QuerySummary } from '@caudal/ui';
 * const dashboard = await startDashboard(spark, { port: 0 });
 * // The dashboard's JSON API lists every run it knows.
 * const res = await fetch(`${dashboard.url}api/queries`);
 * const { app, queries } = (await res.json()) as { app: string; queries: QuerySummary[] };
 * for (const q of queries) console.log(app, q.name ?? q.id, q.status, q.latestBatchId, q.inputRowsPerSecond);
 * ```
 */
export interface QuerySummary {
  readonly id: string;
  readonly runId: string;
  readonly name: string | null;
  readonly status: QueryRunStatus;
  /** When the run started (ISO-8601). */
  readonly startedAt: string;
  /** Progress reports (batches) received in this run. */
  readonly batches: number;
  readonly latestBatchId: number | null;
  /** The latest progress's rates; null before the first batch or when Spark's JSON would omit them (NaN). */
  readonly inputRowsPerSecond: number | null;
  readonly processedRowsPerSecond: number | null;
  /** The exception message the run ended with, or null. */
  readonly error: string | null;
}

/**
 * Everything the page of one run shows.
 *
 * @example
 * ```ts
 * import { startDashboard } from 'caudal';
 * import type { QueryDetail } from '@caudal/ui';
 * const dashboard = await startDashboard(spark, { port: 0 });
 * // One run's page data, by run id.
 * const res = await fetch(`${dashboard.url}api/queries/${query.runId}`);
 * const detail = (await res.json()) as QueryDetail;
 * console.log(detail.summary.status, detail.points.length, detail.explain);
 * ```
 */
export interface QueryDetail {
  readonly summary: QuerySummary;
  /** The retained history, oldest first. */
  readonly points: readonly ProgressPoint[];
  /** The latest progress in Spark's JSON shape (`lastProgress`), or null. */
  readonly lastProgress: Record<string, unknown> | null;
  /** `query.explainString(true)`, or null when the query object is unknown. */
  readonly explain: string | null;
}

/** How much the history keeps. */
export interface HistoryLimits {
  /** Finished runs kept (oldest dropped first); active runs are always kept. */
  readonly retainedQueries: number;
  /** Progress reports kept per run (oldest dropped first). */
  readonly retainedProgressUpdates: number;
}

interface RunRecord {
  readonly id: string;
  readonly runId: string;
  readonly name: string | null;
  readonly startedAt: string;
  query: StreamingQuery | null;
  status: QueryRunStatus;
  error: string | null;
  batches: number;
  lastProgress: StreamingQueryProgress | null;
  /** Points with the change number each arrived at, oldest first. */
  readonly points: { readonly seq: number; readonly point: ProgressPoint }[];
  /** The change number of the record's last change. */
  changed: number;
}

/**
 * A StreamingQueryListener that keeps a bounded, in-memory history of a session's query runs (keyed by
 * run id, so a restarted query is a new run). Every event bumps a change number (`seq`), so a reader can
 * ask for what changed since the number it last saw.
 */
export class QueryHistory implements StreamingQueryListener {
  private readonly runs = new Map<string, RunRecord>();
  private seqValue = 0;
  private readonly changeListeners = new Set<() => void>();

  constructor(private readonly streams: StreamingQueryManager, private readonly limits: HistoryLimits) {
    // Queries already running when the dashboard starts are shown with the progress they still hold.
    for (const q of streams.active) {
      // Its start time is not known: its first retained batch's is the closest.
      const timestamp = q.recentProgress[0]?.timestamp ?? new Date().toISOString();
      const r = this.record({ id: q.id, runId: q.runId, name: q.name, timestamp });
      r.query = q;
      for (const p of q.recentProgress) this.addProgress(r, p);
    }
  }

  /** The number of the latest change. */
  get seq(): number {
    return this.seqValue;
  }

  /** Calls `fn` after every change; returns a function that stops calling it. */
  onChange(fn: () => void): () => void {
    this.changeListeners.add(fn);
    return () => this.changeListeners.delete(fn);
  }

  onQueryStarted(event: QueryStartedEvent): void {
    const r = this.record(event);
    r.query = this.streams.get(event.id);
    this.touch(r);
  }

  onQueryProgress(event: QueryProgressEvent): void {
    const p = event.progress;
    const r = this.runs.get(p.runId) ?? this.record({ id: p.id, runId: p.runId, name: p.name, timestamp: p.timestamp });
    r.query ??= this.streams.get(p.id);
    this.addProgress(r, p);
    this.touch(r);
  }

  onQueryTerminated(event: QueryTerminatedEvent): void {
    const r = this.runs.get(event.runId);
    if (!r) return;
    r.status = event.exception === null ? 'finished' : 'failed';
    r.error = event.exception;
    this.touch(r);
    this.evictFinished();
  }

  /** Every retained run: active ones first, then finished ones, each group newest first. */
  summaries(): QuerySummary[] {
    const all = [...this.runs.values()].reverse();
    return [...all.filter((r) => r.status === 'active'), ...all.filter((r) => r.status !== 'active')].map(summarize);
  }

  /** The run's page, with only the points that arrived after change `since` (all of them by default). */
  detail(runId: string, since = -1): QueryDetail | null {
    const r = this.runs.get(runId);
    if (!r) return null;
    return {
      summary: summarize(r),
      points: r.points.filter((x) => x.seq > since).map((x) => x.point),
      lastProgress: r.lastProgress ? r.lastProgress.toJSON() : null,
      explain: r.query ? r.query.explainString(true) : null,
    };
  }

  /** Whether the run changed after change `since`. */
  changedSince(runId: string, since: number): boolean {
    return (this.runs.get(runId)?.changed ?? -1) > since;
  }

  private record(e: { id: string; runId: string; name: string | null; timestamp: string }): RunRecord {
    let r = this.runs.get(e.runId);
    if (!r) {
      r = {
        id: e.id, runId: e.runId, name: e.name, startedAt: e.timestamp, query: null, status: 'active', error: null,
        batches: 0, lastProgress: null, points: [], changed: this.seqValue,
      };
      this.runs.set(e.runId, r);
    }
    return r;
  }

  private addProgress(r: RunRecord, p: StreamingQueryProgress): void {
    r.batches++;
    r.lastProgress = p;
    r.points.push({ seq: ++this.seqValue, point: toProgressPoint(p) });
    if (r.points.length > this.limits.retainedProgressUpdates) r.points.splice(0, r.points.length - this.limits.retainedProgressUpdates);
  }

  private touch(r: RunRecord): void {
    r.changed = ++this.seqValue;
    for (const fn of this.changeListeners) fn();
  }

  private evictFinished(): void {
    const finished = [...this.runs.values()].filter((r) => r.status !== 'active');
    for (const r of finished.slice(0, Math.max(0, finished.length - this.limits.retainedQueries))) this.runs.delete(r.runId);
  }
}

function summarize(r: RunRecord): QuerySummary {
  const last = r.lastProgress;
  return {
    id: r.id,
    runId: r.runId,
    name: r.name,
    status: r.status,
    startedAt: r.startedAt,
    batches: r.batches,
    latestBatchId: last ? last.batchId : null,
    inputRowsPerSecond: last && Number.isFinite(last.inputRowsPerSecond) ? last.inputRowsPerSecond : null,
    processedRowsPerSecond: last && Number.isFinite(last.processedRowsPerSecond) ? last.processedRowsPerSecond : null,
    error: r.error,
  };
}
