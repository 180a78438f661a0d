import type { BoundExpr } from '../expr/bound-expr.ts';
import type { Vector } from '../data/vector.ts';
import type { DataType } from '../types/data-type.ts';

/**
 * The running state of one aggregate for many groups at once, in columns indexed by group slot
 * (typed arrays where the type allows). Slots are dense integers handed out by a GroupTable.
 */
export interface Accumulator {
  /** Makes room for slots [0, capacity). New slots start empty. */
  grow(capacity: number): void;
  /** Folds row i of `args` into group `slots[i]`, for i in [0, n). */
  update(slots: Int32Array, args: readonly Vector[], n: number): void;
  /** Final values of the given slots. */
  evaluate(slots: Int32Array, count: number): Vector;
  /** The buffer of one slot as internal values (for undo logs and state checkpoints). */
  save(slot: number): unknown[];
  /** Overwrites one slot's buffer with values from `save`. */
  restore(slot: number, buffer: readonly unknown[]): void;
  /** Empties a slot so it can be reused. */
  clear(slot: number): void;
}

/**
 * An aggregate function (`count`, `sum`, ...). To add one: write `aggregate/<name>.ts` and list it in
 * aggregate/aggregate-registry.ts; it then works in `agg(...)`, the Column API and SQL strings.
 */
export interface AggregateFunction {
  readonly name: string;
  /** Checks the arguments; returns the result type (and whether null is possible). */
  resolve(args: readonly BoundExpr[], sql: string, star: boolean): { dataType: DataType; nullable: boolean };
  create(args: readonly BoundExpr[], resultType: DataType, star: boolean): Accumulator;
}

/** Growable Float64Array helper shared by the numeric accumulators. */
export function grown(arr: Float64Array<ArrayBuffer>, capacity: number, fill = 0): Float64Array<ArrayBuffer> {
  if (arr.length >= capacity) return arr;
  const next = new Float64Array(Math.max(capacity, arr.length * 2, 16));
  if (fill !== 0) next.fill(fill, arr.length);
  next.set(arr);
  return next;
}

export function grownBytes(arr: Uint8Array<ArrayBuffer>, capacity: number): Uint8Array<ArrayBuffer> {
  if (arr.length >= capacity) return arr;
  const next = new Uint8Array(Math.max(capacity, arr.length * 2, 16));
  next.set(arr);
  return next;
}
