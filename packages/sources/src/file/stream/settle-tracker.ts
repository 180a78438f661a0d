import type { InputFile } from '../listing/list-files.ts';

interface Observation {
  readonly size: number;
  readonly mtime: number;
  /** Wall-clock time when this size and mtime were first listed. */
  readonly since: number;
}

/**
 * Keeps a file that may still be being written out of a batch. A file has settled when its modification
 * time is at least `settleMs` old, or when listings have shown the same size and modification time for
 * at least `settleMs` (which covers a modification time in the future, from another machine's clock).
 * Files dropped in with an atomic rename (the convention) settle `settleMs` after they were written.
 */
export class SettleTracker {
  private readonly observed = new Map<string, Observation>();

  constructor(private readonly settleMs: number) {}

  /** The settled files of a listing, and the time until the first unsettled one may settle (undefined: none). */
  split(files: readonly InputFile[], now: number): { settled: InputFile[]; waitMs: number | undefined } {
    if (this.settleMs <= 0) return { settled: [...files], waitMs: undefined };
    const settled: InputFile[] = [];
    const pending = new Map<string, Observation>();
    let waitMs: number | undefined;
    for (const f of files) {
      const mtime = f.modificationTimeMs;
      if (now - mtime >= this.settleMs) {
        settled.push(f);
        continue;
      }
      const prev = this.observed.get(f.path);
      const same = prev !== undefined && prev.size === f.size && prev.mtime === mtime;
      const since = same ? prev.since : now;
      if (now - since >= this.settleMs) {
        settled.push(f);
        continue;
      }
      pending.set(f.path, { size: f.size, mtime, since });
      const wait = Math.min(this.settleMs - (now - since), this.settleMs - (now - mtime));
      waitMs = waitMs === undefined ? wait : Math.min(waitMs, wait);
    }
    // Only files still unsettled are remembered: the map never outgrows one listing.
    this.observed.clear();
    for (const [path, o] of pending) this.observed.set(path, o);
    return { settled, waitMs: waitMs === undefined ? undefined : Math.max(1, Math.ceil(waitMs)) };
  }
}
