import { ColumnBatch } from '../data/column-batch.ts';
import { takeVector, valueAt, type Vector } from '../data/vector.ts';
import { compileExpr, type Evaluator } from '../expr/compile-expression.ts';
import type { EvalContext } from '../expr/eval-context.ts';
import type { Aggregate } from '../logical/logical-plan.ts';
import { StructType } from '../types/schema.ts';
import type { Accumulator } from './accumulator.ts';
import { encodeKey, GroupTable } from './group-table.ts';

/**
 * Groups and accumulators of one Aggregate node: a GroupTable from key to slot and one columnar
 * Accumulator per aggregate call. Static queries use one per run; streaming queries keep one across
 * batches (the operator's state) and record what each batch touched so it can be committed or undone.
 */
export class AggregationState {
  readonly groups: GroupTable;
  readonly bufferSchema: StructType;
  private readonly keyEvals: Evaluator[];
  private readonly argEvals: Evaluator[][];
  private readonly accumulators: Accumulator[];
  private readonly distinctSeen: (Set<string> | null)[];

  constructor(readonly plan: Aggregate) {
    this.groups = new GroupTable(plan.groupBy.map((g) => g.expr.dataType));
    this.keyEvals = plan.groupBy.map((g) => compileExpr(g.expr));
    this.argEvals = plan.calls.map((c) => c.args.map(compileExpr));
    this.accumulators = plan.calls.map((c) => c.fn.create(c.args, c.dataType, c.star));
    this.distinctSeen = plan.calls.map((c) => (c.distinct ? new Set<string>() : null));
    this.bufferSchema = new StructType([
      ...plan.groupBy.map((g) => ({ name: g.name, dataType: g.expr.dataType, nullable: g.expr.nullable })),
      ...plan.calls.map((c, i) => ({ name: `__agg${i}`, dataType: c.dataType, nullable: c.nullable })),
    ]);
  }

  /**
   * Folds a batch into the groups. `onTouch(slot, isNew)` is called once per distinct slot of the batch,
   * BEFORE its accumulators change (so callers can save the old buffer).
   */
  update(batch: ColumnBatch, ctx: EvalContext, onTouch?: (slot: number, isNew: boolean) => void): void {
    const n = batch.numRows;
    const keys = this.keyEvals.map((ev) => ev(batch, ctx));
    const inserted: number[] = [];
    const slots = this.groups.findOrInsert(keys, n, inserted);
    const capacity = this.groups.capacity;
    for (const acc of this.accumulators) acc.grow(capacity);
    if (onTouch) {
      const isNew = new Set(inserted);
      const seen = new Uint8Array(capacity);
      for (let i = 0; i < n; i++) {
        const s = slots[i]!;
        if (seen[s] === 0) { seen[s] = 1; onTouch(s, isNew.has(s)); }
      }
    }
    this.accumulators.forEach((acc, k) => {
      const args = this.argEvals[k]!.map((ev) => ev(batch, ctx));
      const seen = this.distinctSeen[k];
      if (!seen) { acc.update(slots, args, n); return; }
      // DISTINCT: only the first occurrence of each (group, argument values) pair reaches the accumulator.
      const keep: number[] = [];
      for (let i = 0; i < n; i++) {
        const values = args.map((a) => valueAt(a, i));
        if (values.some((v) => v === null)) continue;
        const code = `${slots[i]!}\u0002${encodeKey(values)}`;
        if (!seen.has(code)) { seen.add(code); keep.push(i); }
      }
      const idx = Int32Array.from(keep);
      acc.update(Int32Array.from(keep, (i) => slots[i]!), args.map((a) => takeVector(a, idx)), keep.length);
    });
  }

  /** Makes sure the single group of a global aggregate exists (a static count over no rows is 0). */
  ensureGlobalGroup(): void {
    if (this.plan.groupBy.length === 0 && this.groups.size === 0) {
      this.groups.insert([]);
      for (const acc of this.accumulators) acc.grow(this.groups.capacity);
    }
  }

  /** The buffer rows (keys, then aggregate values) of the given slots. */
  emit(slots: Int32Array): ColumnBatch {
    const n = slots.length;
    const columns: Vector[] = [...this.groups.keyVectors(slots, n), ...this.accumulators.map((a) => a.evaluate(slots, n))];
    return new ColumnBatch(this.bufferSchema, columns, n);
  }

  /** Grows the accumulators to the group table's capacity (after inserting keys directly). */
  ensureCapacity(): void {
    for (const acc of this.accumulators) acc.grow(this.groups.capacity);
  }

  saveBuffers(slot: number): unknown[][] {
    return this.accumulators.map((a) => a.save(slot));
  }

  restoreBuffers(slot: number, buffers: readonly (readonly unknown[])[]): void {
    this.accumulators.forEach((a, i) => a.restore(slot, buffers[i]!));
  }

  removeGroup(slot: number): void {
    for (const a of this.accumulators) a.clear(slot);
    this.groups.remove(slot);
  }
}
