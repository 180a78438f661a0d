import type { StreamingQueryProgress } from './progress.ts';

/**
 * A query started (`onQueryStarted`), called before `start()` returns.
 *
 * @example
 * ```ts
 * import type { QueryStartedEvent } from 'caudal';
 * spark.streams.addListener({
 *   onQueryStarted: (e: QueryStartedEvent) => console.log(`${e.name ?? 'query'} ${e.id} started at ${e.timestamp} (run ${e.runId})`),
 * });
 * // PySpark: class L(StreamingQueryListener): def onQueryStarted(self, event): print(event.id, event.runId, event.name)
 * ```
 */
export interface QueryStartedEvent {
  /** The query id (stable across restarts from a checkpoint). */
  readonly id: string;
  /** This run's id. */
  readonly runId: string;
  /** The query name, or null. */
  readonly name: string | null;
  /** When it started (ISO-8601). */
  readonly timestamp: string;
}

/**
 * A trigger finished a batch (`onQueryProgress`).
 *
 * @example
 * ```ts
 * import type { QueryProgressEvent } from 'caudal';
 * spark.streams.addListener({
 *   onQueryProgress: ({ progress }: QueryProgressEvent) => console.log(progress.batchId, progress.numInputRows, progress.durationMs.triggerExecution),
 * });
 * // PySpark: def onQueryProgress(self, event): print(event.progress.batchId, event.progress.numInputRows)
 * ```
 */
export interface QueryProgressEvent {
  /** The batch's progress report. */
  readonly progress: StreamingQueryProgress;
}

/**
 * The query found no new data (`onQueryIdle`, at most once per `noDataProgressEventInterval`).
 *
 * @example
 * ```ts
 * import type { QueryIdleEvent } from 'caudal';
 * spark.streams.addListener({
 *   onQueryIdle: (e: QueryIdleEvent) => console.log(`query ${e.id} is waiting for data since ${e.timestamp}`),
 * });
 * // PySpark: def onQueryIdle(self, event): print(event.id, event.timestamp)
 * ```
 */
export interface QueryIdleEvent {
  /** The query id. */
  readonly id: string;
  /** This run's id. */
  readonly runId: string;
  /** When the idle trigger started (ISO-8601). */
  readonly timestamp: string;
}

/**
 * The query stopped or failed (`onQueryTerminated`).
 *
 * @example
 * ```ts
 * import type { QueryTerminatedEvent } from 'caudal';
 * spark.streams.addListener({
 *   onQueryTerminated: (e: QueryTerminatedEvent) => {
 *     if (e.exception !== null) console.error(`query ${e.id} failed: ${e.exception}`);
 *   },
 * });
 * // PySpark: def onQueryTerminated(self, event): print(event.id, event.exception)
 * ```
 */
export interface QueryTerminatedEvent {
  /** The query id. */
  readonly id: string;
  /** This run's id. */
  readonly runId: string;
  /** The failure's message, or null when the query stopped normally. */
  readonly exception: string | null;
  /** Spark's error class of the failure (always null here). */
  readonly errorClassOnException: string | null;
}

/**
 * Hears about every query of a session (`session.streams.addListener`). All callbacks are optional.
 *
 * @example
 * ```ts
 * spark.streams.addListener({
 *   onQueryStarted: (e) => console.log(`started ${e.name ?? e.id}`),
 *   onQueryProgress: ({ progress }) => console.log(`batch ${progress.batchId}: ${progress.numInputRows} rows`),
 *   onQueryTerminated: (e) => console.log(e.exception ?? 'stopped'),
 * });
 * ```
 */
export interface StreamingQueryListener {
  /** A query started. */
  onQueryStarted?(event: QueryStartedEvent): void;
  /** A query finished a batch. */
  onQueryProgress?(event: QueryProgressEvent): void;
  /** A query is idle, waiting for data. */
  onQueryIdle?(event: QueryIdleEvent): void;
  /** A query stopped or failed. */
  onQueryTerminated?(event: QueryTerminatedEvent): void;
}
