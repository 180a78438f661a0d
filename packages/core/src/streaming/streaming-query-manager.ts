import { AnalysisError } from '../analyzer/analysis-error.ts';
import type { StreamingQueryListener } from './listener.ts';
import type { StreamingQuery } from './streaming-query.ts';
import type { StreamingQueryException } from './streaming-query-exception.ts';

/**
 * `session.streams`: the session's active queries and listeners.
 *
 * @example
 * ```ts
 * spark.streams.addListener({ onQueryProgress: ({ progress }) => console.log(progress.json) });
 * console.log(spark.streams.active.map((q) => q.name));
 * await spark.streams.awaitAnyTermination();
 * ```
 */
export class StreamingQueryManager {
  private readonly activeQueries = new Map<string, StreamingQuery>();
  private readonly listenerList: StreamingQueryListener[] = [];
  private lastTerminated: { query: StreamingQuery; error: StreamingQueryException | null } | null = null;
  private anyTerminatedWaiters: (() => void)[] = [];

  /** The session's active queries. */
  get active(): StreamingQuery[] {
    return [...this.activeQueries.values()];
  }

  /** The active query with this id, or null. */
  get(id: string): StreamingQuery | null {
    return this.activeQueries.get(id) ?? null;
  }

  /** Registers a listener for every query of the session. */
  addListener(listener: StreamingQueryListener): void {
    this.listenerList.push(listener);
  }

  /** Unregisters a listener. */
  removeListener(listener: StreamingQueryListener): void {
    const i = this.listenerList.indexOf(listener);
    if (i >= 0) this.listenerList.splice(i, 1);
  }

  /** The registered listeners. */
  listListeners(): StreamingQueryListener[] {
    return [...this.listenerList];
  }

  /**
   * Waits until any query has terminated since the last `resetTerminated()`; rejects with its exception
   * if it failed. With a timeout, resolves to whether one terminated in time.
   */
  async awaitAnyTermination(timeoutMs?: number): Promise<boolean> {
    if (!this.lastTerminated) {
      const done = new Promise<void>((resolve) => this.anyTerminatedWaiters.push(resolve));
      if (timeoutMs === undefined) await done;
      else {
        let timer: NodeJS.Timeout | undefined;
        const ok = await Promise.race([done.then(() => true), new Promise<boolean>((r) => { timer = setTimeout(() => r(false), timeoutMs); })]);
        clearTimeout(timer);
        if (!ok) return false;
      }
    }
    const error = this.lastTerminated?.error;
    if (error) throw error;
    return true;
  }

  /** Forgets terminated queries, so `awaitAnyTermination` waits for the next one. */
  resetTerminated(): void {
    this.lastTerminated = null;
  }

  /** @internal */
  register(query: StreamingQuery): void {
    for (const q of this.activeQueries.values()) {
      if (q.id === query.id) {
        throw new AnalysisError(
          `Cannot start query with id ${query.id} as another query with same id is already active. Perhaps you are attempting to restart a query from checkpoint that is already active.`,
        );
      }
    }
    this.activeQueries.set(query.id, query);
  }

  /** @internal */
  checkNameFree(name: string | null): void {
    if (name === null) return;
    for (const q of this.activeQueries.values()) {
      if (q.name === name) throw new AnalysisError(`Cannot start query with name ${name} as a query with that name is already active in this session`);
    }
  }

  /** @internal */
  isIdActive(id: string): boolean {
    return this.activeQueries.has(id);
  }

  /** @internal */
  terminated(query: StreamingQuery, error: StreamingQueryException | null): void {
    this.activeQueries.delete(query.id);
    this.lastTerminated = { query, error };
    const waiters = this.anyTerminatedWaiters;
    this.anyTerminatedWaiters = [];
    for (const w of waiters) w();
  }

  /** @internal */
  async stopAll(): Promise<void> {
    await Promise.all(this.active.map((q) => q.stop()));
  }
}
