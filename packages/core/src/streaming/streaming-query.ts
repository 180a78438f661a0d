import type { StreamingQueryProgress } from './progress.ts';
import type { StreamingQueryStatus } from './query-status.ts';
import type { MicroBatchExecution } from './micro-batch-execution.ts';
import type { StreamingQueryException } from './streaming-query-exception.ts';
import { drawTree } from '../logical/draw-tree.ts';
import { explainPlan } from '../logical/explain-plan.ts';
import type { LogicalPlan } from '../logical/logical-plan.ts';
import type { PhysicalOperator } from '../physical/physical-operator.ts';

/** A running (or finished) streaming query, as PySpark's `StreamingQuery`. */
export class StreamingQuery {
  private readonly terminated: Promise<void>;
  private resolveTerminated!: () => void;

  /** @internal */
  constructor(
    /** Stable across restarts from the same checkpoint. */
    readonly id: string,
    /** New for every start. */
    readonly runId: string,
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

  get isActive(): boolean {
    return this.execution.isActive;
  }

  get status(): StreamingQueryStatus {
    return this.execution.status;
  }

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

  /** The query's logical plan and its incremental physical plan. */
  explainString(): string {
    const physical = drawTree(this.physical, (op) => {
      const id = 'operatorId' in op ? ` (operator ${String((op as { operatorId: number }).operatorId)})` : '';
      return `${op.name}${id}`;
    }, (op) => op.children);
    return `== Logical Plan ==\n${explainPlan(this.plan)}\n\n== Incremental Physical Plan ==\n${physical}`;
  }

  explain(): void {
    process.stdout.write(this.explainString() + '\n');
  }

  toString(): string {
    return `StreamingQuery(name=${this.name ?? 'null'}, id=${this.id}, runId=${this.runId})`;
  }
}
