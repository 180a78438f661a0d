import { AnalysisError } from '../analyzer/analysis-error.ts';
import type { BoundExpr } from '../expr/bound-expr.ts';
import type { Vector } from '../data/vector.ts';
import { LONG, simpleString } from '../types/data-type.ts';
import { grown, type Accumulator, type AggregateFunction } from './accumulator.ts';

/** `count_if(cond)`: the number of rows where cond is true (null and false rows are not counted; never null). */
export const count_if: AggregateFunction = {
  name: 'count_if',
  resolve(args, sql) {
    requireOneBoolean('count_if', args, sql);
    return { dataType: LONG, nullable: false };
  },
  create() {
    return new CountIfAccumulator();
  },
};

/** The single boolean argument of count_if, bool_and and bool_or (an untyped NULL is allowed, as in Spark). */
export function requireOneBoolean(name: string, args: readonly BoundExpr[], sql: string): void {
  if (args.length !== 1) throw new AnalysisError(`Function ${name} takes 1 argument, but ${args.length} were given in '${sql}'`);
  const t = args[0]!.dataType;
  if (t.kind !== 'boolean' && t.kind !== 'null') {
    throw new AnalysisError(`Cannot resolve '${sql}' due to data type mismatch: argument 1 of ${name} requires boolean, but got ${simpleString(t)}`);
  }
}

class CountIfAccumulator implements Accumulator {
  private counts = new Float64Array(16);

  grow(capacity: number): void {
    this.counts = grown(this.counts, capacity);
  }

  update(slots: Int32Array, args: readonly Vector[], n: number): void {
    const a = args[0]!;
    // An untyped NULL argument never counts.
    if (a.kind !== 'bool') return;
    const counts = this.counts;
    const values = a.values;
    const valid = a.valid;
    for (let i = 0; i < n; i++) {
      if (values[i] === 1 && (valid === null || valid[i] === 1)) counts[slots[i]!]! += 1;
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
