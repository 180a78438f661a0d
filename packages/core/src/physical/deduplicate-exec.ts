import type { ColumnBatch } from '../data/column-batch.ts';
import { valueAt } from '../data/vector.ts';
import { encodeKey } from '../aggregate/group-table.ts';
import type { ExecContext, PhysicalOperator } from './physical-operator.ts';

/** Keeps the first row of each key over all input (static `distinct()` / `dropDuplicates`). */
export class DeduplicateExec implements PhysicalOperator {
  readonly name = 'Deduplicate';
  readonly children;
  readonly schema;

  constructor(readonly child: PhysicalOperator, readonly keys: readonly number[]) {
    this.children = [child];
    this.schema = child.schema;
  }

  execute(ctx: ExecContext): ColumnBatch[] {
    const seen = new Set<string>();
    const out: ColumnBatch[] = [];
    for (const b of this.child.execute(ctx)) {
      const keep: number[] = [];
      for (let i = 0; i < b.numRows; i++) {
        const code = encodeKey(this.keys.map((k) => valueAt(b.column(k), i)));
        if (!seen.has(code)) { seen.add(code); keep.push(i); }
      }
      if (keep.length > 0) out.push(keep.length === b.numRows ? b : b.take(keep));
    }
    return out;
  }
}
