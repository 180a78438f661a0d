import type { ColumnBatch } from '../data/column-batch.ts';
import type { LogicalPlan } from '../logical/logical-plan.ts';
import type { ExecContext, PhysicalOperator } from './physical-operator.ts';

/** A leaf: the rows its relation delivered for this run (a micro-batch's range, a file read, a table). */
export class ScanExec implements PhysicalOperator {
  readonly name = 'Scan';
  readonly children = [];
  readonly schema;

  constructor(readonly relation: LogicalPlan) {
    this.schema = relation.schema;
  }

  execute(ctx: ExecContext): ColumnBatch[] {
    return [...(ctx.inputs.get(this.relation) ?? [])];
  }
}
