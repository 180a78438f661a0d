import type { Vector } from '../data/vector.ts';
import { BOOLEAN } from '../types/data-type.ts';
import { grownBytes, type Accumulator, type AggregateFunction } from './accumulator.ts';
import { requireOneBoolean } from './count-if.ts';

/**
 * `bool_and(cond)` (alias `every`): true when every non-null value is true; `bool_or(cond)` (aliases `some`,
 * `any`): true when any is. Nulls are skipped; a group without a non-null value gives null.
 */
function boolAggregate(name: string, isAnd: boolean): AggregateFunction {
  return {
    name,
    resolve(args, sql) {
      requireOneBoolean(name, args, sql);
      return { dataType: BOOLEAN, nullable: true };
    },
    create() {
      return new BoolAccumulator(isAnd);
    },
  };
}

export const bool_and = boolAggregate('bool_and', true);
export const every = boolAggregate('every', true);
export const bool_or = boolAggregate('bool_or', false);
export const some = boolAggregate('some', false);
export const any = boolAggregate('any', false);

/** Per slot: whether a non-null value was seen, and the running AND (or OR). */
class BoolAccumulator implements Accumulator {
  private seen = new Uint8Array(16);
  private result = new Uint8Array(16);

  constructor(private readonly isAnd: boolean) {}

  grow(capacity: number): void {
    this.seen = grownBytes(this.seen, capacity);
    this.result = grownBytes(this.result, capacity);
  }

  update(slots: Int32Array, args: readonly Vector[], n: number): void {
    const a = args[0]!;
    // An untyped NULL argument is null on every row.
    if (a.kind !== 'bool') return;
    const { values, valid } = a;
    const seen = this.seen;
    const result = this.result;
    for (let i = 0; i < n; i++) {
      if (valid !== null && valid[i] === 0) continue;
      const s = slots[i]!;
      const x = values[i]!;
      if (seen[s] === 0) {
        seen[s] = 1;
        result[s] = x;
      } else if (this.isAnd ? x === 0 : x === 1) {
        result[s] = x;
      }
    }
  }

  evaluate(slots: Int32Array, n: number): Vector {
    const values = new Uint8Array(n);
    let valid: Uint8Array | null = null;
    for (let i = 0; i < n; i++) {
      const s = slots[i]!;
      if (this.seen[s] === 0) (valid ??= new Uint8Array(n).fill(1))[i] = 0;
      else values[i] = this.result[s]!;
    }
    return { kind: 'bool', type: BOOLEAN, values, valid };
  }

  save(slot: number): unknown[] {
    return [this.seen[slot], this.result[slot]];
  }

  restore(slot: number, buffer: readonly unknown[]): void {
    this.seen[slot] = buffer[0] as number;
    this.result[slot] = buffer[1] as number;
  }

  clear(slot: number): void {
    this.seen[slot] = 0;
    this.result[slot] = 0;
  }
}
