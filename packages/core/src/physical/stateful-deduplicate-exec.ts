import type { ColumnBatch } from '../data/column-batch.ts';
import type { Vector } from '../data/vector.ts';
import { GroupTable } from '../aggregate/group-table.ts';
import type { EventTimeKind } from '../logical/event-time-columns.ts';
import type { Deduplicate } from '../logical/logical-plan.ts';
import type { StateStoreId, StateStoreProvider } from '../state/state-store.ts';
import { StructType } from '../types/schema.ts';
import type { ExecContext, PhysicalOperator } from './physical-operator.ts';
import type { StateOperatorMetrics, StatefulOperator } from './stateful-operator.ts';
import { invert } from './stateful-aggregate-exec.ts';

/** Where a deduplication finds event time, and how long a key is remembered. */
export interface DedupEventTime {
  /** Column of the input holding event time. */
  readonly column: number;
  readonly kind: EventTimeKind;
  /**
   * `dropDuplicates` with the event-time column among the keys: null (a key expires when the watermark
   * passes its own time). `dropDuplicatesWithinWatermark`: the watermark delay (a key expires when the
   * watermark passes its first event time plus the delay).
   */
  readonly withinDelayMs: number | null;
}

/**
 * Streaming `dropDuplicates` / `distinct` / `dropDuplicatesWithinWatermark`: a row passes the first time
 * its key is seen. The seen keys are the state: unbounded without a watermark (as in Spark); with one,
 * late rows are dropped and keys expire as described in DedupEventTime.
 */
export class StatefulDeduplicateExec implements StatefulOperator {
  readonly name = 'StreamingDeduplicate';
  readonly children;
  readonly schema;
  private readonly seen: GroupTable;
  /** Per slot: when the key expires (µs of event time), NaN when it never does. */
  private expiry = new Float64Array(16);
  private inserted: number[] = [];
  private evicted: { key: unknown[]; expiry: number; newThisBatch: boolean }[] = [];
  private lastRemoved = 0;
  private lastUpdated = 0;
  private lastDropped = 0;
  private lastCommitMs = 0;
  private readonly storeId: StateStoreId;

  constructor(
    readonly child: PhysicalOperator,
    readonly plan: Deduplicate,
    readonly operatorId: number,
    private readonly provider: StateStoreProvider,
    private readonly now: () => number,
    private readonly eventTime: DedupEventTime | null = null,
  ) {
    this.children = [child];
    this.schema = plan.schema;
    const keyFields = plan.keys.map((k) => plan.child.schema.fields[k]!);
    this.seen = new GroupTable(keyFields.map((f) => f.dataType));
    this.storeId = { operatorId, keySchema: new StructType(keyFields), valueSchema: new StructType([]) };
  }

  execute(ctx: ExecContext): ColumnBatch[] {
    this.inserted = [];
    this.evicted = [];
    this.lastDropped = 0;
    const out: ColumnBatch[] = [];
    const lateMicros = (ctx.lateWatermarkMs ?? 0) * 1000;
    for (const input of this.child.execute(ctx)) {
      let b = input;
      let times: Float64Array | null = null;
      if (this.eventTime) {
        times = eventTimes(b.column(this.eventTime.column), this.eventTime.kind, b.numRows);
        if (lateMicros > 0) {
          const mask = new Uint8Array(b.numRows);
          let kept = 0;
          for (let i = 0; i < b.numRows; i++) { mask[i] = times[i]! <= lateMicros ? 0 : 1; kept += mask[i]!; }
          this.lastDropped += b.numRows - kept;
          if (ctx.lateRows && kept < b.numRows) ctx.lateRows.add(this.operatorId, b.filter(invert(mask), b.numRows - kept));
          if (kept === 0) continue;
          if (kept < b.numRows) {
            b = b.filter(mask, kept);
            times = times.filter((_, i) => mask[i] === 1);
          }
        }
      }
      const before = this.inserted.length;
      const slots = this.seen.findOrInsert(this.plan.keys.map((k) => b.column(k)), b.numRows, this.inserted);
      if (this.expiry.length < this.seen.capacity) {
        const grown = new Float64Array(Math.max(this.seen.capacity, this.expiry.length * 2));
        grown.set(this.expiry);
        this.expiry = grown;
      }
      const fresh = new Set(this.inserted.slice(before));
      const keep: number[] = [];
      for (let i = 0; i < b.numRows; i++) {
        const s = slots[i]!;
        if (!fresh.has(s)) continue;
        keep.push(i);
        fresh.delete(s);
        const t = times ? times[i]! : NaN;
        this.expiry[s] = !this.eventTime ? NaN : this.eventTime.withinDelayMs === null ? t : t + this.eventTime.withinDelayMs * 1000;
      }
      if (keep.length > 0) out.push(keep.length === b.numRows ? b : b.take(keep));
    }
    this.lastUpdated = this.inserted.length;
    const newSlots = new Set(this.inserted);
    const expired = this.expiredSlots(ctx.watermarkMs);
    for (const slot of expired) {
      this.evicted.push({ key: this.seen.keyValues(slot), expiry: this.expiry[slot]!, newThisBatch: newSlots.has(slot) });
      this.seen.remove(slot);
    }
    // Keys inserted and evicted in the same batch are neither new state nor removals.
    const expiredSet = new Set(expired);
    this.inserted = this.inserted.filter((s) => !expiredSet.has(s));
    this.evicted = this.evicted.filter((e) => !e.newThisBatch);
    this.lastRemoved = this.evicted.length;
    return out;
  }

