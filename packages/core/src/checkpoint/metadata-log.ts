import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from './atomic-file.ts';

const VERSION = 1;

/**
 * A directory of numbered entries (`offsets/0`, `offsets/1`, ...), each a text file that starts with
 * `v1` and then holds JSON lines a person can read. An entry is written once, atomically.
 */
export class MetadataLog<T> {
  constructor(
    readonly dir: string,
    private readonly serialize: (value: T) => string[],
    private readonly deserialize: (lines: string[], path: string) => T,
  ) {
    mkdirSync(dir, { recursive: true });
  }

  /** Writes entry `batchId`; fails if it exists (another query is writing this checkpoint). */
  add(batchId: number, value: T): void {
    const path = join(this.dir, String(batchId));
    if (existsSync(path)) {
      throw new Error(`Concurrent update to the log. Multiple streaming jobs detected for ${batchId} (${path})`);
    }
    writeFileAtomic(path, [`v${VERSION}`, ...this.serialize(value)].join('\n') + '\n');
  }

  get(batchId: number): T | undefined {
    const path = join(this.dir, String(batchId));
    if (!existsSync(path)) return undefined;
    const lines = readFileSync(path, 'utf8').split('\n');
    if (lines[lines.length - 1] === '') lines.pop();
    const header = lines.shift() ?? '';
    const m = /^v(\d+)$/.exec(header);
    if (!m) throw new Error(`Log file ${path} is not a checkpoint log file: it should start with 'v${VERSION}', found '${header.slice(0, 20)}'`);
    if (Number(m[1]) > VERSION) {
      throw new Error(`Log file ${path} was written by a newer version (v${m[1]}); this version reads up to v${VERSION}`);
    }
    return this.deserialize(lines, path);
  }

  batchIds(): number[] {
    return readdirSync(this.dir).filter((n) => /^\d+$/.test(n)).map(Number).sort((a, b) => a - b);
  }

  latest(): { batchId: number; value: T } | undefined {
    const ids = this.batchIds();
    const last = ids[ids.length - 1];
    if (last === undefined) return undefined;
    return { batchId: last, value: this.get(last)! };
  }

  /** Deletes entries below `minBatchId` (old batches no restart will need). */
  purge(minBatchId: number): void {
    for (const id of this.batchIds()) if (id < minBatchId) rmSync(join(this.dir, String(id)), { force: true });
  }
}
