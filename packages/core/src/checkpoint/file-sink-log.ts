import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { writeFileAtomic } from './atomic-file.ts';

/**
 * The folder, inside a file sink's output folder, that holds its manifest (Spark's `_spark_metadata`).
 *
 * @example
 * ```ts
 * import { existsSync } from 'node:fs';
 * import { join } from 'node:path';
 * import { FILE_SINK_METADATA_DIR } from 'caudal';
 * const manifest = join('out/events', FILE_SINK_METADATA_DIR); // 'out/events/_caudal_metadata'
 * if (existsSync(manifest)) console.log('out/events is the output of a file sink'); // Spark: _spark_metadata
 * ```
 */
export const FILE_SINK_METADATA_DIR = '_caudal_metadata';

/**
 * Spark's `spark.sql.streaming.fileSink.log.compactInterval` default.
 *
 * @example
 * ```ts
 * import { DEFAULT_FILE_SINK_COMPACT_INTERVAL } from 'caudal';
 * // Batches 9, 19, 29, ... write <id>.compact unless spark.sql.streaming.fileSink.log.compactInterval says otherwise.
 * const compactInterval = Number(spark.conf.get('spark.sql.streaming.fileSink.log.compactInterval', String(DEFAULT_FILE_SINK_COMPACT_INTERVAL)));
 * ```
 */
export const DEFAULT_FILE_SINK_COMPACT_INTERVAL = 10;

/**
 * One line of a manifest entry, as Spark's `SinkFileStatus`. `path` is relative to the output folder,
 * with `/` separators and the partition folders as they are on disk (`country=ES/part-00000-<uuid>.c000.json`),
 * so the output folder can be moved or copied; absolute paths are read too.
 *
 * @example
 * ```ts
 * import { FileSinkLog, type SinkFileStatus } from 'caudal';
 * // The files batch 0 of a file sink wrote (out/events/_caudal_metadata/0).
 * const entries: readonly SinkFileStatus[] = new FileSinkLog('out/events').get(0) ?? [];
 * for (const e of entries) console.log(e.action, e.path, e.size); // add country=ES/part-00000-<uuid>.c000.json 1234
 * ```
 */
export interface SinkFileStatus {
  /** Relative to the output folder (`/` separators), or absolute. */
  readonly path: string;
  /** File size in bytes. */
  readonly size: number;
  /** Always false for data files. */
  readonly isDir: boolean;
  /** Milliseconds since the epoch. */
  readonly modificationTime: number;
  /** Spark's HDFS replication field (1 here), kept so Spark can read the manifest. */
  readonly blockReplication: number;
  /** Spark's HDFS block size field, kept so Spark can read the manifest. */
  readonly blockSize: number;
  /** A `delete` entry (Spark writes them for retention) cancels an earlier `add` of the same path. */
  readonly action: 'add' | 'delete';
}

/**
 * A committed data file, for readers.
 *
 * @example
 * ```ts
 * import { FileSinkLog, type CommittedFile } from 'caudal';
 * const files: CommittedFile[] = FileSinkLog.readCommittedEntries('out/events') ?? [];
 * const bytes = files.reduce((n, f) => n + f.size, 0);
 * ```
 */
export interface CommittedFile {
  /** Absolute path. */
  readonly path: string;
  /** File size in bytes. */
  readonly size: number;
  /** Last modification, ms since the epoch. */
  readonly modificationTimeMs: number;
}

/**
 * How a file sink's manifest is compacted and cleaned.
 *
 * @example
 * ```ts
 * import { FileSinkLog, type FileSinkLogSettings } from 'caudal';
 * const settings: FileSinkLogSettings = { compactInterval: 5, deleteOldEntries: false };
 * const log = new FileSinkLog('out/events', settings);
 * ```
 */
export interface FileSinkLogSettings {
  /** Every `compactInterval`-th batch (ids 9, 19, ... for 10) writes `<id>.compact` holding all files so far. */
  readonly compactInterval?: number;
  /** Delete entries that two compactions have made redundant (Spark's `fileSink.log.deletion`, default true). */
  readonly deleteOldEntries?: boolean;
}

const VERSION = 1;
const DELTA = /^\d+$/;
const COMPACT = /^(\d+)\.compact$/;

