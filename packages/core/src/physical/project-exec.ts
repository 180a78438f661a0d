import { ColumnBatch } from '../data/column-batch.ts';
import type { NamedExpr } from '../expr/bound-expr.ts';
import { compileExpr, type Evaluator } from '../expr/compile-expression.ts';
import type { StructType } from '../types/schema.ts';
import type { ExecContext, PhysicalOperator } from './physical-operator.ts';

export class ProjectExec implements PhysicalOperator {
  readonly name = 'Project';
  readonly children;
  private readonly evaluators: Evaluator[];

  constructor(readonly child: PhysicalOperator, exprs: readonly NamedExpr[], readonly schema: StructType) {
    this.children = [child];
    this.evaluators = exprs.map((e) => compileExpr(e.expr));
  }

  execute(ctx: ExecContext): ColumnBatch[] {
    return this.child.execute(ctx).map((b) =>
      new ColumnBatch(this.schema, this.evaluators.map((ev) => ev(b, ctx.eval)), b.numRows));
  }
}
