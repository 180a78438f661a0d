import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock, type Clock, type SourceContext } from '@caudal/core';

/** A real temporary directory standing in for `<checkpoint>/sources/<id>`; remove it with `cleanup`. */
export async function tempDir(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'caudal-sources-'));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/**
 * What `ctx.notifyDataAvailable()` reports, so tests wait for a push source's data the way the engine does:
 * woken by the source, not by polling.
 */
export class DataSignal {
  private count = 0;
  private waiters: (() => void)[] = [];

  readonly notify = (): void => {
    this.count++;
    for (const w of this.waiters.splice(0)) w();
  };

  get notifications(): number {
    return this.count;
  }

  /** Resolves once there has been a notification after the first `seen` ones. */
  after(seen: number): Promise<void> {
    if (this.count > seen) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }
}

export function sourceContext(clock: Clock, metadataDir: string, signal = new DataSignal()): SourceContext {
  return { clock, metadataDir, conf: () => undefined, notifyDataAvailable: signal.notify, stopSignal: new AbortController().signal };
}

export function manualContext(startMs: number, metadataDir: string): { clock: ManualClock; ctx: SourceContext } {
  const clock = new ManualClock(startMs);
  return { clock, ctx: sourceContext(clock, metadataDir) };
}
