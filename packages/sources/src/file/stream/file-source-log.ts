import { randomUUID } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** One file a log batch took (Spark's `FileEntry`). `timestamp` is its modification time in whole milliseconds. */
export interface FileEntry {
  readonly path: string;
  readonly timestamp: number;
  readonly batchId: number;
}

/** Spark's `spark.sql.streaming.fileSource.log.compactInterval` default. */
export const DEFAULT_SOURCE_LOG_COMPACT_INTERVAL = 10;

const VERSION = 1;
const DELTA = /^\d+$/;
const COMPACT = /^(\d+)\.compact$/;

interface EntryName {
  readonly name: string;
  readonly batchId: number;
}

/**
 * The file source's log (Spark's `FileStreamSourceLog`) in `<checkpoint>/sources/<id>/`: log batch `n` is
 * the file `n`, a `v1` line then one JSON line per file, `{"path":"/in/a.json","timestamp":1700000000000,"batchId":n}`,
 * published atomically (temporary file, then rename). Every `compactInterval`-th batch (9, 19, ... for 10) is
 * written as `n.compact` holding every entry so far instead, and the entries before it are deleted, so a
 * restart reads one compact file and a few deltas.
 *
 * Invariant: a file appears in exactly one log batch, and a log batch, once written, never changes: replaying
 * the offset range (a, b] reads exactly the files of log batches a+1..b.
 */
export class FileSourceLog {
  private readonly compactInterval: number;
  private latest: number;
  /** The last compact file read, kept because getBatch of the batches around it would read it again. */
  private compactCache: { name: string; entries: FileEntry[] } | undefined;

  constructor(readonly dir: string, compactInterval = DEFAULT_SOURCE_LOG_COMPACT_INTERVAL) {
    if (!Number.isSafeInteger(compactInterval) || compactInterval < 1) {
      throw new Error(`The file source log's compact interval must be a positive integer, got ${compactInterval}`);
    }
    this.compactInterval = compactInterval;
    mkdirSync(dir, { recursive: true });
    this.latest = listEntries(dir).at(-1)?.batchId ?? -1;
  }

  /** The last log batch written, or -1. */
  latestBatchId(): number {
    return this.latest;
  }

  /** Writes log batch `batchId` (the next one); fails when it exists: another query is using this checkpoint. */
  add(batchId: number, entries: readonly FileEntry[]): void {
    const delta = join(this.dir, String(batchId));
    if (existsSync(delta) || existsSync(`${delta}.compact`)) {
      throw new Error(`Concurrent update to the log. Multiple streaming jobs detected for ${batchId} (${this.dir})`);
    }
    if ((batchId + 1) % this.compactInterval === 0) {
      const all = [...this.entriesThrough(batchId - 1), ...entries];
      writeAtomic(`${delta}.compact`, all);
      this.compactCache = { name: `${batchId}.compact`, entries: all };
      // Everything before is in the compact file now.
      for (const e of listEntries(this.dir)) if (e.batchId < batchId) rmSync(join(this.dir, e.name), { force: true });
    } else {
      writeAtomic(delta, entries);
    }
    this.latest = Math.max(this.latest, batchId);
  }

  /** The files of log batches `after + 1` through `through`, in log order. */
  range(after: number, through: number): FileEntry[] {
    if (through <= after) return [];
    const out: FileEntry[] = [];
    for (const e of this.chosenEntries(through)) {
      if (e.batchId <= after) continue;
      const entries = this.read(e);
      for (const f of entries) if (f.batchId > after && f.batchId <= through) out.push(f);
    }
    return out;
  }

  /** Every file of every log batch through `through` (all of them by default). */
  entriesThrough(through = Number.POSITIVE_INFINITY): FileEntry[] {
    return this.range(-1, through);
  }

  /** The entries to read for batches up to `through`: the newest compact file at or below it, then the deltas after it. */
  private chosenEntries(through: number): EntryName[] {
    const entries = listEntries(this.dir).filter((e) => e.batchId <= through || COMPACT.test(e.name));
    let base = -1;
    for (const e of entries) if (COMPACT.test(e.name)) base = e.batchId;
    return entries.filter((e) => (COMPACT.test(e.name) ? e.batchId === base : e.batchId > base && e.batchId <= through));
  }

  private read(e: EntryName): FileEntry[] {
    if (this.compactCache?.name === e.name) return this.compactCache.entries;
    const entries = readEntry(join(this.dir, e.name));
    if (COMPACT.test(e.name)) this.compactCache = { name: e.name, entries };
    return entries;
  }
}

function listEntries(dir: string): EntryName[] {
  const out: EntryName[] = [];
  for (const name of readdirSync(dir)) {
    if (DELTA.test(name)) out.push({ name, batchId: Number(name) });
    else {
      const m = COMPACT.exec(name);
      if (m) out.push({ name, batchId: Number(m[1]) });
    }
  }
  return out.sort((a, b) => a.batchId - b.batchId);
}

function writeAtomic(path: string, entries: readonly FileEntry[]): void {
  const lines = entries.map((e) => JSON.stringify({ path: e.path, timestamp: e.timestamp, batchId: e.batchId }));
  const text = [`v${VERSION}`, ...lines].join('\n') + '\n';
  const tmp = join(dirname(path), `.${basename(path)}.${randomUUID()}.tmp`);
  const fd = openSync(tmp, 'wx');
  try {
    writeSync(fd, text);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
}

function readEntry(path: string): FileEntry[] {
  const lines = readFileSync(path, 'utf8').split('\n');
  const header = lines.shift() ?? '';
  const m = /^v(\d+)$/.exec(header);
  if (!m) throw new Error(`File source log ${path} is damaged: it should start with 'v${VERSION}', found '${header.slice(0, 20)}'`);
  if (Number(m[1]) > VERSION) {
    throw new Error(`File source log ${path} was written by a newer version (v${m[1]}); this version reads up to v${VERSION}`);
  }
  return lines.filter((l) => l !== '').map((l) => parseEntry(l, path));
}

function parseEntry(line: string, path: string): FileEntry {
  let v: unknown;
  try {
    v = JSON.parse(line);
  } catch {
    throw new Error(`File source log ${path} is damaged: expected a JSON line, found '${line.slice(0, 60)}'`);
  }
  const o = (typeof v === 'object' && v !== null ? v : {}) as Partial<Record<keyof FileEntry, unknown>>;
  if (typeof o.path !== 'string' || typeof o.timestamp !== 'number' || typeof o.batchId !== 'number') {
    throw new Error(`File source log ${path} is damaged: expected {"path","timestamp","batchId"}, found '${line.slice(0, 80)}'`);
  }
  return { path: o.path, timestamp: o.timestamp, batchId: o.batchId };
}
