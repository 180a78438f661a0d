import type { QueryProgressEvent, Session, StreamingQuery, StreamingQueryListener } from 'caudal';
import type { RssSampler } from './rss-sampler.ts';

/** One measured micro-batch, from its progress report and the harness's own clock. */
export interface BatchSample {
  readonly batchId: number;
  readonly numInputRows: number;
  /** `durationMs.triggerExecution` of the progress report (whole milliseconds: the engine's clock). */
  readonly triggerExecutionMs: number;
  /** hrtime between this batch's progress event and the previous one: the batch's full wall-clock cost. */
  readonly intervalMs: number;
}

export interface QueryRun {
  readonly batches: readonly BatchSample[];
  /** hrtime from the last warm-up batch's progress event to the last measured one. */
  readonly wallNs: bigint;
  /** Process CPU time (user + system, all threads) over the same window, in microseconds. Read only at the
   * window's ends: under the profiler, reading it at every batch showed up as a few percent of the loop. */
  readonly cpuUs: number;
}

function cpuNowUs(): number {
  const u = process.cpuUsage();
  return u.user + u.system;
}

/**
 * Starts a query, lets `warmup` batches pass, records the next `measured` ones from `onQueryProgress`,
 * then stops the query. The micro-batch loop may finish one more batch before it sees the stop; that
 * batch is not recorded.
 */
export async function runQueryFor(
  session: Session,
  start: () => Promise<StreamingQuery>,
  warmup: number,
  measured: number,
  rss: RssSampler,
): Promise<QueryRun> {
  if (warmup < 1) throw new Error('at least one warm-up batch is needed to open the measured window');
  const samples: BatchSample[] = [];
  let seen = 0;
  let windowStart = 0n;
  let previous = 0n;
  let windowEnd = 0n;
  let cpuStart = 0;
  let cpuEnd = 0;
  let queryId: string | null = null;
  let settle!: { resolve: () => void; reject: (e: Error) => void };
  const done = new Promise<void>((resolve, reject) => { settle = { resolve, reject }; });

  const listener: StreamingQueryListener = {
    onQueryProgress({ progress }: QueryProgressEvent): void {
      const now = process.hrtime.bigint();
      if (queryId !== null && progress.id !== queryId) return;
      seen++;
      if (seen <= warmup) {
        windowStart = now;
        previous = now;
        if (seen === warmup) cpuStart = cpuNowUs();
        rss.offer();
        return;
      }
      if (samples.length >= measured) return;
      samples.push({
        batchId: progress.batchId,
        numInputRows: progress.numInputRows,
        triggerExecutionMs: progress.durationMs['triggerExecution'] ?? NaN,
        intervalMs: Number(now - previous) / 1e6,
      });
      if (samples.length === measured) {
        windowEnd = now;
        cpuEnd = cpuNowUs();
        settle.resolve();
      }
      previous = now;
      rss.offer();
    },
    onQueryTerminated(event): void {
      if (event.exception !== null) settle.reject(new Error(`query failed: ${event.exception}`));
      else if (samples.length < measured) settle.reject(new Error(`query stopped after ${samples.length} of ${measured} measured batches`));
    },
  };

  session.streams.addListener(listener);
  try {
    const query = await start();
    queryId = query.id;
    try {
      await done;
    } finally {
      await query.stop();
    }
  } finally {
    session.streams.removeListener(listener);
  }
  return { batches: samples, wallNs: windowEnd - windowStart, cpuUs: cpuEnd - cpuStart };
}
