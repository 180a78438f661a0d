import { rmSync } from 'node:fs';
import type { Checkpoint, OffsetEntry } from '../checkpoint/checkpoint.ts';
import { sameOffset, type Offset } from '../connector/offset.ts';
import type { Sink } from '../connector/sink.ts';
import { supportsAvailableNow, type ReadLimit, type StreamSource } from '../connector/source.ts';
import type { ColumnBatch } from '../data/column-batch.ts';
import { totalRows } from '../data/column-batch.ts';
import type { LogicalPlan, StreamingRelation } from '../logical/logical-plan.ts';
import type { PlannedQuery } from '../physical/physical-planner.ts';
import type { Session } from '../session/session.ts';
import type { Clock } from './clock.ts';
import type { StreamingQueryListener } from './listener.ts';
import type { OutputMode } from './output-mode.ts';
import { StreamingQueryProgress, type SourceProgress } from './progress.ts';
import type { StreamingQueryStatus } from './query-status.ts';
import { createSinkBatch } from './sink-batch.ts';
import { StreamingQueryException } from './streaming-query-exception.ts';
import type { Trigger } from './trigger.ts';
import type { StructType } from '../types/schema.ts';
import type { EventTimeStats } from '../physical/event-time-watermark-exec.ts';

/** A started source of the query, with its stable id (its position among the plan's sources). */
export interface RunningSource {
  readonly id: string;
  readonly relation: StreamingRelation;
  readonly source: StreamSource;
}

export interface ExecutionParams {
  readonly session: Session;
  readonly plan: LogicalPlan;
  readonly planned: PlannedQuery;
  readonly sources: readonly RunningSource[];
  readonly sink: Sink;
  /** Side output for rows the first stateful operator dropped as late (beyond Spark). */
  readonly lateRows?: { readonly sink: Sink; readonly operatorId: number; readonly schema: StructType };
  readonly outputMode: OutputMode;
  readonly trigger: Trigger;
  readonly clock: Clock;
  readonly checkpoint: Checkpoint;
  /** Deleted when the query stops (a temporary checkpoint made for a sink that needs none). */
  readonly deleteCheckpointOnStop: boolean;
  readonly id: string;
  readonly runId: string;
  readonly name: string | null;
  readonly listeners: () => readonly StreamingQueryListener[];
  /** Aborts the sources' stop signal, so a source stuck waiting (a broker outage) gives up. */
  readonly stopSources?: () => void;
  readonly onTerminated: (error: StreamingQueryException | null) => void;
}

/**
 * The micro-batch loop of one query run. Each batch is:
 *   1. latestOffset  ask every source how far it can go (bounded by its rate limits)
 *   2. walCommit     write offsets/N (+ batch timestamp, watermark) BEFORE running
 *   3. getBatch      read each source's rows in (committed, end]
 *   4. execute       run the physical plan; stateful operators update their state
 *   5. addBatch      hand the result to the sink (idempotent per batch id)
 *   6. commit        state version N+1, commits/N, source.commit(end); report progress
 * After a restart, a batch with offsets/N but no commits/N is re-run with the same offsets and timestamp.
 */
export class MicroBatchExecution {
  private readonly p: ExecutionParams;
  private committed = new Map<string, Offset>();
  private nextBatchId = 0;
  /** The watermark the next batch uses (W_N): state at or below it is evicted. */
  private watermarkMs = 0;
  /** The previous batch's watermark: input rows at or below it are late. */
  private lateWatermarkMs = 0;
  /** Highest event time (µs) seen so far per `withWatermark` operator. */
  private readonly maxEventTimes = new Map<number, number>();
  /** The watermark moved in the last batch: stateful operators may have state to emit or evict. */
  private watermarkMoved = false;
  private pending: { batchId: number; entry: OffsetEntry } | undefined;
  private stopped = false;
  private readonly stopSignal = new AbortController();
  private wakeUp: (() => void) | null = null;
  /** A source signalled new data since the current trigger began reading offsets (none may be waiting then). */
  private dataSignalled = false;
  /** When the loop last let the event loop run timers and I/O (performance.now(), ms). */
  private lastYieldAt = 0;
  private loop: Promise<void> | null = null;
  private readonly recent: StreamingQueryProgress[] = [];
  private lastTriggerStartMs: number | null = null;
  private lastNoDataProgressMs = -Infinity;
  private availableNowTargets: Map<string, Offset> | null = null;
  private requestGeneration = 0;
  private idleGeneration = 0;
  private idleWaiters: { gen: number; resolve: () => void; reject: (e: Error) => void }[] = [];
  private terminatedWith: StreamingQueryException | null | undefined = undefined;
  private statusValue: StreamingQueryStatus = { message: 'Initializing sources', isDataAvailable: false, isTriggerActive: false };

