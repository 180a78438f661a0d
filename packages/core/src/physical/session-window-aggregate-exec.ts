import { ColumnBatch } from '../data/column-batch.ts';
import { valueAt, type Vector } from '../data/vector.ts';
import { AggregationState } from '../aggregate/aggregation-state.ts';
import { encodeKey } from '../aggregate/group-table.ts';
import { compileExpr, type Evaluator } from '../expr/compile-expression.ts';
import type { Aggregate } from '../logical/logical-plan.ts';
import type { ExecContext, PhysicalOperator } from './physical-operator.ts';
import { mergeSessions } from './session-merge.ts';

/**
 * Aggregation by `session_window` over a bounded input: the rows of each group (the other grouping
 * keys) have their session ranges merged, each row's session column is replaced by its merged session,
 * and then the rows are aggregated as usual (the merged session is a plain grouping key by then).
 */
export class SessionWindowAggregateExec implements PhysicalOperator {
  readonly name = 'SessionWindowAggregate';
  readonly children;
  readonly schema;
  private readonly results: Evaluator[];
  private readonly otherKeys: Evaluator[];
  /** The child column holding each row's session range. */
  private readonly sessionColumn: number;

  constructor(readonly child: PhysicalOperator, readonly plan: Aggregate, sessionKey: number) {
    this.children = [child];
    this.schema = plan.schema;
    this.results = plan.results.map((r) => compileExpr(r.expr));
    this.otherKeys = plan.groupBy.filter((_, i) => i !== sessionKey).map((g) => compileExpr(g.expr));
    this.sessionColumn = sessionColumnOf(plan, sessionKey);
  }

  execute(ctx: ExecContext): ColumnBatch[] {
    const input = ColumnBatch.concat(this.child.schema, this.child.execute(ctx));
    const n = input.numRows;
    const keys = this.otherKeys.map((ev) => ev(input, ctx.eval));
    const groups = new Map<string, number[]>();
    for (let i = 0; i < n; i++) {
      const code = encodeKey(keys.map((k) => valueAt(k, i)));
      let rows = groups.get(code);
      if (rows === undefined) groups.set(code, (rows = []));
      rows.push(i);
    }
    const ranges = (input.column(this.sessionColumn) as Extract<Vector, { kind: 'obj' }>).values as (readonly number[])[];
    const merged = new Array<unknown>(n);
    for (const rows of groups.values()) {
      for (const s of mergeSessions(ranges, rows)) {
        const value = [s.start, s.end];
        for (const r of s.rows) merged[r] = value;
      }
    }
    const state = new AggregationState(this.plan);
    if (n > 0) state.update(withSessions(input, this.sessionColumn, merged), ctx.eval);
    const buffer = state.emit(state.groups.liveSlots());
    return [new ColumnBatch(this.schema, this.results.map((ev) => ev(buffer, ctx.eval)), buffer.numRows)];
  }
}

/** The child column an aggregation's session key reads. */
export function sessionColumnOf(plan: Aggregate, sessionKey: number): number {
  const g = plan.groupBy[sessionKey]!.expr;
  if (g.kind !== 'ref') throw new Error('internal: a session window key must be a column reference');
  return g.index;
}

/** The batch with its session column replaced by `sessions` (one `[start, end]` per row). */
export function withSessions(batch: ColumnBatch, column: number, sessions: readonly unknown[]): ColumnBatch {
  const columns = batch.columns.map((c, i): Vector => (i === column ? { kind: 'obj', type: c.type, values: sessions } : c));
  return new ColumnBatch(batch.schema, columns, batch.numRows);
}
