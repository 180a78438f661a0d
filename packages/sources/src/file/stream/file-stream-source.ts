import { basename } from 'node:path';
import type { ColumnBatch, Offset, ReadLimit, SourceContext, StreamSource, StructType, SupportsTriggerAvailableNow } from '@caudal/core';
import { stderrLog, type Log } from '../../common/log.ts';
import type { ParsedFile } from '../file-format.ts';
import { localPath, type InputFile } from '../listing/list-files.ts';
import type { FileReader } from './file-reader.ts';
import { DEFAULT_SOURCE_LOG_COMPACT_INTERVAL, FileSourceLog, type FileEntry } from './file-source-log.ts';
import { fileSourceOffset, logOffsetOf } from './file-source-offset.ts';
import type { FileStreamConfig } from './file-stream-options.ts';
import { DirectoryWatcher } from './directory-watcher.ts';
import { listSourceFiles } from './list-source-files.ts';
import { SeenFiles } from './seen-files.ts';
import { SettleTracker } from './settle-tracker.ts';
import { SourceCleaner } from './source-cleaner.ts';
import { batchesNeeded, inProcessingOrder, takeFiles, type FileLimit } from './take-files.ts';

const COMPACT_INTERVAL_CONF = 'spark.sql.streaming.fileSource.log.compactInterval';
/** Spark logs listings slower than this. */
const SLOW_LISTING_MS = 2000;

/** Injectable for tests: where warnings go and the wall clock that file modification times are compared with. */
export interface FileStreamEnv {
  readonly log: Log;
  readonly now: () => number;
}

const DEFAULT_ENV: FileStreamEnv = { log: stderrLog, now: Date.now };

/**
 * `readStream.format('json' | 'csv' | 'text' | 'parquet').load(dir)` (Spark's FileStreamSource).
 *
 * - latestOffset: lists the folder (or reads the file sink manifest it holds), keeps the files that have
 *   settled and were never taken, orders them by modification time, takes as many as maxFilesPerTrigger /
 *   maxBytesPerTrigger allow and appends them to the source log as the next log batch; the offset is
 *   `{"logOffset": n}`. No new files: the offset stays, and no batch runs.
 * - getBatch(a, b): reads exactly the files logged in log batches a+1..b, in log order, so a replayed batch
 *   reads the same files whatever the folder holds now.
 * - commit(b): cleanSource archives or deletes the files of the committed log batches.
 * - A chokidar watcher wakes an idle query when a file appears; the listing at each trigger decides.
 *
 * A restarted query rebuilds the seen-files map from the log, so no file is taken twice. A log batch written
 * by a run that stopped before recording it in `offsets/` is handed out first, alone.
 */
export class FileStreamSource implements StreamSource, SupportsTriggerAvailableNow {
  readonly description: string;
  private readonly path: string;
  private readonly log: FileSourceLog;
  private readonly seen: SeenFiles;
  private readonly settle: SettleTracker;
  private readonly cleaner: SourceCleaner | undefined;
  private readonly limit: FileLimit;
  private watcher: DirectoryWatcher | undefined;
  private settleTimer: NodeJS.Timeout | undefined;
  /** Trigger.AvailableNow: the files present when the query started, still to take, in processing order. */
  private availableNow: InputFile[] | undefined;
  /** Log batches up to this one have had their files cleaned (undefined until the committed offset is known). */
  private cleanedThrough: number | undefined;
  private stopped = false;

  constructor(
    private readonly reader: FileReader,
    private readonly config: FileStreamConfig,
    readonly schema: StructType,
    private readonly ctx: SourceContext,
    private readonly env: FileStreamEnv = DEFAULT_ENV,
  ) {
    this.path = localPath(reader.common.path!);
    this.description = `FileStreamSource[file:${this.path}]`;
    const interval = Number(ctx.conf(COMPACT_INTERVAL_CONF) ?? DEFAULT_SOURCE_LOG_COMPACT_INTERVAL);
    this.log = new FileSourceLog(ctx.metadataDir, interval);
    this.seen = new SeenFiles(config.maxFileAgeMs);
    this.settle = new SettleTracker(config.settleMs);
    this.cleaner = config.cleanSource === 'off' ? undefined : new SourceCleaner(config.cleanSource, config.sourceArchiveDir, env.log);
    this.limit = config.maxFilesPerTrigger !== undefined ? { kind: 'maxFiles', maxFiles: config.maxFilesPerTrigger }
      : config.maxBytesPerTrigger !== undefined ? { kind: 'maxBytes', maxBytes: config.maxBytesPerTrigger }
      : { kind: 'all' };
    if (config.latestFirst) {
      env.log("'latestFirst' is true. New files will be processed first, which may affect the watermark value. In addition, 'maxFileAge' will be ignored.");
    }
    if (config.fileNameOnly) {
      env.log("'fileNameOnly' is enabled. Make sure your file names are unique (e.g. using UUID), otherwise, files with the same name but under different paths will be considered the same and causes data lost.");
    }
  }

  async start(): Promise<void> {
    // Every file ever logged is seen; the purge then forgets those older than maxFileAge allows.
    for (const e of this.log.entriesThrough()) this.seen.add(this.key(e.path), e.timestamp);
    this.seen.purge();
    this.watcher = await DirectoryWatcher.start(this.path, this.reader.common.listing.recursive, () => this.ctx.notifyDataAvailable(), this.env.log);
  }

