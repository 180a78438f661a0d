import { AnalysisError } from '../analyzer/analysis-error.ts';
import type { BoundExpr } from '../expr/bound-expr.ts';
import { layoutOf, valueAt, vectorFromValues, type Vector } from '../data/vector.ts';
import type { DataType } from '../types/data-type.ts';
import { grown, grownBytes, type Accumulator, type AggregateFunction } from './accumulator.ts';

/**
 * `first(x[, ignoreNulls])` / `last(x[, ignoreNulls])`: the first / last value of each group in the order
 * rows arrive (nulls count unless ignoreNulls is true). Incremental: later batches only replace `last`.
 */
function firstLast(name: 'first' | 'last'): AggregateFunction {
  return {
    name,
    resolve(args, sql) {
      if (args.length !== 1 && args.length !== 2) throw new AnalysisError(`Function ${name} takes 1 to 2 arguments, but ${args.length} were given in '${sql}'`);
      ignoreNullsOf(name, args, sql);
      return { dataType: args[0]!.dataType, nullable: true };
    },
    create(args, type) {
      const ignoreNulls = ignoreNullsOf(name, args, '');
      const last = name === 'last';
      return layoutOf(type) === 'num' ? new NumericFirstLast(type, last, ignoreNulls) : new GenericFirstLast(type, last, ignoreNulls);
    },
  };
}

function ignoreNullsOf(name: string, args: readonly BoundExpr[], sql: string): boolean {
  const flag = args[1];
  if (flag === undefined) return false;
  if (flag.kind !== 'literal' || typeof flag.value !== 'boolean') {
    throw new AnalysisError(`The second argument in ${name} should be a boolean literal, in '${sql}'`);
  }
  return flag.value;
}

export const first = firstLast('first');
export const last = firstLast('last');

class NumericFirstLast implements Accumulator {
  private values = new Float64Array(16);
  /** 0 = nothing seen, 1 = a value, 2 = a null. */
  private state = new Uint8Array(16);

  constructor(private readonly type: DataType, private readonly last: boolean, private readonly ignoreNulls: boolean) {}

  grow(capacity: number): void {
    this.values = grown(this.values, capacity);
    this.state = grownBytes(this.state, capacity);
  }

  update(slots: Int32Array, args: readonly Vector[], n: number): void {
    const a = args[0]!;
    if (a.kind !== 'num') return;
    const src = a.values;
    const valid = a.valid;
    const values = this.values;
    const state = this.state;
    for (let i = 0; i < n; i++) {
      const isNull = valid !== null && valid[i] === 0;
      if (isNull && this.ignoreNulls) continue;
      const s = slots[i]!;
      if (!this.last && state[s] !== 0) continue;
      state[s] = isNull ? 2 : 1;
      values[s] = src[i]!;
    }
  }

  evaluate(slots: Int32Array, n: number): Vector {
    const out = new Float64Array(n);
    let valid: Uint8Array | null = null;
    for (let i = 0; i < n; i++) {
      const s = slots[i]!;
      if (this.state[s] === 1) out[i] = this.values[s]!;
      else (valid ??= new Uint8Array(n).fill(1))[i] = 0;
    }
    return { kind: 'num', type: this.type, values: out, valid };
  }

  save(slot: number): unknown[] {
    return [this.values[slot], this.state[slot]];
  }

  restore(slot: number, b: readonly unknown[]): void {
    this.values[slot] = b[0] as number;
    this.state[slot] = b[1] as number;
  }

  clear(slot: number): void {
    this.state[slot] = 0;
  }
}

class GenericFirstLast implements Accumulator {
  private values: unknown[] = [];
  private seen = new Uint8Array(16);

  constructor(private readonly type: DataType, private readonly last: boolean, private readonly ignoreNulls: boolean) {}

  grow(capacity: number): void {
    while (this.values.length < capacity) this.values.push(null);
    this.seen = grownBytes(this.seen, capacity);
  }

  update(slots: Int32Array, args: readonly Vector[], n: number): void {
    const a = args[0]!;
    for (let i = 0; i < n; i++) {
      const x = valueAt(a, i);
      if (x === null && this.ignoreNulls) continue;
      const s = slots[i]!;
      if (!this.last && this.seen[s] === 1) continue;
      this.seen[s] = 1;
      this.values[s] = x;
    }
  }

  evaluate(slots: Int32Array, n: number): Vector {
    const out = new Array<unknown>(n);
    for (let i = 0; i < n; i++) out[i] = this.values[slots[i]!] ?? null;
    return vectorFromValues(this.type, out);
  }

  save(slot: number): unknown[] {
    return [this.values[slot] ?? null, this.seen[slot]];
  }

  restore(slot: number, b: readonly unknown[]): void {
    this.values[slot] = b[0];
    this.seen[slot] = b[1] as number;
  }

  clear(slot: number): void {
    this.values[slot] = null;
    this.seen[slot] = 0;
  }
}
