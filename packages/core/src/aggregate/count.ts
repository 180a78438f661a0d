import { AnalysisError } from '../analyzer/analysis-error.ts';
import type { Vector } from '../data/vector.ts';
import { LONG } from '../types/data-type.ts';
import { grown, type Accumulator, type AggregateFunction } from './accumulator.ts';

/** `count(*)` / `count(1)` count rows; `count(x, ...)` counts rows where every argument is non-null. */
export const count: AggregateFunction = {
  name: 'count',
  resolve(args, sql, star) {
    if (!star && args.length === 0) throw new AnalysisError(`Function count needs at least one argument or *, in '${sql}'`);
    return { dataType: LONG, nullable: false };
  },
  create(args, _type, star) {
    return new CountAccumulator(star || args.every((a) => a.kind === 'literal' && a.value !== null));
  },
};

class CountAccumulator implements Accumulator {
  private counts = new Float64Array(16);

  constructor(private readonly countAllRows: boolean) {}

  grow(capacity: number): void {
    this.counts = grown(this.counts, capacity);
  }

  update(slots: Int32Array, args: readonly Vector[], n: number): void {
    const counts = this.counts;
    if (this.countAllRows) {
      for (let i = 0; i < n; i++) counts[slots[i]!]! += 1;
      return;
    }
    for (let i = 0; i < n; i++) {
      let present = true;
      for (const a of args) {
        if (a.kind === 'obj' ? a.values[i] === null || a.values[i] === undefined : a.valid !== null && a.valid[i] === 0) { present = false; break; }
      }
      if (present) counts[slots[i]!]! += 1;
    }
  }

  evaluate(slots: Int32Array, n: number): Vector {
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = this.counts[slots[i]!]!;
    return { kind: 'num', type: LONG, values: out, valid: null };
  }

  save(slot: number): unknown[] {
    return [this.counts[slot]];
  }

  restore(slot: number, buffer: readonly unknown[]): void {
    this.counts[slot] = buffer[0] as number;
  }

  clear(slot: number): void {
    this.counts[slot] = 0;
  }
}
