import { ColumnBatch } from '../data/column-batch.ts';
import { rowToExternal, toInternal, type Row } from '../data/external-values.ts';
import { vectorFromValues } from '../data/vector.ts';
import { encodeKey } from '../aggregate/group-table.ts';
import type { FlatMapGroupsWithState } from '../logical/logical-plan.ts';
import { GroupStateImpl } from '../state/group-state.ts';
import type { StateRow, StateStoreId, StateStoreProvider } from '../state/state-store.ts';
import { StructType } from '../types/schema.ts';
import type { ExecContext, PhysicalOperator } from './physical-operator.ts';
import type { StateOperatorMetrics, StatefulOperator } from './stateful-operator.ts';

interface KeyState {
  readonly key: unknown;
  readonly state: unknown;
  /** When the key's timeout fires (ms): processing time or event time by the timeout kind; NaN = none. */
  readonly timeoutAtMs: number;
}

/**
 * `[flat]MapGroupsWithState`: calls the user function once per key that has rows in the batch, then
 * once per key whose timeout has fired (with no rows and `hasTimedOut`), as Spark does. State values
 * and timeouts are kept per key, committed to the state store and undone if the batch fails.
 */
export class FlatMapGroupsWithStateExec implements StatefulOperator {
  readonly name: string;
  readonly children;
  readonly checksEveryTrigger: boolean;
  readonly schema;
  private readonly states = new Map<string, KeyState>();
  private undo = new Map<string, KeyState | undefined>();
  private lastUpdated = 0;
  private lastRemoved = 0;
  private lastCommitMs = 0;
  private readonly storeId: StateStoreId;

  constructor(
    readonly child: PhysicalOperator,
    readonly plan: FlatMapGroupsWithState,
    readonly operatorId: number,
    private readonly provider: StateStoreProvider,
    private readonly now: () => number,
    private readonly hasWatermark: boolean,
  ) {
    this.children = [child];
    this.schema = plan.schema;
    this.name = plan.isMapGroups ? 'MapGroupsWithState' : 'FlatMapGroupsWithState';
    this.checksEveryTrigger = plan.timeout === 'ProcessingTimeTimeout';
    this.storeId = { operatorId, keySchema: new StructType([]), valueSchema: new StructType([]) };
  }

  execute(ctx: ExecContext): ColumnBatch[] {
    this.undo = new Map();
    const inputSchema = this.child.schema;
    const groups = new Map<string, { key: unknown; rows: Row[] }>();
    for (const b of this.child.execute(ctx)) {
      for (let i = 0; i < b.numRows; i++) {
        const row = rowToExternal(inputSchema, b.rowValues(i));
        const key = this.plan.keyFn(row);
        const code = encodeKey([key]);
        let g = groups.get(code);
        if (!g) {
          g = { key, rows: [] };
          groups.set(code, g);
        }
        g.rows.push(row);
      }
    }
    const out: Row[] = [];
    const watermarkMs = ctx.watermarkMs ?? 0;
    const nowMs = ctx.eval.batchTimestampMs;
    for (const [code, g] of groups) this.call(code, g.key, g.rows, false, watermarkMs, nowMs, out);
    // Timeouts fire only for keys that got no rows in this batch.
    for (const [code, s] of [...this.states]) {
      if (groups.has(code) || !this.timedOut(s, watermarkMs, nowMs)) continue;
      this.call(code, s.key, [], true, watermarkMs, nowMs, out);
    }
    this.lastUpdated = [...this.undo.keys()].filter((c) => this.states.has(c)).length;
    this.lastRemoved = [...this.undo.keys()].filter((c) => !this.states.has(c)).length;
    if (out.length === 0) return [];
    const columns = this.schema.fields.map((f) => vectorFromValues(f.dataType, out.map((r, i) => toInternal(f.dataType, r[f.name], `output row ${i} of ${this.name}, field ${f.name}`))));
    return [new ColumnBatch(this.schema, columns, out.length)];
  }

  private timedOut(s: KeyState, watermarkMs: number, nowMs: number): boolean {
    if (Number.isNaN(s.timeoutAtMs)) return false;
    return this.plan.timeout === 'EventTimeTimeout' ? watermarkMs > s.timeoutAtMs : nowMs >= s.timeoutAtMs;
  }

  private call(code: string, key: unknown, rows: Row[], timedOut: boolean, watermarkMs: number, nowMs: number, out: Row[]): void {
    const before = this.states.get(code);
    const gs = new GroupStateImpl<unknown>(before?.state, timedOut, this.plan.timeout, watermarkMs, nowMs, this.hasWatermark);
    // mapGroupsWithState's single row arrives wrapped as a one-element iterable (see KeyValueGroupedDataFrame).
    for (const r of this.plan.fn(key, rows, gs)) out.push(r);
    if (!this.undo.has(code)) this.undo.set(code, before);
    const timeoutAtMs = gs.timeoutAtMs ?? NaN;
    if (gs.isRemoved || !gs.exists) this.states.delete(code);
    else this.states.set(code, { key, state: gs.getOption(), timeoutAtMs });
  }

  hasWorkAt(watermarkMs: number, nowMs?: number): boolean {
    for (const s of this.states.values()) if (this.timedOut(s, watermarkMs, nowMs ?? this.now())) return true;
    return false;
  }

  async restoreState(version: number): Promise<void> {
    for (const row of await this.provider.load(this.storeId, version)) {
      const [key] = row.key;
      const [state, timeoutAtMs] = row.value as [unknown, number | null];
      this.states.set(encodeKey([key]), { key, state, timeoutAtMs: timeoutAtMs ?? NaN });
    }
  }

  async commitState(version: number): Promise<void> {
    const start = this.now();
    const upserts: StateRow[] = [];
    const removals: unknown[][] = [];
    for (const code of this.undo.keys()) {
      const s = this.states.get(code);
      if (s) upserts.push({ key: [s.key], value: [s.state, Number.isNaN(s.timeoutAtMs) ? null : s.timeoutAtMs] });
      else if (this.undo.get(code)) removals.push([this.undo.get(code)!.key]);
    }
    await this.provider.commit(this.storeId, version, { upserts, removals });
    this.undo = new Map();
    this.lastCommitMs = this.now() - start;
  }

  abortState(): void {
    for (const [code, before] of this.undo) {
      if (before) this.states.set(code, before);
      else this.states.delete(code);
    }
    this.undo = new Map();
  }

  metrics(): StateOperatorMetrics {
    return {
      operatorName: 'flatMapGroupsWithState',
      numRowsTotal: this.states.size,
      numRowsUpdated: this.lastUpdated,
      numRowsRemoved: this.lastRemoved,
      numRowsDroppedByWatermark: 0,
      memoryUsedBytes: this.states.size * 128,
      commitTimeMs: this.lastCommitMs,
    };
  }
}
