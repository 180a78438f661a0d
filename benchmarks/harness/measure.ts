import { Session } from 'caudal';
import { runQueryFor, type BatchSample } from './run-query.ts';
import { RssSampler } from './rss-sampler.ts';
import { mean, median, percentile } from './stats.ts';
import type { Workload, WorkloadParams } from './workload.ts';

export interface Distribution {
  readonly p50: number;
  readonly p99: number;
  readonly mean: number;
  readonly max: number;
}

export interface RepetitionResult {
  readonly rows: number;
  readonly wallMs: number;
  readonly cpuMs: number;
  readonly rowsPerSecond: number;
  readonly msPerBatch: number;
  readonly cpuMsPerBatch: number;
}

/** Everything measured for one workload; written as-is into the results JSON. */
export interface WorkloadResult {
  readonly name: string;
  readonly query: string;
  readonly kind: Workload['kind'];
  readonly params: WorkloadParams;
  readonly repetitions: readonly RepetitionResult[];
  /** Median over repetitions of measured rows / measured wall time. */
  readonly rowsPerSecond: number;
  /** Median over repetitions of measured wall time / measured batches. */
  readonly msPerBatch: number;
  /** Median over repetitions of measured process CPU time / measured batches (less sensitive to other load). */
  readonly cpuMsPerBatch: number;
  /** The best repetition's rows/s (the least disturbed by other processes). */
  readonly bestRowsPerSecond: number;
  /** `durationMs.triggerExecution` of every measured batch of every repetition. */
  readonly triggerExecutionMs: Distribution;
  /** hrtime between consecutive progress events (sub-millisecond resolution). */
  readonly batchIntervalMs: Distribution;
  readonly peakRssMb: number;
}

function distribution(values: readonly number[]): Distribution {
  return { p50: percentile(values, 50), p99: percentile(values, 99), mean: mean(values), max: Math.max(...values) };
}

const gc = (globalThis as { gc?: () => void }).gc;

/** Runs a workload's repetitions, each a fresh session and query, in this process. */
export async function measureWorkload(workload: Workload, params: WorkloadParams): Promise<WorkloadResult> {
  const rss = new RssSampler();
  rss.start();
  const reps: RepetitionResult[] = [];
  const all: BatchSample[] = [];
  for (let r = 0; r < params.repetitions; r++) {
    gc?.();
    const session = Session.builder().appName(`bench-${workload.name}`).create();
    try {
      const run = await runQueryFor(session, () => workload.start(session, params), params.warmupBatches, params.batches, rss);
      const rows = run.batches.reduce((s, b) => s + b.numInputRows, 0);
      const wallMs = Number(run.wallNs) / 1e6;
      const cpuMs = run.cpuUs / 1000;
      const count = run.batches.length;
      reps.push({ rows, wallMs, cpuMs, rowsPerSecond: rows / (wallMs / 1000), msPerBatch: wallMs / count, cpuMsPerBatch: cpuMs / count });
      all.push(...run.batches);
    } finally {
      await session.stop();
    }
  }
  return {
    name: workload.name,
    query: workload.query,
    kind: workload.kind,
    params,
    repetitions: reps,
    rowsPerSecond: median(reps.map((r) => r.rowsPerSecond)),
    msPerBatch: median(reps.map((r) => r.msPerBatch)),
    cpuMsPerBatch: median(reps.map((r) => r.cpuMsPerBatch)),
    bestRowsPerSecond: Math.max(...reps.map((r) => r.rowsPerSecond)),
    triggerExecutionMs: distribution(all.map((b) => b.triggerExecutionMs)),
    batchIntervalMs: distribution(all.map((b) => b.intervalMs)),
    peakRssMb: rss.stop() / (1024 * 1024),
  };
}
