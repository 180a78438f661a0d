import type { ColumnBatch } from '../data/column-batch.ts';
import type { EventTimeWatermark } from '../logical/logical-plan.ts';
import type { ExecContext, PhysicalOperator } from './physical-operator.ts';

/** Per-batch statistics of one watermarked column, in microseconds. */
export interface EventTimeStats {
  min: number;
  max: number;
  sum: number;
  count: number;
}

/**
 * `withWatermark`: passes rows through unchanged and records the min, max and average event time of
 * the batch, from which the engine computes the next watermark (max event time − delay).
 */
export class EventTimeWatermarkExec implements PhysicalOperator {
  readonly name = 'EventTimeWatermark';
  readonly children;
  readonly schema;

  constructor(readonly child: PhysicalOperator, readonly plan: EventTimeWatermark, readonly watermarkId: number) {
    this.children = [child];
    this.schema = plan.schema;
  }

  execute(ctx: ExecContext): ColumnBatch[] {
    const batches = this.child.execute(ctx);
    const stats: EventTimeStats = { min: Infinity, max: -Infinity, sum: 0, count: 0 };
    for (const b of batches) {
      const v = b.column(this.plan.column);
      const n = b.numRows;
      if (v.kind === 'num') {
        const values = v.values;
        for (let i = 0; i < n; i++) {
          if (v.valid !== null && v.valid[i] === 0) continue;
          const t = values[i]!;
          if (t < stats.min) stats.min = t;
          if (t > stats.max) stats.max = t;
          stats.sum += t;
          stats.count++;
        }
      } else {
        for (let i = 0; i < n; i++) {
          const w = v.values[i] as number[] | null;
          if (w === null || w === undefined) continue;
          const t = w[1]! - 1;
          if (t < stats.min) stats.min = t;
          if (t > stats.max) stats.max = t;
          stats.sum += t;
          stats.count++;
        }
      }
    }
    ctx.eventTime?.record(this.watermarkId, stats);
    return batches;
  }
}
