import type { ColumnBatch } from '../data/column-batch.ts';
import type { StructType } from '../types/schema.ts';
import type { ExecContext, PhysicalOperator } from './physical-operator.ts';

export class UnionExec implements PhysicalOperator {
  readonly name = 'Union';

  constructor(readonly children: readonly PhysicalOperator[], readonly schema: StructType) {}

  execute(ctx: ExecContext): ColumnBatch[] {
    return this.children.flatMap((c) => c.execute(ctx).map((b) => b.withSchema(this.schema)));
  }
}
