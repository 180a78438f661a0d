import type { StreamingQueryProgress } from './progress.ts';
import type { StreamingQueryStatus } from './query-status.ts';
import type { MicroBatchExecution } from './micro-batch-execution.ts';
import type { StreamingQueryException } from './streaming-query-exception.ts';
import { explainAnalyzedPlan, explainPlan } from '../logical/explain-plan.ts';
import { collectNodes, type LogicalPlan } from '../logical/logical-plan.ts';
import { describeStatefulOperators, explainPhysical } from '../physical/explain-physical.ts';
import type { PhysicalOperator } from '../physical/physical-operator.ts';

/**
 * A running (or finished) streaming query, as PySpark's `StreamingQuery`.
 *
 * @example
 * ```ts
 * const query = await df.writeStream.format('memory').queryName('counts').start();
 * await query.processAllAvailable();
 * console.log(query.lastProgress?.prettyJson);
 * console.log(query.explainString(true));
 * await query.stop();
 * ```
 */
export class StreamingQuery {
  private readonly terminated: Promise<void>;
  private resolveTerminated!: () => void;

  /** @internal */
  constructor(
    /** Stable across restarts from the same checkpoint. */
    readonly id: string,
    /** New for every start. */
    readonly runId: string,
    /** `queryName`, or null. */
    readonly name: string | null,
    private readonly execution: MicroBatchExecution,
    private readonly plan: LogicalPlan,
    private readonly physical: PhysicalOperator,
  ) {
    this.terminated = new Promise((resolve) => { this.resolveTerminated = resolve; });
  }

  /** @internal Called once when the run ends. */
  markTerminated(): void {
    this.resolveTerminated();
  }

  /** True until the query stops, fails or finishes (Trigger.Once / AvailableNow). */
  get isActive(): boolean {
    return this.execution.isActive;
  }

  /** What the query is doing now. */
  get status(): StreamingQueryStatus {
    return this.execution.status;
  }

  /** The latest progress report, or null before the first batch. */
  get lastProgress(): StreamingQueryProgress | null {
    return this.execution.lastProgress;
  }

  /** The most recent progress reports (at most `spark.sql.streaming.numRecentProgressUpdates`, 100). */
  get recentProgress(): readonly StreamingQueryProgress[] {
    return [...this.execution.recentProgress];
  }

  /** The failure that ended the query, or null. */
  exception(): StreamingQueryException | null {
    return this.execution.exception;
  }

  /**
   * Waits until the query stops or fails (rejecting with its StreamingQueryException). With a timeout,
   * resolves to whether it terminated within `timeoutMs`.
   */
  async awaitTermination(timeoutMs?: number): Promise<boolean> {
    if (timeoutMs === undefined) {
      await this.terminated;
    } else {
      let timer: NodeJS.Timeout | undefined;
      const timedOut = await Promise.race([
        this.terminated.then(() => false),
        new Promise<boolean>((resolve) => { timer = setTimeout(() => resolve(true), timeoutMs); }),
      ]);
      clearTimeout(timer);
      if (timedOut) return false;
    }
    const e = this.execution.exception;
    if (e) throw e;
    return true;
  }

  /** Waits until everything available in the sources now has been processed and committed (for tests). */
  processAllAvailable(): Promise<void> {
    return this.execution.processAllAvailable();
  }

  /** Stops the query; the batch in flight finishes, sources and sink are closed. */
  async stop(): Promise<void> {
    await this.execution.stop();
  }

  /**
   * The query's logical plan and its incremental physical plan. `extended` shows the parsed and the
   * analysed (typed) logical plans, then the physical plan with each stateful operator's id and rows
   * in state, and the current watermark (the one the next batch runs with).
   */
  explainString(extended = false): string {
    const physical = explainPhysical(this.physical);
    if (!extended) return `== Logical Plan ==\n${explainPlan(this.plan)}\n\n== Incremental Physical Plan ==\n${physical}`;
    const watermark = collectNodes(this.plan).some((p) => p.kind === 'eventTimeWatermark')
      ? new Date(this.execution.currentWatermarkMs).toISOString()
      : 'none (the query has no withWatermark)';
    return [
      `== Parsed Logical Plan ==\n${explainPlan(this.plan)}`,
      `== Analyzed Logical Plan ==\n${explainAnalyzedPlan(this.plan)}`,
      `== Incremental Physical Plan ==\n${physical}\n\n${describeStatefulOperators(this.physical, true)}\nCurrent watermark: ${watermark}`,
    ].join('\n\n');
  }

  /** Prints `explainString(extended)` to stdout. */
  explain(extended = false): void {
    process.stdout.write(this.explainString(extended) + '\n');
  }

  /** `StreamingQuery(name=..., id=..., runId=...)`. */
  toString(): string {
    return `StreamingQuery(name=${this.name ?? 'null'}, id=${this.id}, runId=${this.runId})`;
  }
}