  constructor(params: ExecutionParams) {
    this.p = params;
  }

  get status(): StreamingQueryStatus {
    return this.statusValue;
  }

  get recentProgress(): readonly StreamingQueryProgress[] {
    return this.recent;
  }

  get lastProgress(): StreamingQueryProgress | null {
    return this.recent[this.recent.length - 1] ?? null;
  }

  /** The watermark the next batch runs with, in ms (for explain). */
  get currentWatermarkMs(): number {
    return this.watermarkMs;
  }

  get isActive(): boolean {
    return this.terminatedWith === undefined;
  }

  get exception(): StreamingQueryException | null {
    return this.terminatedWith ?? null;
  }

  /** Reads the checkpoint (where to resume from) and restores operator state. */
  async prepare(): Promise<void> {
    await this.populateStartOffsets();
  }

  /** Starts the batch loop in the background. */
  run(): void {
    this.loop = this.runLoop();
  }

  /** Called by sources (through their context) when new data arrives. */
  notifyDataAvailable(): void {
    const w = this.wakeUp;
    this.wakeUp = null;
    if (w) w();
    else this.dataSignalled = true;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.stopSignal.abort();
    this.p.stopSources?.();
    this.notifyDataAvailable();
    await this.loop;
  }

  /** Resolves once every row available when it was called has been processed and committed. */
  processAllAvailable(): Promise<void> {
    if (this.terminatedWith !== undefined) {
      return this.terminatedWith ? Promise.reject(this.terminatedWith) : Promise.resolve();
    }
    const gen = ++this.requestGeneration;
    this.notifyDataAvailable();
    return new Promise((resolve, reject) => this.idleWaiters.push({ gen, resolve, reject }));
  }

  private async populateStartOffsets(): Promise<void> {
    const { checkpoint } = this.p;
    const latest = checkpoint.offsets.latest();
    if (!latest) {
      for (const s of this.p.sources) this.committed.set(s.id, s.source.initialOffset());
      return;
    }
    const lastCommit = checkpoint.commits.latest();
    const committedId = lastCommit?.batchId ?? -1;
    if (committedId >= 0) {
      const entry = checkpoint.offsets.get(committedId);
      if (!entry) throw new Error(`Checkpoint ${checkpoint.dir} is damaged: commits/${committedId} exists but offsets/${committedId} does not`);
      for (const s of this.p.sources) this.committed.set(s.id, entry.offsets[s.id] ?? s.source.initialOffset());
      this.watermarkMs = Math.max(entry.batchWatermarkMs, lastCommit!.value.nextBatchWatermarkMs);
      this.lateWatermarkMs = entry.batchWatermarkMs;
      this.watermarkMoved = this.watermarkMs > entry.batchWatermarkMs;
    } else {
      for (const s of this.p.sources) this.committed.set(s.id, s.source.initialOffset());
    }
    for (const op of this.p.planned.stateful) await op.restoreState(committedId + 1);
    if (latest.batchId > committedId) {
      // offsets/N without commits/N: re-run batch N exactly as recorded.
      this.pending = { batchId: latest.batchId, entry: latest.value };
      this.nextBatchId = latest.batchId;
    } else {
      this.nextBatchId = committedId + 1;
    }
  }

