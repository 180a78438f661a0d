import { ColumnBatch } from '../data/column-batch.ts';
import { valueAt } from '../data/vector.ts';
import { compileExpr, type Evaluator } from '../expr/compile-expression.ts';
import { compareValues } from '../expr/compare-values.ts';
import type { SortKey } from '../logical/logical-plan.ts';
import type { ExecContext, PhysicalOperator } from './physical-operator.ts';

/** Sorts all input rows (stable), by each key in turn with its direction and null placement. */
export class SortExec implements PhysicalOperator {
  readonly name = 'Sort';
  readonly children;
  readonly schema;
  private readonly evaluators: Evaluator[];

  constructor(readonly child: PhysicalOperator, readonly keys: readonly SortKey[]) {
    this.children = [child];
    this.schema = child.schema;
    this.evaluators = keys.map((k) => compileExpr(k.expr));
  }

  execute(ctx: ExecContext): ColumnBatch[] {
    const all = ColumnBatch.concat(this.schema, this.child.execute(ctx));
    const n = all.numRows;
    if (n === 0) return [];
    const keyVecs = this.evaluators.map((ev) => ev(all, ctx.eval));
    const numeric = keyVecs.map((v) => (v.kind === 'num' ? v.values : null));
    const order = Array.from({ length: n }, (_, i) => i);
    order.sort((a, b) => {
      for (let k = 0; k < keyVecs.length; k++) {
        const key = this.keys[k]!;
        const vec = keyVecs[k]!;
        const x = valueAt(vec, a);
        const y = valueAt(vec, b);
        let c: number;
        if (x === null || y === null) {
          if (x === y) continue;
          c = x === null ? (key.nullsFirst ? -1 : 1) : (key.nullsFirst ? 1 : -1);
          return c;
        }
        const nums = numeric[k];
        c = nums ? (nums[a]! < nums[b]! ? -1 : nums[a]! > nums[b]! ? 1 : compareValues(vec.type, x, y)) : compareValues(vec.type, x, y);
        if (c !== 0) return key.ascending ? c : -c;
      }
      return a - b;
    });
    return [all.take(order)];
  }
}
