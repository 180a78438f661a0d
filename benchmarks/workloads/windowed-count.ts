/**
 * An event-time windowed count with a watermark in append mode: does the state stay bounded, and what does
 * a key cost?
 *
 *   rate-micro-batch (rowsPerBatch, advanceMillisPerBatch 1000) → withWatermark('timestamp', '10 seconds')
 *   → groupBy(window(col('timestamp'), '10 seconds'), col('value').mod(100)).count() → noop (append)
 *
 * Every batch carries one second of event time, so a window gathers 10 batches × 100 keys and closes (is
 * emitted and evicted) once the watermark, 10 s behind the newest event, passes its end, about 20 batches
 * after it opened. Part of the default run as a throughput workload (`windowedCount`); `pnpm bench
 * --windowed-count` runs `windowedCountStateBenchmark`, which also records the state operator's progress
 * (`numRowsTotal`, `memoryUsedBytes`) of every batch and the heap, after a warm-up long enough for the first
 * windows to close.
 */
import { Session, col, window, type StreamingQuery, type StreamingQueryProgress } from 'caudal';
import { median } from '../harness/stats.ts';
import type { Workload, WorkloadParams } from '../harness/workload.ts';

/** The query, started with the default trigger: `keys` is the modulus of the grouping key (100 in the workload). */
export function startWindowedCount(session: Session, rowsPerBatch: number, keys = 100): Promise<StreamingQuery> {
  return session.readStream
    .format('rate-micro-batch')
    .option('rowsPerBatch', rowsPerBatch)
    .option('advanceMillisPerBatch', 1000)
    .load()
    .withWatermark('timestamp', '10 seconds')
    .groupBy(window(col('timestamp'), '10 seconds'), col('value').mod(keys))
    .count()
    .writeStream.format('noop')
    .outputMode('append')
    .start();
}

export const windowedCount: Workload = {
  name: 'windowed-count',
  query: 'rate-micro-batch (1 s of event time per batch) → withWatermark 10 s → groupBy(window 10 s, value % 100).count() → noop (append)',
  kind: 'throughput',
  defaultBatches: 200,
  start(session: Session, params: WorkloadParams): Promise<StreamingQuery> {
    return startWindowedCount(session, params.rowsPerBatch);
  },
};

export interface WindowedCountParams {
  readonly rowsPerBatch: number;
  /** Keys per window: the modulus of `value` (100 in the workload; more to weigh the state per key). */
  readonly keys: number;
  /** Batches before the measured ones: the first window closes after about 21. */
  readonly warmupBatches: number;
  readonly batches: number;
  readonly reps: number;
}

export const DEFAULT_WINDOWED_COUNT_PARAMS: WindowedCountParams = { rowsPerBatch: 100_000, keys: 100, warmupBatches: 30, batches: 300, reps: 3 };

export interface WindowedCountResult {
  readonly params: WindowedCountParams;
  /** Measured rows per repetition. */
  readonly rowsPerRep: number;
  /** Median over repetitions of measured rows / measured wall time (hrtime between progress events). */
  readonly rowsPerSecond: number;
  readonly bestRowsPerSecond: number;
  /** Median over repetitions of process CPU time per measured batch. */
  readonly cpuMsPerBatch: number;
  /** `numRowsTotal` over the measured batches of every repetition. */
  readonly stateRowsMin: number;
  readonly stateRowsMax: number;
  /** `numRowsTotal` of the first batches of the first repetition (the state filling up). */
  readonly stateRowsFirstBatches: readonly number[];
  /** Rows emitted and evicted per measured batch (mean), from `numRowsRemoved`. */
  readonly removedPerBatch: number;
  /** `memoryUsedBytes / numRowsTotal` over the measured batches (min and max). */
  readonly bytesPerKeyMin: number;
  readonly bytesPerKeyMax: number;
  /** `process.memoryUsage().heapUsed` after a forced GC at the start and at the end of the measured batches (MB; NaN without --expose-gc). */
  readonly heapStartMb: number;
  readonly heapEndMb: number;
  /** `numRowsTotal` of the last measured batch, when the end heap figure was taken (median over repetitions). */
  readonly stateRowsAtEnd: number;
}

const gc = (globalThis as { gc?: () => void }).gc;

function heapMb(): number {
  if (gc === undefined) return NaN;
  gc();
  return process.memoryUsage().heapUsed / (1024 * 1024);
}

interface RepSample {
  readonly measured: readonly StreamingQueryProgress[];
  readonly all: readonly StreamingQueryProgress[];
  readonly wallNs: bigint;
  readonly cpuUs: number;
  readonly heapStartMb: number;
  readonly heapEndMb: number;
}

