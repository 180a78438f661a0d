/** Shapes shared by the side-by-side suite's orchestrator, report and chart, and the runners' RESULT line. */

export const ENGINES = ['caudal', 'spark'] as const;
export type Engine = (typeof ENGINES)[number];

export const WORKLOADS = [
  'w1-filter-project',
  'w2-group-count',
  'w3-windowed-count',
  'w4-wordcount',
  'w5-invoices',
  'w6-bizum',
  'w7-socket-latency',
  'w8-kafka',
] as const;
export type WorkloadName = (typeof WORKLOADS)[number];

/** The runner's `RESULT <json>` line (both engines, identical protocol). */
export interface WorkloadResult {
  readonly engine: Engine;
  readonly engineVersion: string;
  readonly workload: string;
  readonly startupMs: number;
  readonly inputRows: number;
  readonly measuredMs: number;
  readonly rowsPerSecond: number;
  readonly batches: number;
  readonly batchMs: readonly number[];
  readonly stateRows?: number;
  readonly latencyMs?: readonly number[];
  readonly outputRows?: number;
  readonly notes?: string;
}

/** An independent expectation checked against a runner's result. */
export interface Check {
  readonly name: string;
  readonly expected: number;
  readonly actual: number | null;
  readonly ok: boolean;
  /** A failed hard check fails the run; a soft one is reported only. */
  readonly hard: boolean;
}

export interface FeedSummary {
  readonly linesSent: number;
  readonly feedMs: number;
  readonly linesPerSecond: number;
  readonly maxLagMs: number;
  readonly connections: number;
}

/** One engine's run of one workload. */
export interface EngineRun {
  readonly engine: Engine;
  readonly ok: boolean;
  readonly error?: string;
  /** The RESULT without its arrays: batchMs is kept below, latencyMs (one entry per line) only summarised. */
  readonly result?: Omit<WorkloadResult, 'batchMs' | 'latencyMs'>;
  /** triggerExecution of every measured batch, when there are at most 1,000 of them (w7 has thousands). */
  readonly batchMs?: readonly number[];
  readonly batchCount?: number;
  readonly batchP50Ms?: number;
  readonly batchP99Ms?: number;
  readonly latencyCount?: number;
  readonly latencyP50Ms?: number;
  readonly latencyP99Ms?: number;
  readonly latencyMaxMs?: number;
  /** A second rate where input rows are not the natural unit (w4: words/s; w5: line items/s), over measuredMs. */
  readonly derivedRate?: { readonly unit: string; readonly perSecond: number };
  /** Peak RSS of the runner's process tree (sampled every 50 ms from /proc). */
  readonly peakRssBytes: number;
  readonly maxProcesses: number;
  /** Spawn → READY and spawn → exit, as the orchestrator saw them. */
  readonly readyAfterMs?: number;
  readonly processMs: number;
  readonly exitCode: number | null;
  readonly checks: readonly Check[];
  readonly feed?: FeedSummary;
  readonly kafka?: { readonly topicIn: string; readonly topicOut: string; readonly produceMs: number; readonly outputTopicMessages?: number };
  /** Last lines of the runner's stderr, on failure. */
  readonly stderrTail?: string;
}

export interface WorkloadEntry {
  readonly workload: WorkloadName;
  readonly runs: readonly EngineRun[];
  /** Caudal ÷ Spark: rows/s (higher is better for Caudal), or for w7 p99 latency (lower is better for Caudal). */
  readonly ratio?: { readonly metric: 'rowsPerSecond' | 'latencyP99Ms'; readonly caudalOverSpark: number };
  /** Both engines' outputRows, where both report it and the workload's output is deterministic. */
  readonly crossCheck?: { readonly field: 'outputRows'; readonly caudal: number; readonly spark: number; readonly agree: boolean };
}

export interface MachineSummary {
  readonly cores: number;
  readonly cpuModel: string;
  readonly memoryMb: number;
  readonly node: string;
  readonly os: string;
  readonly java?: string;
  readonly pyspark?: string;
  readonly caudal: string;
  readonly loadAverageStart: readonly number[];
  readonly loadAverageEnd?: readonly number[];
}

export interface SuiteResult {
  readonly suite: 'spark-side-by-side';
  readonly date: string;
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly durationS: number;
  readonly machine: MachineSummary;
  readonly params: Readonly<Record<string, number | string | readonly string[]>>;
  readonly workloads: readonly WorkloadEntry[];
  /** False when any run failed, a hard check failed or the engines' outputs disagree. */
  readonly ok: boolean;
}