/**
 * The manifest of a file sink (Spark's `FileStreamSinkLog`): `<output>/_caudal_metadata/<batchId>`, each a
 * `v1` line then one JSON line per file the batch wrote, published atomically after the files are complete.
 * Every `compactInterval`-th batch writes `<batchId>.compact` instead, listing every committed file so far;
 * entries older than the previous compaction are then deleted, so the folder stays small while a reader
 * that listed it a moment before still finds the entries it chose.
 *
 * Invariant: a data file is part of the output if and only if the manifest lists it. Files left by a batch
 * that failed before its entry was written (or by anything else) are never read. A batch id at or below
 * the latest entry is a replay: the sink skips it, which makes the sink exactly-once.
 *
 * Readers of a folder (batch readers and the streaming file source) call `FileSinkLog.readCommittedFiles`:
 * null means the folder is not a file-sink output and is listed as usual. As in Spark, the manifest is
 * consulted when the read path is one folder (not a glob); partition values come from the folder names,
 * which the sink escapes like Spark's `escapePathName` (`%2F` for `/`, `__HIVE_DEFAULT_PARTITION__` for null).
 *
 * @example
 * ```ts
 * import { FileSinkLog } from 'caudal';
 * await df.writeStream.format('json').option('path', 'out/events').option('checkpointLocation', 'chk/events').start();
 * // ... later, only the files the sink committed (never half-written ones):
 * const files = FileSinkLog.readCommittedFiles('out/events'); // absolute paths, or null when not a sink output
 * console.log(new FileSinkLog('out/events').latestBatchId());
 * ```
 */
export class FileSinkLog {
  private readonly dir: string;
  private readonly compactInterval: number;
  private readonly deleteOldEntries: boolean;
  private latest: number | undefined;

  /** Opens (creating if needed) the manifest of the output folder `outputDir`. */
  constructor(
    /** The file sink's output folder (the manifest lives in its `_caudal_metadata` folder). */
    readonly outputDir: string,
    settings: FileSinkLogSettings = {},
  ) {
    this.dir = join(outputDir, FILE_SINK_METADATA_DIR);
    mkdirSync(this.dir, { recursive: true });
    this.compactInterval = settings.compactInterval ?? DEFAULT_FILE_SINK_COMPACT_INTERVAL;
    if (!Number.isSafeInteger(this.compactInterval) || this.compactInterval < 1) {
      throw new Error(`The file sink's compact interval must be a positive integer, got ${this.compactInterval}`);
    }
    this.deleteOldEntries = settings.deleteOldEntries ?? true;
    this.latest = listEntries(this.dir).at(-1)?.batchId;
  }

  /** The last committed batch id, or undefined before the first commit. */
  latestBatchId(): number | undefined {
    return this.latest;
  }

  /** True when batch `batchId` needs no writing: it, or a later batch, is already committed. */
  isCommitted(batchId: number): boolean {
    return this.latest !== undefined && batchId <= this.latest;
  }

  /** Commits batch `batchId` (an empty list is a batch that wrote nothing); fails if it already exists. */
  add(batchId: number, files: readonly SinkFileStatus[]): void {
    const delta = join(this.dir, String(batchId));
    const compact = `${delta}.compact`;
    if (existsSync(delta) || existsSync(compact)) {
      throw new Error(`Concurrent update to the log. Multiple streaming jobs detected for ${batchId} (${this.dir})`);
    }
    if ((batchId + 1) % this.compactInterval === 0) {
      const previous = latestCompaction(listEntries(this.dir), batchId);
      writeEntry(compact, applyDeletes([...readStatuses(this.dir, batchId), ...files]));
      if (this.deleteOldEntries && previous !== undefined) this.deleteBefore(previous);
    } else {
      writeEntry(delta, files);
    }
    if (this.latest === undefined || batchId > this.latest) this.latest = batchId;
  }

  /** The files of one batch (for a compaction batch, every file up to it), or undefined when not committed. */
  get(batchId: number): readonly SinkFileStatus[] | undefined {
    for (const name of [String(batchId), `${batchId}.compact`]) {
      const path = join(this.dir, name);
      if (existsSync(path)) return readEntry(path);
    }
    return undefined;
  }

  /** True when `dir` is a file-sink output folder (it has a manifest folder). */
  static hasMetadata(dir: string): boolean {
    const meta = join(dir, FILE_SINK_METADATA_DIR);
    return existsSync(meta) && statSync(meta).isDirectory();
  }

  /**
   * The absolute paths of the files committed to the output folder `dir`, in commit order (by batch, then
   * as each batch listed them), or null when `dir` has no `_caudal_metadata` folder.
   */
  static readCommittedFiles(dir: string): string[] | null {
    return FileSinkLog.readCommittedEntries(dir)?.map((f) => f.path) ?? null;
  }