  private async runLoop(): Promise<void> {
    const { trigger, clock } = this.p;
    let error: StreamingQueryException | null = null;
    try {
      if (this.pending) {
        const { batchId, entry } = this.pending;
        this.pending = undefined;
        await this.runBatch(batchId, new Map(Object.entries(entry.offsets)), entry.batchTimestampMs, entry.batchWatermarkMs, true, clock.now());
      }
      if (trigger.kind === 'availableNow') await this.prepareAvailableNow();
      while (!this.stopped) {
        const triggerStart = clock.now();
        const observedRequest = this.requestGeneration;
        this.dataSignalled = false;
        const ran = await this.runTrigger(triggerStart);
        if (this.stopped) break;
        if (!ran) this.markIdle(observedRequest, triggerStart);
        if (trigger.kind === 'once') break;
        if (trigger.kind === 'availableNow' && !ran) break;
        // Lets timers and I/O run between batches: a source that always has data (rate-micro-batch, a backlog
        // of files) would otherwise keep the event loop busy with the loop's promises alone. Only after a while
        // without a wait, so a loop that sleeps between batches (a socket at 1,000 lines/s) pays nothing.
        if (ran && performance.now() - this.lastYieldAt >= YIELD_AFTER_MS) {
          await yieldToEventLoop();
          this.lastYieldAt = performance.now();
        }
        if (trigger.kind === 'processingTime') {
          const interval = trigger.intervalMs;
          const next = Math.floor(triggerStart / interval) * interval + interval;
          const elapsed = clock.now() - triggerStart;
          if (ran && elapsed > interval) {
            process.stderr.write(`Current batch is falling behind. The trigger interval is ${interval} milliseconds, but spent ${elapsed} milliseconds\n`);
          }
          this.setStatus('Waiting for next trigger', false, false);
          await clock.waitUntil(next, this.stopSignal.signal);
        } else if (!ran) {
          this.setStatus('Waiting for data to arrive', false, false);
          await this.sleepUntilData();
        }
      }
    } catch (e) {
      // A failure once stop() was called is a source giving up its wait on the stop signal: Spark's
      // isInterruptedByStop, which ends the query without an exception.
      if (!this.stopped) {
        const cause = e instanceof Error ? e : new Error(String(e));
        error = new StreamingQueryException(this.p.name, this.p.id, this.p.runId, cause);
      }
    }
    await this.terminate(error);
  }

  private async prepareAvailableNow(): Promise<void> {
    const targets = new Map<string, Offset>();
    for (const s of this.p.sources) {
      if (supportsAvailableNow(s.source)) await s.source.prepareForTriggerAvailableNow();
      targets.set(s.id, await s.source.latestOffset(this.committed.get(s.id)!, { kind: 'all' }));
    }
    this.availableNowTargets = targets;
  }

  /** One trigger: find new offsets; if any source moved, run a batch. Returns whether a batch ran. */
  private async runTrigger(triggerStart: number): Promise<boolean> {
    this.setStatus('Getting offsets from sources', false, true);
    const limit: ReadLimit = this.p.trigger.kind === 'once' ? { kind: 'all' } : { kind: 'default' };
    const latestStart = this.p.clock.now();
    const ends = new Map<string, Offset>();
    let moved = false;
    for (const s of this.p.sources) {
      const start = this.committed.get(s.id)!;
      const target = this.availableNowTargets?.get(s.id);
      let end = target !== undefined && sameOffset(start, target) ? start : await s.source.latestOffset(start, limit);
      // Available-now: never read past what was there when the query started.
      if (target !== undefined && compareOffsets(end, target) > 0) end = target;
      ends.set(s.id, end);
      if (!sameOffset(end, start)) moved = true;
    }
    const latestOffsetMs = this.p.clock.now() - latestStart;
    if (!moved && this.needsNoDataBatch()) {
      // The watermark moved: run a batch without new rows so closed windows are emitted and evicted.
      await this.runBatch(this.nextBatchId, new Map(this.committed), this.p.clock.now(), this.watermarkMs, false, triggerStart, latestOffsetMs);
      return true;
    }
    if (!moved) {
      this.setStatus('Waiting for data to arrive', false, false);
      return false;
    }
    await this.runBatch(this.nextBatchId, ends, this.p.clock.now(), this.watermarkMs, false, triggerStart, latestOffsetMs);
    return true;
  }

  /**
   * Keeps the last `spark.sql.streaming.minBatchesToRetain` (100) entries of offsets/ and commits/, as
   * Spark does, so a long-running query's checkpoint does not grow without bound. Checked every 10 batches.
   */
  private purgeOldLogs(batchId: number): void {
    if (batchId % 10 !== 0) return;
    const retain = Number(this.p.session.conf.get('spark.sql.streaming.minBatchesToRetain') ?? 100);
    const min = batchId - retain + 1;
    if (min <= 0) return;
    this.p.checkpoint.offsets.purge(min);
    this.p.checkpoint.commits.purge(min);
  }

