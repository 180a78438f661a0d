import type { Session, StreamingQuery } from 'caudal';

/** Knobs shared by every workload (command-line flags of run.ts). */
export interface WorkloadParams {
  /** Measured batches per repetition. */
  readonly batches: number;
  /** Batches run and discarded at the start of each repetition (JIT, first-batch setup). */
  readonly warmupBatches: number;
  /** Fresh queries (each in a fresh session) per workload. */
  readonly repetitions: number;
  /** Rows per micro-batch for the throughput workloads. */
  readonly rowsPerBatch: number;
}

/** One benchmark: a streaming query the harness starts, runs for a number of batches and stops. */
export interface Workload {
  readonly name: string;
  /** The query, as one line for the results table. */
  readonly query: string;
  /** `throughput` reports rows/s; `overhead` reports time per (empty) batch. */
  readonly kind: 'throughput' | 'overhead';
  /** Default measured batches; chosen so the whole suite takes well under two minutes on two cores. */
  readonly defaultBatches: number;
  /** Starts the query in `session` with the default trigger; the harness stops it. */
  start(session: Session, params: WorkloadParams): Promise<StreamingQuery>;
}
