import { ColumnBatch } from '../data/column-batch.ts';
import { takeVector, type Vector } from '../data/vector.ts';
import { compileExpr, type Evaluator } from '../expr/compile-expression.ts';
import { addInterval } from '../functions/time-add.ts';
import type { SessionWindow } from '../logical/logical-plan.ts';
import { parseInterval, type IntervalValue } from '../types/interval.ts';
import type { ExecContext, PhysicalOperator } from './physical-operator.ts';

/**
 * Gives each row its own session range `[t, t + gap)` (merging overlapping ranges is the aggregation's
 * job). As Spark does, rows with a null time or a gap that is null, invalid or not positive are dropped.
 */
export class SessionWindowExec implements PhysicalOperator {
  readonly name = 'SessionWindow';
  readonly children;
  readonly schema;
  private readonly time: Evaluator;
  private readonly gap: Evaluator | null;
  private readonly timeIsWindow: boolean;
  /** Interval strings already parsed (a dynamic gap usually takes a few distinct values). */
  private readonly parsed = new Map<string, IntervalValue | null>();

  constructor(readonly child: PhysicalOperator, readonly plan: SessionWindow) {
    this.children = [child];
    this.schema = plan.schema;
    this.time = compileExpr(plan.timeColumn);
    this.gap = plan.gap.kind === 'dynamic' ? compileExpr(plan.gap.expr) : null;
    this.timeIsWindow = plan.timeColumn.dataType.kind === 'struct';
  }

  execute(ctx: ExecContext): ColumnBatch[] {
    const out: ColumnBatch[] = [];
    const fixed = this.plan.gap.kind === 'fixed' ? this.plan.gap.interval : null;
    for (const b of this.child.execute(ctx)) {
      const n = b.numRows;
      const times = this.eventTimes(this.time(b, ctx.eval), n);
      const gaps = this.gap ? this.gap(b, ctx.eval) : null;
      const keep: number[] = [];
      const windows: unknown[] = [];
      for (let i = 0; i < n; i++) {
        const t = times[i]!;
        if (Number.isNaN(t)) continue;
        const iv = fixed ?? this.gapAt(gaps!, i);
        if (iv === null) continue;
        const end = addInterval(t, iv, 1);
        if (!(end > t)) continue;
        keep.push(i);
        windows.push([t, end]);
      }
      if (keep.length === 0) continue;
      const idx = Int32Array.from(keep);
      const columns: Vector[] = [
        ...b.columns.map((c) => takeVector(c, idx)),
        { kind: 'obj', type: this.schema.fields[this.schema.length - 1]!.dataType, values: windows },
      ];
      out.push(new ColumnBatch(this.schema, columns, keep.length));
    }
    return out;
  }

  /** Row i's gap: an interval value, or an interval string parsed (null when null or not an interval). */
  private gapAt(v: Vector, i: number): IntervalValue | null {
    if (v.kind !== 'obj') return null;
    const x = v.values[i];
    if (x === null || x === undefined) return null;
    if (typeof x !== 'string') return x as IntervalValue;
    let iv = this.parsed.get(x);
    if (iv === undefined) {
      iv = parseInterval(x) ?? null;
      if (this.parsed.size >= 1024) this.parsed.clear();
      this.parsed.set(x, iv);
    }
    return iv;
  }

  /** Event time per row in microseconds (NaN for null); a window input uses its end minus 1 µs. */
  private eventTimes(v: Vector, n: number): Float64Array {
    const out = new Float64Array(n);
    if (v.kind === 'num') {
      for (let i = 0; i < n; i++) out[i] = v.valid !== null && v.valid[i] === 0 ? NaN : v.values[i]!;
      return out;
    }
    for (let i = 0; i < n; i++) {
      const w = v.values[i] as number[] | null | undefined;
      out[i] = w === null || w === undefined || !this.timeIsWindow ? NaN : w[1]! - 1;
    }
    return out;
  }
}
