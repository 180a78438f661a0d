import { ColumnBatch } from '../data/column-batch.ts';
import { AggregationState } from '../aggregate/aggregation-state.ts';
import { compileExpr, type Evaluator } from '../expr/compile-expression.ts';
import type { Aggregate } from '../logical/logical-plan.ts';
import type { ExecContext, PhysicalOperator } from './physical-operator.ts';

/** Aggregation over a bounded input: all rows are folded, then every group is emitted once. */
export class HashAggregateExec implements PhysicalOperator {
  readonly name = 'HashAggregate';
  readonly children;
  readonly schema;
  private readonly results: Evaluator[];

  constructor(readonly child: PhysicalOperator, readonly plan: Aggregate) {
    this.children = [child];
    this.schema = plan.schema;
    this.results = plan.results.map((r) => compileExpr(r.expr));
  }

  execute(ctx: ExecContext): ColumnBatch[] {
    const state = new AggregationState(this.plan);
    for (const b of this.child.execute(ctx)) state.update(b, ctx.eval);
    state.ensureGlobalGroup();
    const buffer = state.emit(state.groups.liveSlots());
    return [new ColumnBatch(this.schema, this.results.map((ev) => ev(buffer, ctx.eval)), buffer.numRows)];
  }
}
