/**
 * Time for triggers, sources and progress. Injectable so tests drive time without sleeping.
 *
 * @example
 * ```ts
 * import { Session, type Clock } from 'caudal';
 * // A clock that runs 10 times faster than the wall clock (e.g. to replay a recorded stream).
 * const start = Date.now();
 * const fast: Clock = {
 *   now: () => start + (Date.now() - start) * 10,
 *   waitUntil: (timeMs, signal) => new Promise((resolve) => {
 *     const timer = setTimeout(resolve, Math.max(0, (timeMs - fast.now()) / 10));
 *     signal.addEventListener('abort', () => { clearTimeout(timer); resolve(); }, { once: true });
 *   }),
 * };
 * const spark = Session.builder().clock(fast).create();
 * ```
 */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Resolves when `now() >= timeMs` or when `signal` aborts (whichever comes first). */
  waitUntil(timeMs: number, signal: AbortSignal): Promise<void>;
}

/**
 * The wall clock (`Date.now()` and timers): what a session uses unless its builder is given another clock.
 *
 * @example
 * ```ts
 * import { Session, SystemClock } from 'caudal';
 * const spark = Session.builder().clock(new SystemClock()).create(); // same as without .clock(...)
 * ```
 */
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

/**
 * A clock that only moves when told to (`advance`, `setTime`); waiters wake when their time comes.
 *
 * @example
 * ```ts
 * import { ManualClock, MemoryStream, STRING, Session, StructType, current_timestamp } from 'caudal';
 * const clock = new ManualClock(Date.UTC(2024, 0, 1, 12));
 * const spark = Session.builder().clock(clock).config('spark.sql.session.timeZone', 'UTC').create();
 * const stream = new MemoryStream(spark, new StructType().add('word', STRING));
 * const query = await stream.toDF().withColumn('at', current_timestamp())
 *   .writeStream.format('memory').queryName('stamped').start();
 * stream.addData([{ word: 'a' }]);
 * await query.processAllAvailable(); // at = 2024-01-01 12:00:00
 * clock.advance(60_000);
 * stream.addData([{ word: 'b' }]);
 * await query.processAllAvailable(); // at = 2024-01-01 12:01:00
 * await spark.stop();
 * ```
 */
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