  private needsNoDataBatch(): boolean {
    const wm = this.watermarkMs;
    const now = this.p.clock.now();
    return this.p.planned.stateful.some((op) =>
      (this.watermarkMoved || op.checksEveryTrigger === true) && (op.hasWorkAt?.(wm, now) ?? false));
  }

  private async runBatch(
    batchId: number, ends: Map<string, Offset>, batchTimestampMs: number, watermarkMs: number,
    isReplay: boolean, triggerStart: number, latestOffsetMs = 0,
  ): Promise<void> {
    const { clock, checkpoint, planned, sink } = this.p;
    const t0 = clock.now();
    this.setStatus('Writing offsets to log', true, true);
    if (!isReplay) {
      checkpoint.offsets.add(batchId, {
        batchWatermarkMs: watermarkMs,
        batchTimestampMs,
        conf: this.p.session.checkpointedConf(),
        offsets: Object.fromEntries(ends),
      });
    }
    const t1 = clock.now();
    this.setStatus('Processing new data', true, true);
    const inputs = new Map<LogicalPlan, readonly ColumnBatch[]>();
    const perSource: { s: RunningSource; start: Offset; end: Offset; rows: number }[] = [];
    for (const s of this.p.sources) {
      const start = this.committed.get(s.id)!;
      const end = ends.get(s.id) ?? start;
      const batches = sameOffset(start, end) ? [] : await s.source.getBatch(start, end);
      inputs.set(s.relation, batches);
      perSource.push({ s, start, end, rows: totalRows(batches) });
    }
    for (const leaf of planned.leaves) {
      if (leaf.kind === 'localRelation') inputs.set(leaf, leaf.batches);
      else if (leaf.kind === 'tableScan') inputs.set(leaf, leaf.provider.snapshot());
      else if (leaf.kind === 'batchRelation') {
        // A static side of a stream-static query is read again for every batch, as in Spark.
        inputs.set(leaf, await leaf.provider.createBatchSource!(leaf.options, leaf.schema).read());
      }
    }
    const t2 = clock.now();
    let output: ColumnBatch[];
    let numOutputRows: number;
    const stats = new Map<number, EventTimeStats>();
    const late: ColumnBatch[] = [];
    const lateRows = this.p.lateRows;
    const lateWatermarkMs = isReplay ? (this.p.checkpoint.offsets.get(batchId - 1)?.batchWatermarkMs ?? 0) : this.lateWatermarkMs;
    try {
      output = planned.root.execute({
        eval: { batchTimestampMs, timeZone: this.p.session.timeZone },
        inputs,
        batchId,
        outputMode: this.p.outputMode,
        watermarkMs,
        lateWatermarkMs,
        eventTime: { record: (id, st) => stats.set(id, st) },
        ...(lateRows ? { lateRows: { add: (opId: number, rows: ColumnBatch) => { if (opId === lateRows.operatorId) late.push(rows); } } } : {}),
      });
      numOutputRows = totalRows(output);
      await sink.addBatch(createSinkBatch(this.p.session, batchId, planned.root.schema, output), this.p.outputMode);
      if (lateRows) await lateRows.sink.addBatch(createSinkBatch(this.p.session, batchId, lateRows.schema, late), 'append');
    } catch (e) {
      for (const op of planned.stateful) op.abortState();
      throw e;
    }
    const t3 = clock.now();
    const nextWatermarkMs = this.nextWatermark(watermarkMs, stats);
    for (const op of planned.stateful) await op.commitState(batchId + 1);
    checkpoint.commits.add(batchId, { nextBatchWatermarkMs: nextWatermarkMs });
    this.watermarkMoved = nextWatermarkMs > watermarkMs;
    this.lateWatermarkMs = watermarkMs;
    this.watermarkMs = nextWatermarkMs;
    for (const { s, end } of perSource) {
      await s.source.commit(end);
      this.committed.set(s.id, end);
    }
    this.nextBatchId = batchId + 1;
    this.purgeOldLogs(batchId);
    const t4 = clock.now();
    this.reportProgress(batchId, triggerStart, perSource, numOutputRows, eventTimeProgress(stats, watermarkMs, planned.watermarks.length > 0), {
      latestOffset: latestOffsetMs,
      walCommit: t1 - t0,
      getBatch: t2 - t1,
      queryPlanning: 0,
      addBatch: t3 - t2,
      commitOffsets: t4 - t3,
      triggerExecution: t4 - triggerStart,
    });
  }

