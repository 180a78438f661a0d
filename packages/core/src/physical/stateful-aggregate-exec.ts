import { ColumnBatch } from '../data/column-batch.ts';
import { AggregationState } from '../aggregate/aggregation-state.ts';
import { compileExpr, type Evaluator } from '../expr/compile-expression.ts';
import type { Aggregate } from '../logical/logical-plan.ts';
import type { StateRow, StateStoreId, StateStoreProvider } from '../state/state-store.ts';
import { StructType } from '../types/schema.ts';
import type { ExecContext, PhysicalOperator } from './physical-operator.ts';
import type { StateOperatorMetrics, StatefulOperator } from './stateful-operator.ts';

/**
 * Streaming aggregation: groups and accumulators live across batches (columnar, in AggregationState).
 * Each batch folds its rows in, emits per output mode (complete: every group; update: the groups this
 * batch changed), and records an undo log so a failed batch leaves the state as it was.
 */
export class StatefulAggregateExec implements StatefulOperator {
  readonly name = 'StateStoreSave';
  readonly children;
  readonly schema;
  private readonly state: AggregationState;
  private readonly results: Evaluator[];
  private readonly storeId: StateStoreId;
  /** Slot → buffers before this batch (undefined entry = the slot is new in this batch). */
  private undo = new Map<number, unknown[][] | undefined>();
  private touchedOrder: number[] = [];
  private lastUpdated = 0;
  private lastCommitMs = 0;

  constructor(
    readonly child: PhysicalOperator,
    readonly plan: Aggregate,
    readonly operatorId: number,
    private readonly provider: StateStoreProvider,
    private readonly now: () => number,
  ) {
    this.children = [child];
    this.schema = plan.schema;
    this.state = new AggregationState(plan);
    this.results = plan.results.map((r) => compileExpr(r.expr));
    const keyFields = this.state.bufferSchema.fields.slice(0, plan.groupBy.length);
    const valueFields = this.state.bufferSchema.fields.slice(plan.groupBy.length);
    this.storeId = { operatorId, keySchema: new StructType(keyFields), valueSchema: new StructType(valueFields) };
  }

  execute(ctx: ExecContext): ColumnBatch[] {
    this.undo = new Map();
    this.touchedOrder = [];
    for (const b of this.child.execute(ctx)) {
      this.state.update(b, ctx.eval, (slot, isNew) => {
        this.undo.set(slot, isNew ? undefined : this.state.saveBuffers(slot));
        this.touchedOrder.push(slot);
      });
    }
    this.lastUpdated = this.touchedOrder.length;
    const slots = ctx.outputMode === 'complete' ? this.state.groups.liveSlots() : Int32Array.from(this.touchedOrder);
    if (slots.length === 0) return [];
    const buffer = this.state.emit(slots);
    return [new ColumnBatch(this.schema, this.results.map((ev) => ev(buffer, ctx.eval)), buffer.numRows)];
  }

  async restoreState(version: number): Promise<void> {
    const rows = await this.provider.load(this.storeId, version);
    for (const row of rows) {
      const slot = this.state.groups.insert(row.key);
      this.state.restoreBuffers(slot, row.value as unknown[][]);
    }
  }

  async commitState(version: number): Promise<void> {
    const start = this.now();
    const upserts: StateRow[] = this.touchedOrder.map((slot) => ({
      key: this.state.groups.keyValues(slot),
      value: this.state.saveBuffers(slot),
    }));
    await this.provider.commit(this.storeId, version, { upserts, removals: [] });
    this.undo = new Map();
    this.touchedOrder = [];
    this.lastCommitMs = this.now() - start;
  }

  abortState(): void {
    for (const [slot, buffers] of this.undo) {
      if (buffers === undefined) this.state.removeGroup(slot);
      else this.state.restoreBuffers(slot, buffers);
    }
    this.undo = new Map();
    this.touchedOrder = [];
  }

  metrics(): StateOperatorMetrics {
    const groups = this.state.groups.size;
    return {
      operatorName: 'stateStoreSave',
      numRowsTotal: groups,
      numRowsUpdated: this.lastUpdated,
      numRowsRemoved: 0,
      numRowsDroppedByWatermark: 0,
      // Typed-array accumulators: about 8 bytes per buffer column per group, plus the key index.
      memoryUsedBytes: groups * (this.state.bufferSchema.length * 8 + 64),
      commitTimeMs: this.lastCommitMs,
    };
  }
}
