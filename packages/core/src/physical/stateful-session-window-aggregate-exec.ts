import { ColumnBatch } from '../data/column-batch.ts';
import { valueAt, vectorFromValues, type Vector } from '../data/vector.ts';
import { AggregationState } from '../aggregate/aggregation-state.ts';
import { encodeKey } from '../aggregate/group-table.ts';
import { AnalysisError } from '../analyzer/analysis-error.ts';
import { compileExpr, type Evaluator } from '../expr/compile-expression.ts';
import type { Aggregate } from '../logical/logical-plan.ts';
import type { StateRow, StateStoreId, StateStoreProvider } from '../state/state-store.ts';
import { arrayOf, structOf } from '../types/data-type.ts';
import { StructType } from '../types/schema.ts';
import type { OutputMode } from '../streaming/output-mode.ts';
import type { ExecContext, PhysicalOperator } from './physical-operator.ts';
import { invert } from './stateful-aggregate-exec.ts';
import { mergeSessions, type MergedSession } from './session-merge.ts';
import { sessionColumnOf } from './session-window-aggregate-exec.ts';
import type { StateOperatorMetrics, StatefulOperator } from './stateful-operator.ts';

/** The open sessions of one group (the grouping keys other than the session window). Immutable. */
interface SessionGroup {
  readonly key: readonly unknown[];
  /** The group's input rows not yet emitted, in arrival order (internal values of the child's columns). */
  readonly rows: readonly (readonly unknown[])[];
  /** `rows` merged into sessions. */
  readonly sessions: readonly MergedSession[];
  /** The earliest session end (µs): once the watermark reaches it, that session is complete. */
  readonly minEnd: number;
}

/**
 * Streaming aggregation by `session_window(ts, gap)`, keyed by the other grouping keys. Aggregate
 * buffers cannot be merged, and a new row may join two sessions into one, so the state keeps the raw
 * input rows of each group's open sessions (JSON in the state store, one state row per group); sessions
 * are merged from them and aggregated when they are emitted. Append mode emits each session once, when
 * the watermark reaches its end, then drops its rows; complete mode emits every session each batch and
 * keeps everything. Rows whose own session `[t, t + gap)` ends at or before the previous watermark are
 * late (dropped, counted and handed to the late-rows output), as in Spark.
 */
export class StatefulSessionWindowAggregateExec implements StatefulOperator {
  readonly name = 'SessionWindowStateStoreSave';
  readonly children;
  readonly schema;
  private readonly results: Evaluator[];
  private readonly otherKeys: Evaluator[];
  private readonly sessionColumn: number;
  private readonly storeId: StateStoreId;
  private groups = new Map<string, SessionGroup>();
  /** Groups as they were before this batch changed them (undefined = the group did not exist). */
  private undo = new Map<string, SessionGroup | undefined>();
  private mode: OutputMode | undefined;
  private lastUpdated = 0;
  private lastRemoved = 0;
  private lastDropped = 0;
  private lastCommitMs = 0;

  constructor(
    readonly child: PhysicalOperator,
    readonly plan: Aggregate,
    sessionKey: number,
    readonly operatorId: number,
    private readonly provider: StateStoreProvider,
    private readonly now: () => number,
    /** Whether the session window carries watermarked event time (then late rows drop and sessions close). */
    private readonly eventTime: boolean,
  ) {
    this.children = [child];
    this.schema = plan.schema;
    this.results = plan.results.map((r) => compileExpr(r.expr));
    const others = plan.groupBy.filter((_, i) => i !== sessionKey);
    this.otherKeys = others.map((g) => compileExpr(g.expr));
    this.sessionColumn = sessionColumnOf(plan, sessionKey);
    const rowType = structOf(child.schema.fields.map((f) => ({ name: f.name, dataType: f.dataType, nullable: f.nullable })));
    this.storeId = {
      operatorId,
      keySchema: new StructType(others.map((g) => ({ name: g.name, dataType: g.expr.dataType, nullable: g.expr.nullable }))),
      valueSchema: new StructType([{ name: 'rows', dataType: arrayOf(rowType), nullable: false }]),
    };
  }

