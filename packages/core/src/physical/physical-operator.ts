import type { ColumnBatch } from '../data/column-batch.ts';
import type { EvalContext } from '../expr/eval-context.ts';
import type { LogicalPlan } from '../logical/logical-plan.ts';
import type { StructType } from '../types/schema.ts';
import type { OutputMode } from '../streaming/output-mode.ts';
import type { EventTimeStats } from './event-time-watermark-exec.ts';

/**
 * An executable operator. Built once per query (expressions compiled once), then run once per batch
 * with that batch's inputs. Stateless operators keep nothing between runs; stateful ones hold their
 * state handle and commit it through `commitState` after the sink has taken the batch.
 */
export interface PhysicalOperator {
  readonly name: string;
  readonly schema: StructType;
  readonly children: readonly PhysicalOperator[];
  execute(ctx: ExecContext): ColumnBatch[];
}

/** What one run of a plan sees: its leaves' rows, the batch's clock and mode. */
export interface ExecContext {
  readonly eval: EvalContext;
  /** Rows for each leaf relation in this run. */
  readonly inputs: ReadonlyMap<LogicalPlan, readonly ColumnBatch[]>;
  readonly batchId: number;
  readonly outputMode: OutputMode;
  /** Streaming only: the watermark of this batch (state older than it is evicted), in ms. */
  readonly watermarkMs?: number;
  /** Streaming only: rows older than this watermark (the previous batch's) are late, in ms. */
  readonly lateWatermarkMs?: number;
  /** Streaming only: where `withWatermark` operators report each batch's event-time statistics. */
  readonly eventTime?: { record(watermarkId: number, stats: EventTimeStats): void };
  /** Streaming only: when the query routes late rows to a side output, stateful operators hand them here. */
  readonly lateRows?: { add(operatorId: number, rows: ColumnBatch): void };
}
