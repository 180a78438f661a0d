import type { ColumnBatch } from '../data/column-batch.ts';
import type { ExecContext, PhysicalOperator } from './physical-operator.ts';

export class LimitExec implements PhysicalOperator {
  readonly name = 'Limit';
  readonly children;
  readonly schema;

  constructor(readonly child: PhysicalOperator, readonly n: number) {
    this.children = [child];
    this.schema = child.schema;
  }

  execute(ctx: ExecContext): ColumnBatch[] {
    const out: ColumnBatch[] = [];
    let left = this.n;
    for (const b of this.child.execute(ctx)) {
      if (left <= 0) break;
      const piece = b.numRows <= left ? b : b.slice(0, left);
      out.push(piece);
      left -= piece.numRows;
    }
    return out;
  }
}