/** One repetition: a fresh session and query, stopped after the warm-up and measured batches. */
async function runRep(params: WindowedCountParams): Promise<RepSample> {
  const session = Session.builder().appName('bench-windowed-count').create();
  const all: StreamingQueryProgress[] = [];
  let windowStart = 0n;
  let windowEnd = 0n;
  let cpuStart = 0;
  let cpuEnd = 0;
  let heapStart = NaN;
  let heapEnd = NaN;
  let settle!: { resolve: () => void; reject: (e: Error) => void };
  const done = new Promise<void>((resolve, reject) => { settle = { resolve, reject }; });
  const cpuNow = (): number => { const u = process.cpuUsage(); return u.user + u.system; };
  session.streams.addListener({
    onQueryProgress: ({ progress }) => {
      if (all.length >= params.warmupBatches + params.batches) return;
      all.push(progress);
      if (all.length === params.warmupBatches) {
        // The GC for the heap figure runs before the window opens, so it is not timed.
        heapStart = heapMb();
        windowStart = process.hrtime.bigint();
        cpuStart = cpuNow();
      } else if (all.length === params.warmupBatches + params.batches) {
        windowEnd = process.hrtime.bigint();
        cpuEnd = cpuNow();
        heapEnd = heapMb();
        settle.resolve();
      }
    },
    onQueryTerminated: (e) => { if (e.exception !== null) settle.reject(new Error(`query failed: ${e.exception}`)); },
  });
  try {
    const query = await startWindowedCount(session, params.rowsPerBatch, params.keys);
    try {
      await done;
    } finally {
      await query.stop();
    }
  } finally {
    await session.stop();
  }
  return { measured: all.slice(params.warmupBatches), all, wallNs: windowEnd - windowStart, cpuUs: cpuEnd - cpuStart, heapStartMb: heapStart, heapEndMb: heapEnd };
}

export async function windowedCountStateBenchmark(
  params: WindowedCountParams = DEFAULT_WINDOWED_COUNT_PARAMS,
  log: (line: string) => void = () => {},
): Promise<WindowedCountResult> {
  const reps: RepSample[] = [];
  for (let r = 0; r < params.reps; r++) {
    const t0 = process.hrtime.bigint();
    reps.push(await runRep(params));
    log(`  windowed-count rep ${r + 1}: ${(Number(process.hrtime.bigint() - t0) / 1e9).toFixed(1)} s`);
  }
  const measured = reps.flatMap((r) => r.measured);
  const ops = measured.map((p) => p.stateOperators[0]!);
  const rowsPerRep = params.batches * params.rowsPerBatch;
  for (const r of reps) {
    const rows = r.measured.reduce((n, p) => n + p.numInputRows, 0);
    if (rows !== rowsPerRep) throw new Error(`windowed-count: measured ${rows} rows, expected ${rowsPerRep}`);
  }
  const rates = reps.map((r) => rowsPerRep / (Number(r.wallNs) / 1e9));
  const perKey = ops.filter((o) => o.numRowsTotal > 0).map((o) => o.memoryUsedBytes / o.numRowsTotal);
  return {
    params,
    rowsPerRep,
    rowsPerSecond: median(rates),
    bestRowsPerSecond: Math.max(...rates),
    cpuMsPerBatch: median(reps.map((r) => r.cpuUs / 1000 / params.batches)),
    stateRowsMin: Math.min(...ops.map((o) => o.numRowsTotal)),
    stateRowsMax: Math.max(...ops.map((o) => o.numRowsTotal)),
    stateRowsFirstBatches: reps[0]!.all.slice(0, params.warmupBatches).map((p) => p.stateOperators[0]!.numRowsTotal),
    removedPerBatch: ops.reduce((n, o) => n + o.numRowsRemoved, 0) / ops.length,
    bytesPerKeyMin: Math.min(...perKey),
    bytesPerKeyMax: Math.max(...perKey),
    heapStartMb: median(reps.map((r) => r.heapStartMb)),
    heapEndMb: median(reps.map((r) => r.heapEndMb)),
    stateRowsAtEnd: median(reps.map((r) => r.measured.at(-1)!.stateOperators[0]!.numRowsTotal)),
  };
}

const int = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

export function windowedCountTable(r: WindowedCountResult): string {
  const f = (x: number): string => (Number.isNaN(x) ? '–' : x.toFixed(1));
  return [
    '| rows/batch | keys per window | warm-up + measured batches × reps | rows/s median (best) | CPU ms/batch | state rows min / max (measured) | rows evicted / batch | bytes per key (memoryUsedBytes / numRowsTotal) | heap after GC, start → end of measured (MB) | state rows at the end |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    `| ${int.format(r.params.rowsPerBatch)} | ${int.format(r.params.keys)} | ${r.params.warmupBatches} + ${r.params.batches} × ${r.params.reps} | ${int.format(r.rowsPerSecond)} (${int.format(r.bestRowsPerSecond)}) | ` +
    `${r.cpuMsPerBatch.toFixed(2)} | ${int.format(r.stateRowsMin)} / ${int.format(r.stateRowsMax)} | ${f(r.removedPerBatch)} | ` +
    `${r.bytesPerKeyMin === r.bytesPerKeyMax ? f(r.bytesPerKeyMin) : `${f(r.bytesPerKeyMin)}–${f(r.bytesPerKeyMax)}`} | ${f(r.heapStartMb)} → ${f(r.heapEndMb)} | ${int.format(r.stateRowsAtEnd)} |`,
  ].join('\n');
}
