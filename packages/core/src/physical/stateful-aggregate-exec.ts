import { ColumnBatch } from '../data/column-batch.ts';
import type { Vector } from '../data/vector.ts';
import { AggregationState } from '../aggregate/aggregation-state.ts';
import { compileExpr, type Evaluator } from '../expr/compile-expression.ts';
import type { Aggregate } from '../logical/logical-plan.ts';
import type { EventTimeKind } from '../logical/event-time-columns.ts';
import type { StateRow, StateStoreId, StateStoreProvider } from '../state/state-store.ts';
import { StructType } from '../types/schema.ts';
import type { ExecContext, PhysicalOperator } from './physical-operator.ts';
import type { StateOperatorMetrics, StatefulOperator } from './stateful-operator.ts';

/** The grouping key that carries event time (from `withWatermark`), if any. */
export interface EventTimeKey {
  readonly index: number;
  readonly kind: EventTimeKind;
}

/**
 * Streaming aggregation: groups and accumulators live across batches (columnar, in AggregationState).
 * Each batch folds its rows in and emits per output mode: complete = every group; update = the groups
 * this batch changed; append = the groups the watermark has just closed (each emitted once, final).
 * With an event-time key, rows whose key is at or below the previous watermark are late (dropped and
 * counted) and, except in complete mode, groups at or below the batch's watermark are evicted.
 * An undo log lets a failed batch leave the state exactly as it was.
 */
export class StatefulAggregateExec implements StatefulOperator {
  readonly name = 'StateStoreSave';
  readonly children;
  readonly schema;
  private readonly state: AggregationState;
  private readonly results: Evaluator[];
  private readonly storeId: StateStoreId;
  private readonly eventTimeEval: Evaluator | null;
  /** Slot → buffers before this batch (undefined entry = the slot is new in this batch). */
  private undo = new Map<number, unknown[][] | undefined>();
  /** Groups evicted this batch (key, buffers), to put back if the batch fails. */
  private evicted: { slot: number; key: unknown[]; buffers: unknown[][] }[] = [];
  private evictedSlots = new Set<number>();
  private evictedCount = 0;
  private touchedOrder: number[] = [];
  private lastUpdated = 0;
  private lastDropped = 0;
  private lastCommitMs = 0;

  constructor(
    readonly child: PhysicalOperator,
    readonly plan: Aggregate,
    readonly operatorId: number,
    private readonly provider: StateStoreProvider,
    private readonly now: () => number,
    readonly eventTimeKey: EventTimeKey | null = null,
  ) {
    this.children = [child];
    this.schema = plan.schema;
    this.state = new AggregationState(plan);
    this.results = plan.results.map((r) => compileExpr(r.expr));
    const keyFields = this.state.bufferSchema.fields.slice(0, plan.groupBy.length);
    const valueFields = this.state.bufferSchema.fields.slice(plan.groupBy.length);
    this.storeId = { operatorId, keySchema: new StructType(keyFields), valueSchema: new StructType(valueFields) };
    this.eventTimeEval = eventTimeKey ? compileExpr(plan.groupBy[eventTimeKey.index]!.expr) : null;
  }

  execute(ctx: ExecContext): ColumnBatch[] {
    this.undo = new Map();
    this.evicted = [];
    this.evictedSlots = new Set();
    this.touchedOrder = [];
    this.lastDropped = 0;
    const complete = ctx.outputMode === 'complete';
    const lateMicros = (ctx.lateWatermarkMs ?? 0) * 1000;
    for (const input of this.child.execute(ctx)) {
      let b = input;
      if (this.eventTimeEval && !complete && lateMicros > 0) {
        const times = keyTimes(this.eventTimeEval(b, ctx.eval), this.eventTimeKey!.kind, b.numRows);
        const mask = new Uint8Array(b.numRows);
        let kept = 0;
        for (let i = 0; i < b.numRows; i++) {
          const late = times[i]! <= lateMicros;
          mask[i] = late ? 0 : 1;
          kept += mask[i]!;
        }
        this.lastDropped += b.numRows - kept;
        if (ctx.lateRows && kept < b.numRows) ctx.lateRows.add(this.operatorId, b.filter(invert(mask), b.numRows - kept));
        if (kept === 0) continue;
        b = b.filter(mask, kept);
      }
      this.state.update(b, ctx.eval, (slot, isNew) => {
        // A group seen in an earlier input batch of this micro-batch is already recorded (once, pre-batch buffers).
        if (this.undo.has(slot)) return;
        this.undo.set(slot, isNew ? undefined : this.state.saveBuffers(slot));
        this.touchedOrder.push(slot);
      });
    }
    this.lastUpdated = this.touchedOrder.length;
    const out: ColumnBatch[] = [];
    if (complete) {
      out.push(this.resultRows(this.state.groups.liveSlots(), ctx));
    } else {
      const closed = this.closedSlots(ctx.watermarkMs);
      if (ctx.outputMode === 'update') out.push(this.resultRows(Int32Array.from(this.touchedOrder), ctx));
      else out.push(this.resultRows(closed, ctx));
      for (const slot of closed) {
        this.evicted.push({ slot, key: this.state.groups.keyValues(slot), buffers: this.state.saveBuffers(slot) });
        this.evictedSlots.add(slot);
        this.state.removeGroup(slot);
      }
    }
    this.evictedCount = this.evicted.length;
    return out.filter((b) => b.numRows > 0);
  }

