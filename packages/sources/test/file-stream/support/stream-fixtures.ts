import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Session, type DataFrame, type Row, type StreamingQuery } from 'caudal';

/** A fixed past instant: files stamped from it are long settled, and their order is the test's to choose. */
export const T0 = Date.UTC(2024, 0, 1, 12, 0, 0);

/** A temporary folder with `input/`, `checkpoint/` and whatever else a test needs; `remove` deletes it all. */
export class StreamDir {
  readonly input: string;
  readonly checkpoint: string;

  private constructor(readonly root: string) {
    this.input = join(root, 'input');
    this.checkpoint = join(root, 'checkpoint');
    mkdirSync(this.input);
  }

  static create(): StreamDir {
    return new StreamDir(mkdtempSync(join(tmpdir(), 'caudal-file-stream-')));
  }

  path(...parts: string[]): string {
    return join(this.root, ...parts);
  }

  /** Writes `input/<name>` and stamps it `mtimeMs` (default: now), so tests fix the processing order. */
  write(name: string, content: string | Uint8Array, mtimeMs?: number): string {
    const path = join(this.input, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
    if (mtimeMs !== undefined) utimesSync(path, mtimeMs / 1000, mtimeMs / 1000);
    return path;
  }

  remove(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}

/** Rows as arrays of values in column order: exact and easy to compare. */
export function values(rows: readonly Row[]): unknown[][] {
  return rows.map((r) => Object.values(r));
}

/** Collects each micro-batch's rows by batch id (a foreachBatch sink), to check exact batch composition. */
export class BatchRecorder {
  readonly batches = new Map<number, unknown[][]>();

  readonly sink = async (df: DataFrame, batchId: number): Promise<void> => {
    this.batches.set(batchId, values(await df.collect()));
  };

  /** Every batch's rows, in batch-id order. */
  list(): unknown[][][] {
    return [...this.batches.keys()].sort((a, b) => a - b).map((id) => this.batches.get(id)!);
  }
}

/** An independent session and the cleanups a test registers; `close` runs them in reverse. */
export class TestContext {
  private readonly cleanups: (() => void | Promise<void>)[] = [];

  session(): Session {
    const session = Session.builder().appName('file-stream-test').create();
    this.cleanups.push(() => session.stop());
    return session;
  }

  dir(): StreamDir {
    const d = StreamDir.create();
    this.cleanups.push(() => d.remove());
    return d;
  }

  query(q: StreamingQuery): StreamingQuery {
    this.cleanups.push(() => q.stop());
    return q;
  }

  async close(): Promise<void> {
    for (const c of this.cleanups.splice(0).reverse()) await c();
  }
}

/** The error a promise rejects with. */
export async function rejectionOf(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (e) {
    if (e instanceof Error) return e;
    throw new Error(`rejected with a non-Error: ${String(e)}`);
  }
  throw new Error('expected a rejection');
}

/** The error a function throws. */
export function errorOf(f: () => unknown): Error {
  try {
    f();
  } catch (e) {
    if (e instanceof Error) return e;
    throw new Error(`threw a non-Error: ${String(e)}`);
  }
  throw new Error('expected an error');
}