  /** Like `readCommittedFiles`, with each file's size and modification time. */
  static readCommittedEntries(dir: string): CommittedFile[] | null {
    if (!FileSinkLog.hasMetadata(dir)) return null;
    const root = resolve(dir);
    return readStatuses(join(dir, FILE_SINK_METADATA_DIR), Number.POSITIVE_INFINITY)
      .filter((s) => !s.isDir)
      .map((s) => ({ path: isAbsolute(s.path) ? resolve(s.path) : resolve(root, s.path), size: s.size, modificationTimeMs: s.modificationTime }));
  }

  /** Deletes entries below `batchId` (a compaction that a later compaction has made redundant). */
  private deleteBefore(batchId: number): void {
    for (const e of listEntries(this.dir)) if (e.batchId < batchId) rmSync(join(this.dir, e.name), { force: true });
  }
}

interface EntryName {
  readonly name: string;
  readonly batchId: number;
  readonly compact: boolean;
}

function listEntries(dir: string): EntryName[] {
  const out: EntryName[] = [];
  for (const name of readdirSync(dir)) {
    if (DELTA.test(name)) out.push({ name, batchId: Number(name), compact: false });
    else {
      const m = COMPACT.exec(name);
      if (m) out.push({ name, batchId: Number(m[1]), compact: true });
    }
  }
  return out.sort((a, b) => a.batchId - b.batchId);
}

function latestCompaction(entries: readonly EntryName[], below: number): number | undefined {
  let found: number | undefined;
  for (const e of entries) if (e.compact && e.batchId < below) found = e.batchId;
  return found;
}

/**
 * Every file committed in entries below `below`: the latest compaction, then the deltas after it, with
 * `delete` entries applied. A writer may delete old entries meanwhile; a listing that lost a file it chose
 * is taken again.
 */
function readStatuses(dir: string, below: number): SinkFileStatus[] {
  for (let attempt = 0; ; attempt++) {
    try {
      const entries = listEntries(dir).filter((e) => e.batchId < below);
      const base = latestCompaction(entries, below);
      const chosen = entries.filter((e) => (base === undefined ? true : e.batchId > base || (e.compact && e.batchId === base)));
      return applyDeletes(chosen.flatMap((e) => readEntry(join(dir, e.name))));
    } catch (e) {
      if (attempt >= 5 || (e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
  }
}

/** The last word on each path: an `add` keeps it (at its latest position), a `delete` drops it. */
function applyDeletes(statuses: readonly SinkFileStatus[]): SinkFileStatus[] {
  const byPath = new Map<string, SinkFileStatus>();
  for (const s of statuses) {
    byPath.delete(s.path);
    if (s.action === 'add') byPath.set(s.path, s);
  }
  return [...byPath.values()];
}

function writeEntry(path: string, files: readonly SinkFileStatus[]): void {
  const lines = files.map((f) => JSON.stringify({
    path: f.path, size: f.size, isDir: f.isDir, modificationTime: f.modificationTime,
    blockReplication: f.blockReplication, blockSize: f.blockSize, action: f.action,
  }));
  writeFileAtomic(path, [`v${VERSION}`, ...lines].join('\n') + '\n');
}

function readEntry(path: string): SinkFileStatus[] {
  const lines = readFileSync(path, 'utf8').split('\n');
  const header = lines.shift() ?? '';
  const m = /^v(\d+)$/.exec(header);
  if (!m) throw new Error(`File sink manifest ${path} is damaged: it should start with 'v${VERSION}', found '${header.slice(0, 20)}'`);
  if (Number(m[1]) > VERSION) {
    throw new Error(`File sink manifest ${path} was written by a newer version (v${m[1]}); this version reads up to v${VERSION}`);
  }
  return lines.filter((l) => l !== '').map((l) => parseStatus(l, path));
}

function parseStatus(line: string, path: string): SinkFileStatus {
  let v: unknown;
  try {
    v = JSON.parse(line);
  } catch {
    throw new Error(`File sink manifest ${path} is damaged: expected a JSON line, found '${line.slice(0, 40)}'`);
  }
  const o = (typeof v === 'object' && v !== null ? v : {}) as Partial<Record<keyof SinkFileStatus, unknown>>;
  if (typeof o.path !== 'string' || (o.action !== 'add' && o.action !== 'delete')) {
    throw new Error(`File sink manifest ${path} is damaged: expected a file status with 'path' and 'action', found '${line.slice(0, 80)}'`);
  }
  return {
    path: o.path,
    size: Number(o.size ?? 0),
    isDir: o.isDir === true,
    modificationTime: Number(o.modificationTime ?? 0),
    blockReplication: Number(o.blockReplication ?? 1),
    blockSize: Number(o.blockSize ?? 0),
    action: o.action,
  };
}
