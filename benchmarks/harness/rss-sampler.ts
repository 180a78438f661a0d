/**
 * Peak resident set size of this process. A timer samples it, but a busy micro-batch loop runs on
 * microtasks alone and can starve timers, so callers also offer a sample at every progress event; those
 * are taken at most once per interval, as reading the RSS costs tens of microseconds.
 */
export class RssSampler {
  private peak = 0;
  private timer: NodeJS.Timeout | null = null;
  private intervalNs = 10_000_000n;
  private last = 0n;

  start(intervalMs = 10): void {
    this.intervalNs = BigInt(intervalMs) * 1_000_000n;
    this.sample();
    this.timer = setInterval(() => this.sample(), intervalMs);
    this.timer.unref();
  }

  /** Samples unless the last sample is more recent than the interval. */
  offer(): void {
    if (process.hrtime.bigint() - this.last >= this.intervalNs) this.sample();
  }

  sample(): void {
    this.last = process.hrtime.bigint();
    const rss = process.memoryUsage.rss();
    if (rss > this.peak) this.peak = rss;
  }

  /** Stops sampling; returns the peak in bytes. */
  stop(): number {
    this.sample();
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    return this.peak;
  }
}
