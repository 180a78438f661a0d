/**
 * How the Caudal runner measures a query, as the side-by-side contract defines it (see
 * /work/notes/spark-suite-contract.md): the measured window of a rate workload from its progress events, and
 * the wall clock of an available-now run. Only the public API of 'caudal' is used.
 */
import type { Session, StreamingQuery, StreamingQueryListener, StreamingQueryProgress } from 'caudal';

/** The RESULT line's JSON (`WorkloadResult` in the contract). */
export interface WorkloadResult {
  engine: 'caudal';
  engineVersion: string;
  workload: string;
  startupMs: number;
  inputRows: number;
  measuredMs: number;
  rowsPerSecond: number;
  batches: number;
  batchMs: number[];
  stateRows?: number;
  latencyMs?: number[];
  outputRows?: number;
  notes?: string;
}

/** What a workload measured; the runner adds engine, version, name and start-up time. */
export type Measured = Omit<WorkloadResult, 'engine' | 'engineVersion' | 'workload' | 'startupMs'>;

/** `durationMs.triggerExecution` of a progress report. */
export function triggerMs(p: StreamingQueryProgress): number {
  return p.durationMs['triggerExecution'] ?? 0;
}

/** When a batch ended on the engine's clock: trigger start + triggerExecution. */
function endMs(p: StreamingQueryProgress): number {
  return Date.parse(p.timestamp) + triggerMs(p);
}

/** Sum of `numRowsTotal` over the batch's state operators. */
export function stateRowsOf(p: StreamingQueryProgress): number {
  return p.stateOperators.reduce((n, op) => n + op.numRowsTotal, 0);
}

/**
 * Collects the progress events of the one query `start` starts (identified at `onQueryStarted`, which runs
 * before `start()` returns). `onProgress` may settle the run early.
 */
export function watch(session: Session, onProgress: (p: StreamingQueryProgress) => void, onTerminated: (error: string | null) => void): { listener: StreamingQueryListener } {
  let id: string | null = null;
  const listener: StreamingQueryListener = {
    onQueryStarted(e): void {
      id ??= e.id;
    },
    onQueryProgress({ progress }): void {
      if (progress.id === id) onProgress(progress);
    },
    onQueryTerminated(e): void {
      if (e.id === id) onTerminated(e.exception);
    },
  };
  session.streams.addListener(listener);
  return { listener };
}

/**
 * A rate workload (default trigger): skips `warmup` progress events, takes the next `measured`, then stops
 * the query. Window = end(last measured) − end(last warm-up); with no warm-up, it opens at the first measured
 * batch's trigger start.
 */
export async function measureRateQuery(
  session: Session, start: () => Promise<StreamingQuery>, warmup: number, measured: number,
): Promise<{ result: Measured; last: StreamingQueryProgress }> {
  const taken: StreamingQueryProgress[] = [];
  let windowStart: number | null = null;
  let seen = 0;
  let settle!: { resolve: () => void; reject: (e: Error) => void };
  const done = new Promise<void>((resolve, reject) => { settle = { resolve, reject }; });
  const { listener } = watch(session, (p) => {
    seen++;
    if (seen <= warmup) {
      windowStart = endMs(p);
      return;
    }
    if (taken.length >= measured) return;
    windowStart ??= Date.parse(p.timestamp);
    taken.push(p);
    if (taken.length === measured) settle.resolve();
  }, (error) => {
    settle.reject(new Error(error ?? `the query stopped after ${taken.length} of ${measured} measured batches`));
  });
  try {
    const query = await start();
    try {
      await done;
    } finally {
      await query.stop();
    }
  } finally {
    session.streams.removeListener(listener);
  }
  const last = taken[taken.length - 1];
  if (last === undefined || windowStart === null) throw new Error('no measured batch');
  const inputRows = taken.reduce((n, p) => n + p.numInputRows, 0);
  const measuredMs = endMs(last) - windowStart;
  return {
    result: {
      inputRows,
      measuredMs,
      rowsPerSecond: inputRows / (measuredMs / 1000),
      batches: taken.length,
      batchMs: taken.map(triggerMs),
    },
    last,
  };
}

/** One available-now run: wall clock from just before `start()` to after `awaitTermination()`. */
export interface AvailableNowRun {
  readonly wallMs: number;
  readonly progress: readonly StreamingQueryProgress[];
}

export async function runAvailableNow(session: Session, start: () => Promise<StreamingQuery>): Promise<AvailableNowRun> {
  const progress: StreamingQueryProgress[] = [];
  const { listener } = watch(session, (p) => progress.push(p), () => undefined);
  try {
    const t0 = performance.now();
    const query = await start();
    await query.awaitTermination();
    const wallMs = performance.now() - t0;
    const failure = query.exception();
    if (failure !== null) throw failure;
    return { wallMs, progress };
  } finally {
    session.streams.removeListener(listener);
  }
}

/** Input rows, and the batches that had some with their `triggerExecution` times. */
export function batchesWithData(progress: readonly StreamingQueryProgress[]): { inputRows: number; batches: number; batchMs: number[] } {
  const withData = progress.filter((p) => p.numInputRows > 0);
  return {
    inputRows: withData.reduce((n, p) => n + p.numInputRows, 0),
    batches: withData.length,
    batchMs: withData.map(triggerMs),
  };
}

/** The measured figures of an available-now run (batchMs: batches that had input rows). */
export function availableNowResult(run: AvailableNowRun): Measured {
  const { inputRows, batches, batchMs } = batchesWithData(run.progress);
  return { inputRows, measuredMs: run.wallMs, rowsPerSecond: inputRows / (run.wallMs / 1000), batches, batchMs };
}

/** Rows the sink received over the run (progress `sink.numOutputRows`). */
export function sinkRows(run: AvailableNowRun): number {
  return run.progress.reduce((n, p) => n + p.sink.numOutputRows, 0);
}