  private reportProgress(
    batchId: number, triggerStart: number,
    perSource: readonly { s: RunningSource; start: Offset; end: Offset; rows: number }[],
    numOutputRows: number, eventTime: Record<string, string>, durationMs: Record<string, number>,
  ): void {
    const numInputRows = perSource.reduce((a, x) => a + x.rows, 0);
    const sinceLast = this.lastTriggerStartMs === null ? NaN : (triggerStart - this.lastTriggerStartMs) / 1000;
    this.lastTriggerStartMs = triggerStart;
    const execSeconds = (durationMs.triggerExecution ?? 0) / 1000;
    const rate = (rows: number, secs: number): number => (secs > 0 ? rows / secs : rows === 0 ? 0 : NaN);
    const sources: SourceProgress[] = perSource.map(({ s, start, end, rows }) => ({
      description: s.source.description,
      startOffset: batchId === 0 && sameOffset(start, s.source.initialOffset()) ? null : start,
      endOffset: end,
      latestOffset: end,
      numInputRows: rows,
      inputRowsPerSecond: rate(rows, sinceLast),
      processedRowsPerSecond: rate(rows, execSeconds),
      metrics: {},
    }));
    const progress = new StreamingQueryProgress({
      id: this.p.id,
      runId: this.p.runId,
      name: this.p.name,
      timestamp: new Date(triggerStart).toISOString(),
      batchId,
      batchDuration: durationMs.triggerExecution ?? 0,
      numInputRows,
      inputRowsPerSecond: rate(numInputRows, sinceLast),
      processedRowsPerSecond: rate(numInputRows, execSeconds),
      durationMs,
      eventTime,
      stateOperators: this.p.planned.stateful.map((op) => {
        const m = op.metrics();
        return {
          operatorName: m.operatorName,
          numRowsTotal: m.numRowsTotal,
          numRowsUpdated: m.numRowsUpdated,
          allUpdatesTimeMs: 0,
          numRowsRemoved: m.numRowsRemoved,
          allRemovalsTimeMs: 0,
          commitTimeMs: m.commitTimeMs,
          memoryUsedBytes: m.memoryUsedBytes,
          numRowsDroppedByWatermark: m.numRowsDroppedByWatermark,
          numShufflePartitions: 1,
          numStateStoreInstances: 1,
          customMetrics: {},
        };
      }),
      sources,
      sink: { description: this.p.sink.description, numOutputRows, metrics: {} },
    });
    this.pushProgress(progress);
  }

  /**
   * The watermark for the next batch: per `withWatermark` operator, max event time seen − delay;
   * combined by `spark.sql.streaming.multipleWatermarkPolicy` (min by default); never moves back.
   */
  private nextWatermark(current: number, stats: ReadonlyMap<number, EventTimeStats>): number {
    for (const [id, st] of stats) {
      if (st.count > 0) this.maxEventTimes.set(id, Math.max(this.maxEventTimes.get(id) ?? -Infinity, st.max));
    }
    const candidates: number[] = [];
    for (const w of this.p.planned.watermarks) {
      const max = this.maxEventTimes.get(w.id);
      if (max !== undefined) candidates.push(Math.floor(max / 1000) - w.delayMs);
    }
    if (candidates.length === 0) return current;
    const policy = (this.p.session.conf.get('spark.sql.streaming.multipleWatermarkPolicy') ?? 'min').toLowerCase();
    const global = policy === 'max' ? Math.max(...candidates) : Math.min(...candidates);
    return Math.max(current, global);
  }

  private pushProgress(progress: StreamingQueryProgress): void {
    this.recent.push(progress);
    const keep = Number(this.p.session.conf.get('spark.sql.streaming.numRecentProgressUpdates') ?? 100);
    while (this.recent.length > keep) this.recent.shift();
    for (const l of this.p.listeners()) safeCall(() => l.onQueryProgress?.({ progress }));
  }

