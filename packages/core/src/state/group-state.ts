import { AnalysisError } from '../analyzer/analysis-error.ts';
import { durationMs } from '../types/interval.ts';

/**
 * Which timeouts a `[flat]MapGroupsWithState` may set (Spark's GroupStateTimeout).
 *
 * @example
 * ```ts
 * import type { GroupState, GroupStateTimeout, Row } from 'caudal';
 * const timeout: GroupStateTimeout = 'ProcessingTimeTimeout';
 * events.groupByKey((r: Row) => String(r.user)).mapGroupsWithState(
 *   (user: string, rows: readonly Row[], state: GroupState<number>) => {
 *     if (state.hasTimedOut) { state.remove(); return { user, clicks: 0 }; }
 *     state.update((state.getOption() ?? 0) + rows.length);
 *     state.setTimeoutDuration('30 minutes');
 *     return { user, clicks: state.get() };
 *   },
 *   timeout,
 *   'user STRING, clicks BIGINT',
 * );
 * // PySpark: GroupStateTimeout.ProcessingTimeTimeout
 * ```
 */
export type GroupStateTimeout = 'NoTimeout' | 'ProcessingTimeTimeout' | 'EventTimeTimeout';

/**
 * The state of one key in `mapGroupsWithState` / `flatMapGroupsWithState`, as Spark's GroupState.
 * Values must be JSON-like (objects, arrays, numbers, strings, booleans, Dates, Maps, Uint8Arrays):
 * they are written to the checkpoint between batches.
 *
 * @example
 * ```ts
 * import type { GroupState, Row } from 'caudal';
 * interface Visit { start: number; pages: number }
 * // Sessionize page views: a session ends after 10 minutes without events (event time).
 * const sessions = events.withWatermark('timestamp', '10 minutes')
 *   .groupByKey((r: Row) => String(r.user))
 *   .flatMapGroupsWithState('append', 'EventTimeTimeout', (user: string, rows: readonly Row[], state: GroupState<Visit>) => {
 *     if (state.hasTimedOut) {
 *       const s = state.get();
 *       state.remove();
 *       return [{ user, start: new Date(s.start), pages: s.pages }];
 *     }
 *     const times = rows.map((r) => (r.timestamp as Date).getTime());
 *     const s = state.getOption() ?? { start: Math.min(...times), pages: 0 };
 *     state.update({ start: s.start, pages: s.pages + rows.length });
 *     state.setTimeoutTimestamp(Math.max(...times), '10 minutes');
 *     return [];
 *   }, 'user STRING, start TIMESTAMP, pages BIGINT');
 * ```
 */
export interface GroupState<S> {
  /** Whether the key has state. */
  readonly exists: boolean;
  /** The state; throws when there is none. */
  get(): S;
  /** The state, or undefined when there is none. */
  getOption(): S | undefined;
  /** Replaces the key's state (null and undefined are not allowed; use `remove`). */
  update(newState: S): void;
  /** Deletes the key's state (and its timeout). */
  remove(): void;
  /** True when the function is called because this key's timeout fired (with no rows). */
  readonly hasTimedOut: boolean;
  /** Processing-time timeout: fires when the key gets no data for this long (`'10 minutes'` or ms). */
  setTimeoutDuration(duration: number | string): void;
  /** Event-time timeout: fires when the watermark passes this time (ms since epoch or a Date). */
  setTimeoutTimestamp(timestamp: number | Date, additionalDuration?: string): void;
  /** The watermark of the current batch (ms); only with `withWatermark` in the query. */
  getCurrentWatermarkMs(): number;
  /** The current batch's timestamp (ms), the processing time timeouts are measured against. */
  getCurrentProcessingTimeMs(): number;
}

/** The engine's GroupState for one call: reports what the function did to the state. */
export class GroupStateImpl<S> implements GroupState<S> {
  private value: S | undefined;
  private removed = false;
  private updated = false;
  /** Timeout set during this call (ms), NaN for none; undefined = keep what the key had. */
  timeoutAtMs: number | undefined = undefined;

  constructor(
    initial: S | undefined,
    readonly hasTimedOut: boolean,
    private readonly timeout: GroupStateTimeout,
    private readonly watermarkMs: number,
    private readonly processingTimeMs: number,
    private readonly hasWatermark: boolean,
  ) {
    this.value = initial;
  }

  get exists(): boolean {
    return this.value !== undefined;
  }

  get isUpdated(): boolean {
    return this.updated;
  }

  get isRemoved(): boolean {
    return this.removed;
  }

  get(): S {
    if (this.value === undefined) throw new Error('State is either not defined or has already been removed');
    return this.value;
  }

  getOption(): S | undefined {
    return this.value;
  }

  update(newState: S): void {
    if (newState === null || newState === undefined) throw new Error("'null' is not a valid state value");
    this.value = newState;
    this.updated = true;
    this.removed = false;
  }

  remove(): void {
    this.value = undefined;
    this.removed = true;
    this.updated = false;
    this.timeoutAtMs = NaN;
  }

  setTimeoutDuration(duration: number | string): void {
    if (this.timeout !== 'ProcessingTimeTimeout') {
      throw new Error('Cannot set timeout duration without enabling processing time timeout in [map|flatMap]GroupsWithState');
    }
    const ms = typeof duration === 'number' ? duration : durationMs(duration, 'timeout duration');
    if (!(ms > 0)) throw new Error(`Timeout duration must be positive, got ${String(duration)}`);
    this.timeoutAtMs = this.processingTimeMs + ms;
  }

  setTimeoutTimestamp(timestamp: number | Date, additionalDuration?: string): void {
    if (this.timeout !== 'EventTimeTimeout') {
      throw new Error('Cannot set timeout timestamp without enabling event time timeout in [map|flatMap]GroupsWithState');
    }
    let ms = timestamp instanceof Date ? timestamp.getTime() : timestamp;
    if (additionalDuration !== undefined) ms += durationMs(additionalDuration, 'additional duration');
    if (this.hasWatermark && ms <= this.watermarkMs) {
      throw new Error(`Timeout timestamp (${ms}) cannot be earlier than the current watermark (${this.watermarkMs})`);
    }
    this.timeoutAtMs = ms;
  }

  getCurrentWatermarkMs(): number {
    if (!this.hasWatermark) {
      throw new AnalysisError('Cannot get event time watermark timestamp without setting watermark before [map|flatMap]GroupsWithState');
    }
    return this.watermarkMs;
  }

  getCurrentProcessingTimeMs(): number {
    return this.processingTimeMs;
  }
}
