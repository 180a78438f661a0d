import { AnalysisError } from '../analyzer/analysis-error.ts';
import { layoutOf, valueAt, vectorFromValues, type Vector } from '../data/vector.ts';
import { compareValues } from '../expr/compare-values.ts';
import type { DataType } from '../types/data-type.ts';
import { grown, grownBytes, type Accumulator, type AggregateFunction } from './accumulator.ts';

function minMax(name: 'min' | 'max'): AggregateFunction {
  return {
    name,
    resolve(args, sql) {
      if (args.length !== 1) throw new AnalysisError(`Function ${name} takes 1 argument, but ${args.length} were given in '${sql}'`);
      const t = args[0]!.dataType;
      if (t.kind === 'map') throw new AnalysisError(`Cannot resolve '${sql}' due to data type mismatch: function ${name} does not support ordering on type map`);
      return { dataType: t, nullable: true };
    },
    create(_args, type) {
      return layoutOf(type) === 'num' ? new NumericMinMax(type, name === 'max') : new GenericMinMax(type, name === 'max');
    },
  };
}

export const min = minMax('min');
export const max = minMax('max');

class NumericMinMax implements Accumulator {
  private best = new Float64Array(16);
  private seen = new Uint8Array(16);

  constructor(private readonly type: DataType, private readonly isMax: boolean) {}

  grow(capacity: number): void {
    this.best = grown(this.best, capacity);
    this.seen = grownBytes(this.seen, capacity);
  }

  update(slots: Int32Array, args: readonly Vector[], n: number): void {
    const a = args[0]!;
    if (a.kind !== 'num') return;
    const v = a.values;
    const valid = a.valid;
    const best = this.best;
    const seen = this.seen;
    for (let i = 0; i < n; i++) {
      if (valid !== null && valid[i] === 0) continue;
      const s = slots[i]!;
      const x = v[i]!;
      if (seen[s] === 0) { best[s] = x; seen[s] = 1; }
      // Spark orders NaN above every number: max keeps a NaN once seen, min replaces a NaN by any number.
      else if (this.isMax ? x > best[s]! || (Number.isNaN(x) && !Number.isNaN(best[s]!)) : x < best[s]! || (Number.isNaN(best[s]!) && !Number.isNaN(x))) best[s] = x;
    }
  }

  evaluate(slots: Int32Array, n: number): Vector {
    const out = new Float64Array(n);
    let valid: Uint8Array | null = null;
    for (let i = 0; i < n; i++) {
      const s = slots[i]!;
      if (this.seen[s] === 0) {
        valid ??= new Uint8Array(n).fill(1);
        valid[i] = 0;
      } else out[i] = this.best[s]!;
    }
    return { kind: 'num', type: this.type, values: out, valid };
  }

  save(slot: number): unknown[] {
    return [this.best[slot], this.seen[slot]];
  }

  restore(slot: number, b: readonly unknown[]): void {
    this.best[slot] = b[0] as number;
    this.seen[slot] = b[1] as number;
  }

  clear(slot: number): void {
    this.seen[slot] = 0;
  }
}

/** Strings and other non-numeric types: values kept in a JS array, ordered by compareValues. */
class GenericMinMax implements Accumulator {
  private best: unknown[] = [];

  constructor(private readonly type: DataType, private readonly isMax: boolean) {}

  grow(capacity: number): void {
    while (this.best.length < capacity) this.best.push(null);
  }

  update(slots: Int32Array, args: readonly Vector[], n: number): void {
    const a = args[0]!;
    for (let i = 0; i < n; i++) {
      const x = valueAt(a, i);
      if (x === null) continue;
      const s = slots[i]!;
      const cur = this.best[s];
      if (cur === null || cur === undefined) this.best[s] = x;
      else {
        const c = compareValues(this.type, x, cur);
        if (this.isMax ? c > 0 : c < 0) this.best[s] = x;
      }
    }
  }

  evaluate(slots: Int32Array, n: number): Vector {
    const out = new Array<unknown>(n);
    for (let i = 0; i < n; i++) out[i] = this.best[slots[i]!] ?? null;
    return vectorFromValues(this.type, out);
  }

  save(slot: number): unknown[] {
    return [this.best[slot] ?? null];
  }

  restore(slot: number, b: readonly unknown[]): void {
    this.best[slot] = b[0];
  }

  clear(slot: number): void {
    this.best[slot] = null;
  }
}
