import { AnalysisError } from '../analyzer/analysis-error.ts';
import type { BoundExpr } from '../expr/bound-expr.ts';
import type { Vector } from '../data/vector.ts';
import { LONG } from '../types/data-type.ts';
import type { Accumulator, AggregateFunction } from './accumulator.ts';
import { encodeKey } from './group-table.ts';
import { HyperLogLog, precisionFor } from './hyper-log-log.ts';
import { hash64, hashNumber, hashString } from './value-hash.ts';

/**
 * `approx_count_distinct(x[, rsd = 0.05])`: the number of distinct non-null values, estimated with a
 * HyperLogLog++ sketch per group (exact for small sets). Never null: 0 for a group without values.
 */
export const approx_count_distinct: AggregateFunction = {
  name: 'approx_count_distinct',
  resolve(args, sql) {
    if (args.length !== 1 && args.length !== 2) throw new AnalysisError(`Function approx_count_distinct takes 1 to 2 arguments, but ${args.length} were given in '${sql}'`);
    precisionOf(args, sql);
    return { dataType: LONG, nullable: false };
  },
  create(args) {
    return new HllAccumulator(precisionOf(args, ''));
  },
};

function precisionOf(args: readonly BoundExpr[], sql: string): number {
  const rsdArg = args[1];
  let rsd = 0.05;
  if (rsdArg !== undefined) {
    if (rsdArg.kind !== 'literal' || typeof rsdArg.value !== 'number') {
      throw new AnalysisError(`The second argument of approx_count_distinct (the relative standard deviation) must be a numeric literal, in '${sql}'`);
    }
    rsd = rsdArg.value;
  }
  const p = precisionFor(rsd);
  if (!(p >= 4)) throw new AnalysisError('HLL++ requires at least 4 bits for addressing. Use a lower error, at most 39%.');
  if (p > 18) throw new AnalysisError(`approx_count_distinct: a relative standard deviation of ${rsd} needs more than 2^18 registers per group; use at least 0.003`);
  return p;
}

class HllAccumulator implements Accumulator {
  private sketches: (HyperLogLog | null)[] = [];

  constructor(private readonly p: number) {}

  grow(capacity: number): void {
    while (this.sketches.length < capacity) this.sketches.push(null);
  }

  update(slots: Int32Array, args: readonly Vector[], n: number): void {
    const a = args[0]!;
    for (let i = 0; i < n; i++) {
      if (a.kind === 'obj') {
        const x = a.values[i];
        if (x === null || x === undefined) continue;
        if (typeof x === 'string') hashString(x);
        else hashString(encodeKey([x]));
      } else {
        if (a.valid !== null && a.valid[i] === 0) continue;
        hashNumber(a.values[i]!);
      }
      const s = slots[i]!;
      (this.sketches[s] ??= new HyperLogLog(this.p)).add(hash64[0]!, hash64[1]!);
    }
  }

  evaluate(slots: Int32Array, n: number): Vector {
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = this.sketches[slots[i]!]?.estimate() ?? 0;
    return { kind: 'num', type: LONG, values: out, valid: null };
  }

  save(slot: number): unknown[] {
    return this.sketches[slot]?.save() ?? ['s', []];
  }

  restore(slot: number, b: readonly unknown[]): void {
    this.sketches[slot] = HyperLogLog.restore(this.p, b);
  }

  clear(slot: number): void {
    this.sketches[slot] = null;
  }
}