  execute(ctx: ExecContext): ColumnBatch[] {
    this.undo = new Map();
    this.lastDropped = 0;
    this.lastUpdated = 0;
    this.lastRemoved = 0;
    this.mode = ctx.outputMode;
    if (ctx.outputMode === 'update') {
      throw new AnalysisError('Update output mode not supported for session window on streaming DataFrames/DataSets');
    }
    const complete = ctx.outputMode === 'complete';
    const lateMicros = (ctx.lateWatermarkMs ?? 0) * 1000;
    const added = new Map<string, { key: unknown[]; rows: unknown[][] }>();
    for (const input of this.child.execute(ctx)) {
      let b = input;
      if (this.eventTime && !complete && lateMicros > 0) {
        const ranges = this.ranges(b);
        const mask = new Uint8Array(b.numRows);
        let kept = 0;
        for (let i = 0; i < b.numRows; i++) {
          mask[i] = ranges[i]![1]! <= lateMicros ? 0 : 1;
          kept += mask[i]!;
        }
        this.lastDropped += b.numRows - kept;
        if (ctx.lateRows && kept < b.numRows) ctx.lateRows.add(this.operatorId, b.filter(invert(mask), b.numRows - kept));
        if (kept === 0) continue;
        b = b.filter(mask, kept);
      }
      const keys = this.otherKeys.map((ev) => ev(b, ctx.eval));
      for (let i = 0; i < b.numRows; i++) {
        const key = keys.map((k) => valueAt(k, i));
        const code = encodeKey(key);
        let group = added.get(code);
        if (group === undefined) added.set(code, (group = { key, rows: [] }));
        group.rows.push(b.rowValues(i));
      }
    }

    // Fold the new rows into their groups; a session holding a new row counts as updated.
    for (const [code, { key, rows }] of added) {
      const before = this.groups.get(code);
      this.remember(code, before);
      const firstNew = before?.rows.length ?? 0;
      const group = this.makeGroup(before?.key ?? key, [...(before?.rows ?? []), ...rows]);
      this.groups.set(code, group);
      for (const s of group.sessions) if (s.rows[s.rows.length - 1]! >= firstNew) this.lastUpdated++;
    }

    const emitted: { group: SessionGroup; session: MergedSession }[] = [];
    if (complete) {
      for (const group of this.groups.values()) for (const session of group.sessions) emitted.push({ group, session });
    } else if (this.eventTime && ctx.watermarkMs !== undefined && ctx.watermarkMs > 0) {
      const limit = ctx.watermarkMs * 1000;
      for (const [code, group] of [...this.groups]) {
        if (group.minEnd > limit) continue;
        const closed = group.sessions.filter((s) => s.end <= limit);
        for (const session of closed) emitted.push({ group, session });
        const done = new Set(closed.flatMap((s) => s.rows));
        const remaining = group.rows.filter((_, i) => !done.has(i));
        this.remember(code, group);
        if (remaining.length === 0) this.groups.delete(code);
        else this.groups.set(code, this.makeGroup(group.key, remaining));
        this.lastRemoved += closed.length;
      }
    }
    // Earliest session first (stable: groups keep their order among sessions that start together).
    emitted.sort((a, b) => a.session.start - b.session.start);
    const out = this.resultRows(emitted, ctx);
    return out.numRows > 0 ? [out] : [];
  }

  /** Whether a batch at this watermark would emit and evict a session (a reason to run a no-data batch). */
  hasWorkAt(watermarkMs: number): boolean {
    if (!this.eventTime || this.mode === 'complete' || watermarkMs <= 0) return false;
    const limit = watermarkMs * 1000;
    for (const g of this.groups.values()) if (g.minEnd <= limit) return true;
    return false;
  }

  async restoreState(version: number): Promise<void> {
    this.groups = new Map();
    for (const row of await this.provider.load(this.storeId, version)) {
      const key = row.key as unknown[];
      this.groups.set(encodeKey(key), this.makeGroup(key, row.value[0] as unknown[][]));
    }
  }

  async commitState(version: number): Promise<void> {
    const start = this.now();
    const upserts: StateRow[] = [];
    const removals: (readonly unknown[])[] = [];
    for (const [code, before] of this.undo) {
      const group = this.groups.get(code);
      if (group !== undefined) upserts.push({ key: group.key, value: [group.rows] });
      // A group created and closed within this batch was never stored.
      else if (before !== undefined) removals.push(before.key);
    }
    await this.provider.commit(this.storeId, version, { upserts, removals });
    this.undo = new Map();
    this.lastCommitMs = this.now() - start;
  }

  abortState(): void {
    for (const [code, before] of this.undo) {
      if (before === undefined) this.groups.delete(code);
      else this.groups.set(code, before);
    }
    this.undo = new Map();
  }

  metrics(): StateOperatorMetrics {
    let sessions = 0;
    let rows = 0;
    for (const g of this.groups.values()) {
      sessions += g.sessions.length;
      rows += g.rows.length;
    }
    return {
      operatorName: 'sessionWindowStateStoreSaveExec',
      numRowsTotal: sessions,
      numRowsUpdated: this.lastUpdated,
      numRowsRemoved: this.lastRemoved,
      numRowsDroppedByWatermark: this.lastDropped,
      // Raw rows as JS arrays: roughly 16 bytes per value plus the arrays themselves.
      memoryUsedBytes: rows * (this.child.schema.length * 16 + 32) + this.groups.size * 64,
      commitTimeMs: this.lastCommitMs,
    };
  }

  private remember(code: string, before: SessionGroup | undefined): void {
    if (!this.undo.has(code)) this.undo.set(code, before);
  }

  private makeGroup(key: readonly unknown[], rows: readonly (readonly unknown[])[]): SessionGroup {
    const ranges = rows.map((r) => r[this.sessionColumn] as readonly number[]);
    const sessions = mergeSessions(ranges, rows.map((_, i) => i));
    let minEnd = Infinity;
    for (const s of sessions) if (s.end < minEnd) minEnd = s.end;
    return { key, rows, sessions, minEnd };
  }

  /** Each row's own session range `[t, t + gap]` in a batch of the child. */
  private ranges(b: ColumnBatch): (readonly number[])[] {
    return (b.column(this.sessionColumn) as Extract<Vector, { kind: 'obj' }>).values as (readonly number[])[];
  }

  /** The aggregated rows of the given sessions: their rows get the merged session, then fold as usual. */
  private resultRows(emitted: readonly { group: SessionGroup; session: MergedSession }[], ctx: ExecContext): ColumnBatch {
    const rows: unknown[][] = [];
    for (const { group, session } of emitted) {
      const value = [session.start, session.end];
      for (const r of session.rows) {
        const row = [...group.rows[r]!];
        row[this.sessionColumn] = value;
        rows.push(row);
      }
    }
    if (rows.length === 0) return ColumnBatch.empty(this.schema);
    const fields = this.child.schema.fields;
    const input = new ColumnBatch(this.child.schema, fields.map((f, c) => vectorFromValues(f.dataType, rows.map((r) => r[c]))), rows.length);
    const state = new AggregationState(this.plan);
    state.update(input, ctx.eval);
    const buffer = state.emit(state.groups.liveSlots());
    return new ColumnBatch(this.schema, this.results.map((ev) => ev(buffer, ctx.eval)), buffer.numRows);
  }
}