  private expiredSlots(watermarkMs: number | undefined): number[] {
    if (!this.eventTime || watermarkMs === undefined || watermarkMs <= 0) return [];
    const limit = watermarkMs * 1000;
    const out: number[] = [];
    for (const slot of this.seen.liveSlots()) if (this.expiry[slot]! <= limit) out.push(slot);
    return out;
  }

  hasWorkAt(watermarkMs: number): boolean {
    return this.expiredSlots(watermarkMs).length > 0;
  }

  async restoreState(version: number): Promise<void> {
    for (const row of await this.provider.load(this.storeId, version)) {
      const slot = this.seen.insert(row.key);
      if (this.expiry.length < this.seen.capacity) {
        const grown = new Float64Array(Math.max(this.seen.capacity, this.expiry.length * 2));
        grown.set(this.expiry);
        this.expiry = grown;
      }
      this.expiry[slot] = (row.value[0] as number | null) ?? NaN;
    }
  }

  async commitState(version: number): Promise<void> {
    const start = this.now();
    await this.provider.commit(this.storeId, version, {
      upserts: this.inserted.map((s) => ({ key: this.seen.keyValues(s), value: [this.expiry[s]!] })),
      removals: this.evicted.map((e) => e.key),
    });
    this.inserted = [];
    this.evicted = [];
    this.lastCommitMs = this.now() - start;
  }

  abortState(): void {
    for (const s of this.inserted) this.seen.remove(s);
    for (const e of this.evicted) {
      const slot = this.seen.insert(e.key);
      if (this.expiry.length < this.seen.capacity) {
        const grown = new Float64Array(Math.max(this.seen.capacity, this.expiry.length * 2));
        grown.set(this.expiry);
        this.expiry = grown;
      }
      this.expiry[slot] = e.expiry;
    }
    this.inserted = [];
    this.evicted = [];
  }

  metrics(): StateOperatorMetrics {
    return {
      operatorName: 'dedupe',
      numRowsTotal: this.seen.size,
      numRowsUpdated: this.lastUpdated,
      numRowsRemoved: this.lastRemoved,
      numRowsDroppedByWatermark: this.lastDropped,
      memoryUsedBytes: this.seen.size * 72,
      commitTimeMs: this.lastCommitMs,
    };
  }
}

function eventTimes(v: Vector, kind: EventTimeKind, n: number): Float64Array {
  const out = new Float64Array(n);
  if (v.kind === 'num') {
    for (let i = 0; i < n; i++) out[i] = v.valid !== null && v.valid[i] === 0 ? NaN : v.values[i]!;
  } else {
    for (let i = 0; i < n; i++) {
      const w = v.values[i] as number[] | null;
      out[i] = w === null || w === undefined ? NaN : kind === 'window' ? w[1]! : NaN;
    }
  }
  return out;
}