  initialOffset(): Offset {
    return fileSourceOffset(-1);
  }

  async latestOffset(start: Offset, limit: ReadLimit): Promise<Offset> {
    const startId = logOffsetOf(start);
    await this.beginCleaning(startId);
    const latest = this.log.latestBatchId();
    if (latest < startId) {
      throw new Error(
        `The file source's log ${this.ctx.metadataDir} ends at batch ${latest}, but the checkpoint's offset is {"logOffset":${startId}}: ` +
        'the log was removed or replaced. Restore it, or start the query with a new checkpointLocation.',
      );
    }
    if (this.availableNow !== undefined && limit.kind === 'all') {
      // The engine asks for the end of an available-now run: where the prepared files will have taken the log.
      return fileSourceOffset(latest + batchesNeeded(this.availableNow.filter((f) => this.isNew(f)), this.limit));
    }
    // A log batch beyond the committed offset was written by a run that stopped before recording it: hand it out first.
    if (latest > startId) return fileSourceOffset(latest);
    const candidates = this.availableNow !== undefined ? this.availableNow.filter((f) => this.isNew(f)) : this.newFiles();
    const batch = takeFiles(candidates, limit.kind === 'all' ? { kind: 'all' } : this.limit);
    if (batch.length === 0) return fileSourceOffset(latest);
    const batchId = latest + 1;
    const entries: FileEntry[] = batch.map((f) => ({ path: f.path, timestamp: Math.floor(f.modificationTimeMs), batchId }));
    for (const e of entries) this.seen.add(this.key(e.path), e.timestamp);
    this.seen.purge();
    this.log.add(batchId, entries);
    if (this.availableNow !== undefined) {
      const taken = new Set(batch.map((f) => f.path));
      this.availableNow = this.availableNow.filter((f) => !taken.has(f.path));
    }
    return fileSourceOffset(batchId);
  }

  /** Fixes the files to process: those present (and settled) now. Files still being written get one settle period. */
  async prepareForTriggerAvailableNow(): Promise<void> {
    let { settled, waitMs } = this.settledFiles();
    if (waitMs !== undefined) {
      await new Promise((resolve) => setTimeout(resolve, waitMs));
      ({ settled } = this.settledFiles());
    }
    this.availableNow = inProcessingOrder(settled.filter((f) => this.isNew(f)), this.config.latestFirst);
  }

  async getBatch(start: Offset | null, end: Offset): Promise<ColumnBatch[]> {
    const from = start === null ? -1 : logOffsetOf(start);
    const to = logOffsetOf(end);
    await this.beginCleaning(from);
    const out: ColumnBatch[] = [];
    for (const entry of this.log.range(from, to)) out.push(...(await this.read(entry)).batches);
    return out;
  }

  async commit(end: Offset): Promise<void> {
    const to = logOffsetOf(end);
    if (this.cleanedThrough === undefined) {
      await this.beginCleaning(to);
      return;
    }
    if (to <= this.cleanedThrough) return;
    const from = this.cleanedThrough;
    this.cleanedThrough = to;
    await this.cleaner?.clean(this.log.range(from, to).map((e) => e.path));
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    clearTimeout(this.settleTimer);
    await this.watcher?.close();
  }

  private async read(entry: FileEntry): Promise<ParsedFile> {
    const path = localPath(entry.path);
    try {
      return await this.reader.read(path, this.schema);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      throw new Error(
        `File ${path} of the file source's log batch ${entry.batchId} does not exist. It was deleted or moved after it was ` +
        'listed; files must stay in the source folder until their batch commits.',
        { cause: e },
      );
    }
  }

  /** The first offset the engine hands over is committed: clean up the files of that batch a crash may have left. */
  private async beginCleaning(committed: number): Promise<void> {
    if (this.cleanedThrough !== undefined) return;
    this.cleanedThrough = committed;
    if (this.cleaner !== undefined && committed >= 0) await this.cleaner.clean(this.log.range(committed - 1, committed).map((e) => e.path));
  }

  /** Settled files never taken, in processing order; schedules a wake-up for files still settling. */
  private newFiles(): InputFile[] {
    const { settled, waitMs } = this.settledFiles();
    clearTimeout(this.settleTimer);
    this.settleTimer = undefined;
    if (waitMs !== undefined && !this.stopped) {
      this.settleTimer = setTimeout(() => this.ctx.notifyDataAvailable(), waitMs);
      this.settleTimer.unref();
    }
    return inProcessingOrder(settled.filter((f) => this.isNew(f)), this.config.latestFirst);
  }

  /** The files listed now that have settled. A file sink's committed files are complete: they need not settle. */
  private settledFiles(): { settled: InputFile[]; waitMs: number | undefined } {
    const t0 = this.env.now();
    const { files, committed } = listSourceFiles(this.path, this.reader.common.listing);
    const now = this.env.now();
    if (now - t0 > SLOW_LISTING_MS) this.env.log(`Listed ${files.length} file(s) in ${now - t0} ms`);
    return committed ? { settled: files, waitMs: undefined } : this.settle.split(files, now);
  }

  private isNew(f: InputFile): boolean {
    return this.seen.isNew(this.key(f.path), Math.floor(f.modificationTimeMs));
  }

  private key(path: string): string {
    return this.config.fileNameOnly ? basename(path) : path;
  }
}
