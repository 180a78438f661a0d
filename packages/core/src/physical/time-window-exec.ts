import { ColumnBatch } from '../data/column-batch.ts';
import { takeVector, type Vector } from '../data/vector.ts';
import { compileExpr, type Evaluator } from '../expr/compile-expression.ts';
import type { TimeWindow } from '../logical/logical-plan.ts';
import type { ExecContext, PhysicalOperator } from './physical-operator.ts';

/**
 * Assigns rows to time windows: `[start, end)` aligned to the epoch plus startTime; with a slide
 * shorter than the window a row belongs to every window that covers it (one output row each).
 */
export class TimeWindowExec implements PhysicalOperator {
  readonly name = 'TimeWindow';
  readonly children;
  readonly schema;
  private readonly time: Evaluator;
  private readonly timeIsWindow: boolean;

  constructor(readonly child: PhysicalOperator, readonly plan: TimeWindow) {
    this.children = [child];
    this.schema = plan.schema;
    this.time = compileExpr(plan.timeColumn);
    this.timeIsWindow = plan.timeColumn.dataType.kind === 'struct';
  }

  execute(ctx: ExecContext): ColumnBatch[] {
    const { windowMicros: size, slideMicros: slide, startMicros: offset } = this.plan;
    const perRow = Math.ceil(size / slide);
    const out: ColumnBatch[] = [];
    for (const b of this.child.execute(ctx)) {
      const n = b.numRows;
      const times = this.eventTimes(this.time(b, ctx.eval), n);
      const parent = new Int32Array(n * perRow);
      const windows: unknown[] = new Array<unknown>(n * perRow);
      let k = 0;
      for (let i = 0; i < n; i++) {
        const ts = times[i]!;
        if (Number.isNaN(ts)) continue;
        // The latest window start at or before ts, then earlier starts while the window still covers ts.
        const lastStart = ts - ((((ts - offset) % slide) + slide) % slide);
        for (let start = lastStart; start > ts - size; start -= slide) {
          parent[k] = i;
          windows[k] = [start, start + size];
          k++;
        }
      }
      if (k === 0) continue;
      // Spark emits the earliest window first.
      if (perRow > 1) reverseRuns(parent, windows, k);
      const columns: Vector[] = [
        ...b.columns.map((c) => takeVector(c, parent, k)),
        { kind: 'obj', type: this.schema.fields[this.schema.length - 1]!.dataType, values: windows.slice(0, k) },
      ];
      out.push(new ColumnBatch(this.schema, columns, k));
    }
    return out;
  }

  /** Event time per row in microseconds (NaN for null); a window input uses its end minus 1 µs. */
  private eventTimes(v: Vector, n: number): Float64Array {
    const out = new Float64Array(n);
    if (v.kind === 'num') {
      for (let i = 0; i < n; i++) out[i] = v.valid !== null && v.valid[i] === 0 ? NaN : v.values[i]!;
      return out;
    }
    for (let i = 0; i < n; i++) {
      const w = v.values[i] as number[] | null;
      out[i] = w === null || w === undefined ? NaN : this.timeIsWindow ? w[1]! - 1 : NaN;
    }
    return out;
  }
}

/** Reverses each run of equal parents so a row's windows come out in ascending start order. */
function reverseRuns(parent: Int32Array, windows: unknown[], k: number): void {
  let i = 0;
  while (i < k) {
    let j = i;
    while (j + 1 < k && parent[j + 1] === parent[i]) j++;
    for (let a = i, z = j; a < z; a++, z--) {
      const w = windows[a];
      windows[a] = windows[z];
      windows[z] = w;
    }
    i = j + 1;
  }
}
