import type { Session, StreamingQueryListener, StreamingQueryProgress } from 'caudal';

/**
 * Hears every progress report of a session's queries, so a test waits for batches the way a user's
 * listener would: woken by the engine, not by polling. Waiters fail when a query terminates with an error.
 */
export class ProgressWatch {
  readonly reports: StreamingQueryProgress[] = [];
  private inputRows = 0;
  private failure: Error | null = null;
  private waiters: { ready: () => boolean; resolve: () => void; reject: (e: Error) => void }[] = [];
  private readonly listener: StreamingQueryListener = {
    onQueryProgress: ({ progress }) => {
      this.reports.push(progress);
      this.inputRows += progress.numInputRows;
      this.wake();
    },
    onQueryTerminated: ({ exception }) => {
      if (exception === null) return;
      this.failure = new Error(`the query failed: ${exception}`);
      this.wake();
    },
  };

  constructor(private readonly session: Session) {
    session.streams.addListener(this.listener);
  }

  /** Rows read by all batches reported so far. */
  get totalInputRows(): number {
    return this.inputRows;
  }

  /** Resolves once the batches reported have read at least `n` rows in all. */
  untilInputRows(n: number): Promise<void> {
    return this.until(() => this.inputRows >= n);
  }

  /** Resolves once some report satisfies `test`. */
  untilReport(test: (p: StreamingQueryProgress) => boolean): Promise<void> {
    return this.until(() => this.reports.some(test));
  }

  close(): void {
    this.session.streams.removeListener(this.listener);
  }

  private until(ready: () => boolean): Promise<void> {
    if (ready()) return Promise.resolve();
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => this.waiters.push({ ready, resolve, reject }));
  }

  private wake(): void {
    const waiting = this.waiters;
    this.waiters = [];
    for (const w of waiting) {
      if (w.ready()) w.resolve();
      else if (this.failure) w.reject(this.failure);
      else this.waiters.push(w);
    }
  }
}
