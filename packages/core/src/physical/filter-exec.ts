import type { ColumnBatch } from '../data/column-batch.ts';
import type { BoolVector } from '../data/vector.ts';
import type { BoundExpr } from '../expr/bound-expr.ts';
import { compileExpr, type Evaluator } from '../expr/compile-expression.ts';
import type { ExecContext, PhysicalOperator } from './physical-operator.ts';

export class FilterExec implements PhysicalOperator {
  readonly name = 'Filter';
  readonly children;
  readonly schema;
  private readonly condition: Evaluator;

  constructor(readonly child: PhysicalOperator, condition: BoundExpr) {
    this.children = [child];
    this.schema = child.schema;
    this.condition = compileExpr(condition);
  }

  execute(ctx: ExecContext): ColumnBatch[] {
    const out: ColumnBatch[] = [];
    for (const b of this.child.execute(ctx)) {
      const c = this.condition(b, ctx.eval) as BoolVector;
      const n = b.numRows;
      // A row passes when the condition is true (null counts as false).
      const mask = c.valid === null ? c.values : new Uint8Array(n);
      let count = 0;
      if (c.valid === null) for (let i = 0; i < n; i++) count += mask[i]!;
      else for (let i = 0; i < n; i++) { const m = c.values[i]! & c.valid[i]!; mask[i] = m; count += m; }
      if (count > 0) out.push(b.filter(mask, count));
    }
    return out;
  }
}
