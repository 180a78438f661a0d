import { AnalysisError } from '../analyzer/analysis-error.ts';
import type { NumVector, Vector } from '../data/vector.ts';
import { DOUBLE, LONG, isNumeric, simpleString } from '../types/data-type.ts';
import type { DataType } from '../types/data-type.ts';
import { grown, grownBytes, type Accumulator, type AggregateFunction } from './accumulator.ts';

/** `sum(x)`: bigint for integral input, double otherwise; null when the group has no non-null value. */
export const sum: AggregateFunction = {
  name: 'sum',
  resolve(args, sql) {
    const t = singleNumericArg('sum', args.map((a) => a.dataType), sql);
    return { dataType: t.kind === 'double' || t.kind === 'string' ? DOUBLE : LONG, nullable: true };
  },
  create(_args, type) {
    return new SumAccumulator(type, false);
  },
};

/** `avg(x)` / `mean(x)`: always double. */
export const avg: AggregateFunction = {
  name: 'avg',
  resolve(args, sql) {
    singleNumericArg('avg', args.map((a) => a.dataType), sql);
    return { dataType: DOUBLE, nullable: true };
  },
  create(_args, type) {
    return new SumAccumulator(type, true);
  },
};

export function singleNumericArg(name: string, types: readonly DataType[], sql: string): DataType {
  if (types.length !== 1) throw new AnalysisError(`Function ${name} takes 1 argument, but ${types.length} were given in '${sql}'`);
  const t = types[0]!;
  if (!isNumeric(t) && t.kind !== 'null' && t.kind !== 'string') {
    throw new AnalysisError(`Cannot resolve '${sql}' due to data type mismatch: function ${name} requires numeric type, but got ${simpleString(t)}`);
  }
  return t;
}

class SumAccumulator implements Accumulator {
  private sums = new Float64Array(16);
  private counts = new Float64Array(16);
  private seen = new Uint8Array(16);

  constructor(private readonly type: DataType, private readonly average: boolean) {}

  grow(capacity: number): void {
    this.sums = grown(this.sums, capacity);
    this.counts = grown(this.counts, capacity);
    this.seen = grownBytes(this.seen, capacity);
  }

  update(slots: Int32Array, args: readonly Vector[], n: number): void {
    const a = args[0]!;
    const sums = this.sums;
    const counts = this.counts;
    const seen = this.seen;
    if (a.kind === 'num') {
      const v = a.values;
      const valid = a.valid;
      for (let i = 0; i < n; i++) {
        if (valid !== null && valid[i] === 0) continue;
        const s = slots[i]!;
        sums[s]! += v[i]!;
        counts[s]! += 1;
        seen[s] = 1;
      }
      return;
    }
    for (let i = 0; i < n; i++) {
      const x = a.values[i];
      if (x === null || x === undefined) continue;
      const num = typeof x === 'string' ? Number(x) : Number(x);
      if (Number.isNaN(num) && typeof x === 'string') continue;
      const s = slots[i]!;
      sums[s]! += num;
      counts[s]! += 1;
      seen[s] = 1;
    }
  }

  evaluate(slots: Int32Array, n: number): NumVector {
    const out = new Float64Array(n);
    let valid: Uint8Array | null = null;
    for (let i = 0; i < n; i++) {
      const s = slots[i]!;
      if (this.seen[s] === 0) {
        valid ??= new Uint8Array(n).fill(1);
        valid[i] = 0;
      } else out[i] = this.average ? this.sums[s]! / this.counts[s]! : this.sums[s]!;
    }
    return { kind: 'num', type: this.type, values: out, valid };
  }

  save(slot: number): unknown[] {
    return [this.sums[slot], this.counts[slot], this.seen[slot]];
  }

  restore(slot: number, b: readonly unknown[]): void {
    this.sums[slot] = b[0] as number;
    this.counts[slot] = b[1] as number;
    this.seen[slot] = b[2] as number;
  }

  clear(slot: number): void {
    this.sums[slot] = 0;
    this.counts[slot] = 0;
    this.seen[slot] = 0;
  }
}