  /** A trigger found no new data: wake processAllAvailable callers; report idleness now and then. */
  private markIdle(observedRequest: number, triggerStart: number): void {
    this.idleGeneration = Math.max(this.idleGeneration, observedRequest);
    const ready = this.idleWaiters.filter((w) => w.gen <= this.idleGeneration);
    this.idleWaiters = this.idleWaiters.filter((w) => w.gen > this.idleGeneration);
    for (const w of ready) w.resolve();
    const interval = Number(this.p.session.conf.get('spark.sql.streaming.noDataProgressEventInterval') ?? 10_000);
    if (triggerStart - this.lastNoDataProgressMs >= interval && this.recent.length > 0) {
      this.lastNoDataProgressMs = triggerStart;
      const timestamp = new Date(triggerStart).toISOString();
      for (const l of this.p.listeners()) safeCall(() => l.onQueryIdle?.({ id: this.p.id, runId: this.p.runId, timestamp }));
    }
  }

  private sleepUntilData(): Promise<void> {
    // Data that arrived while the trigger ran (after its offsets were read) is not waited for.
    if (this.dataSignalled) return Promise.resolve();
    const delay = Number(this.p.session.conf.get('spark.sql.streaming.pollingDelay') ?? 10);
    return new Promise<void>((resolve) => {
      const timer = setTimeout(() => { this.wakeUp = null; resolve(); }, delay);
      this.wakeUp = () => { clearTimeout(timer); resolve(); };
    }).then(() => { this.lastYieldAt = performance.now(); });
  }

  private setStatus(message: string, isDataAvailable: boolean, isTriggerActive: boolean): void {
    this.statusValue = { message, isDataAvailable, isTriggerActive };
  }

  private async terminate(error: StreamingQueryException | null): Promise<void> {
    this.setStatus('Stopped', false, false);
    const cleanup: Promise<unknown>[] = [this.p.sink.stop(), ...(this.p.lateRows ? [this.p.lateRows.sink.stop()] : []), ...this.p.sources.map((s) => s.source.stop())];
    const results = await Promise.allSettled(cleanup);
    if (!error) {
      const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
      if (failed) process.stderr.write(`Error while stopping query ${this.p.name ?? this.p.id}: ${String(failed.reason)}\n`);
    }
    this.p.checkpoint.unlock();
    if (this.p.deleteCheckpointOnStop) rmSync(this.p.checkpoint.dir, { recursive: true, force: true });
    this.terminatedWith = error;
    for (const w of this.idleWaiters) (error ? w.reject(error) : w.resolve());
    this.idleWaiters = [];
    this.p.onTerminated(error);
    for (const l of this.p.listeners()) {
      safeCall(() => l.onQueryTerminated?.({ id: this.p.id, runId: this.p.runId, exception: error ? error.cause.message : null, errorClassOnException: null }));
    }
  }
}

/** Progress `eventTime`: min/max/avg of the batch's watermarked event times and the batch's watermark. */
function eventTimeProgress(stats: ReadonlyMap<number, EventTimeStats>, watermarkMs: number, hasWatermark: boolean): Record<string, string> {
  if (!hasWatermark) return {};
  const iso = (micros: number): string => new Date(Math.floor(micros / 1000)).toISOString();
  const out: Record<string, string> = { watermark: new Date(watermarkMs).toISOString() };
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  let count = 0;
  for (const st of stats.values()) {
    if (st.count === 0) continue;
    min = Math.min(min, st.min);
    max = Math.max(max, st.max);
    sum += st.sum;
    count += st.count;
  }
  if (count > 0) {
    out.min = iso(min);
    out.max = iso(max);
    out.avg = iso(sum / count);
  }
  return out;
}

/** The longest the batch loop keeps the event loop to itself (timers, I/O, other queries wait meanwhile). */
const YIELD_AFTER_MS = 10;

/** Resolves after pending I/O callbacks and timers have had their turn (setImmediate runs after the poll phase). */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Listener code must not break the query; its errors are reported and ignored, as in Spark. */
function safeCall(fn: () => void): void {
  try {
    fn();
  } catch (e) {
    process.stderr.write(`Error in a StreamingQueryListener: ${e instanceof Error ? e.message : String(e)}\n`);
  }
}

/** Orders offsets that are numbers, or objects of numbers (per-partition offsets); others compare equal. */
function compareOffsets(a: Offset, b: Offset): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const ao = a as Record<string, Offset>;
    const bo = b as Record<string, Offset>;
    let sign = 0;
    for (const k of Object.keys(ao)) {
      if (!(k in bo)) continue;
      const c = compareOffsets(ao[k]!, bo[k]!);
      if (c !== 0) sign = c > 0 ? 1 : sign === 0 ? -1 : sign;
    }
    return sign;
  }
  return 0;
}