  /** Live groups whose event time is at or below the watermark, oldest first. */
  private closedSlots(watermarkMs: number | undefined): Int32Array {
    if (!this.eventTimeKey || watermarkMs === undefined || watermarkMs <= 0) return new Int32Array(0);
    const limit = watermarkMs * 1000;
    const closed: { slot: number; t: number }[] = [];
    for (const slot of this.state.groups.liveSlots()) {
      const t = keyTime(this.state.groups.keyValues(slot)[this.eventTimeKey.index], this.eventTimeKey.kind);
      if (t <= limit) closed.push({ slot, t });
    }
    closed.sort((a, b) => a.t - b.t || a.slot - b.slot);
    return Int32Array.from(closed, (c) => c.slot);
  }

  /** Whether a batch at this watermark would emit or evict something (a reason to run a no-data batch). */
  hasWorkAt(watermarkMs: number): boolean {
    return this.closedSlots(watermarkMs).length > 0;
  }

  private resultRows(slots: Int32Array, ctx: ExecContext): ColumnBatch {
    const buffer = this.state.emit(slots);
    return new ColumnBatch(this.schema, this.results.map((ev) => ev(buffer, ctx.eval)), buffer.numRows);
  }

  async restoreState(version: number): Promise<void> {
    const rows = await this.provider.load(this.storeId, version);
    for (const row of rows) {
      const slot = this.state.groups.insert(row.key);
      this.state.ensureCapacity();
      this.state.restoreBuffers(slot, row.value as unknown[][]);
    }
  }

  async commitState(version: number): Promise<void> {
    const start = this.now();
    const upserts: StateRow[] = [];
    for (const slot of this.touchedOrder) {
      // A group updated and then evicted in the same batch is only a removal.
      if (this.evictedSlots.has(slot)) continue;
      upserts.push({ key: this.state.groups.keyValues(slot), value: this.state.saveBuffers(slot) });
    }
    await this.provider.commit(this.storeId, version, { upserts, removals: this.evicted.map((e) => e.key) });
    this.undo = new Map();
    this.evicted = [];
    this.touchedOrder = [];
    this.lastCommitMs = this.now() - start;
  }

  abortState(): void {
    // Groups still live: back to their buffers from before the batch, or gone if the batch created them.
    for (const [slot, buffers] of this.undo) {
      if (this.evictedSlots.has(slot)) continue;
      if (buffers === undefined) this.state.removeGroup(slot);
      else this.state.restoreBuffers(slot, buffers);
    }
    // Evicted groups come back as they were before the batch (unless the batch created them).
    for (const e of this.evicted) {
      const before = this.undo.has(e.slot) ? this.undo.get(e.slot) : e.buffers;
      if (before === undefined) continue;
      const slot = this.state.groups.insert(e.key);
      this.state.ensureCapacity();
      this.state.restoreBuffers(slot, before);
    }
    this.evictedSlots = new Set();
    this.undo = new Map();
    this.evicted = [];
    this.touchedOrder = [];
  }

  metrics(): StateOperatorMetrics {
    const groups = this.state.groups.size;
    return {
      operatorName: 'stateStoreSave',
      numRowsTotal: groups,
      numRowsUpdated: this.lastUpdated,
      numRowsRemoved: this.evictedCount,
      numRowsDroppedByWatermark: this.lastDropped,
      // Typed-array accumulators: about 8 bytes per buffer column per group, plus the key index.
      memoryUsedBytes: groups * (this.state.bufferSchema.length * 8 + 64),
      commitTimeMs: this.lastCommitMs,
    };
  }
}

/** The complement of a 0/1 row mask. */
export function invert(mask: Uint8Array): Uint8Array {
  const out = new Uint8Array(mask.length);
  for (let i = 0; i < mask.length; i++) out[i] = mask[i]! ^ 1;
  return out;
}

/** Event time of a key value in microseconds: a timestamp itself, or a window's end. */
function keyTime(v: unknown, kind: EventTimeKind): number {
  if (v === null || v === undefined) return NaN;
  return kind === 'window' ? (v as number[])[1]! : (v as number);
}

function keyTimes(v: Vector, kind: EventTimeKind, n: number): Float64Array {
  const out = new Float64Array(n);
  if (v.kind === 'num') {
    for (let i = 0; i < n; i++) out[i] = v.valid !== null && v.valid[i] === 0 ? NaN : v.values[i]!;
  } else {
    for (let i = 0; i < n; i++) out[i] = keyTime(v.values[i], kind);
  }
  return out;
}
