/**
 * Time for triggers, sources and progress. Injectable so tests drive time without sleeping.
 */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Resolves when `now() >= timeMs` or when `signal` aborts (whichever comes first). */
  waitUntil(timeMs: number, signal: AbortSignal): Promise<void>;
}

export class SystemClock implements Clock {
  now(): number {
    return Date.now();
  }

  waitUntil(timeMs: number, signal: AbortSignal): Promise<void> {
    const delay = timeMs - Date.now();
    if (delay <= 0 || signal.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, delay);
      signal.addEventListener('abort', done, { once: true });
    });
  }
}

/** A clock that only moves when told to (`advance`, `setTime`); waiters wake when their time comes. */
export class ManualClock implements Clock {
  private time: number;
  private waiters: { at: number; resolve: () => void }[] = [];

  constructor(startMs = 0) {
    this.time = startMs;
  }

  now(): number {
    return this.time;
  }

  /** Moves time forward by `ms` and wakes whoever waits for a time now reached. */
  advance(ms: number): void {
    this.setTime(this.time + ms);
  }

  /** Sets the time and wakes whoever waits for a time now reached. */
  setTime(ms: number): void {
    this.time = ms;
    const due = this.waiters.filter((w) => w.at <= ms);
    this.waiters = this.waiters.filter((w) => w.at > ms);
    for (const w of due) w.resolve();
  }

  /** True when something is waiting for a future time (a trigger between batches). */
  isWaiting(): boolean {
    return this.waiters.length > 0;
  }

  waitUntil(timeMs: number, signal: AbortSignal): Promise<void> {
    if (timeMs <= this.time || signal.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const waiter = { at: timeMs, resolve: (): void => { signal.removeEventListener('abort', onAbort); resolve(); } };
      const onAbort = (): void => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        resolve();
      };
      this.waiters.push(waiter);
      signal.addEventListener('abort', onAbort, { once: true });
    });
  }
}
