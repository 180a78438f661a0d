import type { ColumnBatch } from '../data/column-batch.ts';
import { GroupTable } from '../aggregate/group-table.ts';
import type { Deduplicate } from '../logical/logical-plan.ts';
import type { StateStoreId, StateStoreProvider } from '../state/state-store.ts';
import { StructType } from '../types/schema.ts';
import type { ExecContext, PhysicalOperator } from './physical-operator.ts';
import type { StateOperatorMetrics, StatefulOperator } from './stateful-operator.ts';

/**
 * Streaming `dropDuplicates` / `distinct`: a row passes the first time its key is seen in the whole
 * stream. The seen keys are the state (unbounded without a watermark, as in Spark).
 */
export class StatefulDeduplicateExec implements StatefulOperator {
  readonly name = 'StreamingDeduplicate';
  readonly children;
  readonly schema;
  private readonly seen: GroupTable;
  private inserted: number[] = [];
  private lastUpdated = 0;
  private lastCommitMs = 0;
  private readonly storeId: StateStoreId;

  constructor(
    readonly child: PhysicalOperator,
    readonly plan: Deduplicate,
    readonly operatorId: number,
    private readonly provider: StateStoreProvider,
    private readonly now: () => number,
  ) {
    this.children = [child];
    this.schema = plan.schema;
    const keyFields = plan.keys.map((k) => plan.child.schema.fields[k]!);
    this.seen = new GroupTable(keyFields.map((f) => f.dataType));
    this.storeId = { operatorId, keySchema: new StructType(keyFields), valueSchema: new StructType([]) };
  }

  execute(ctx: ExecContext): ColumnBatch[] {
    this.inserted = [];
    const out: ColumnBatch[] = [];
    for (const b of this.child.execute(ctx)) {
      const before = this.inserted.length;
      const slots = this.seen.findOrInsert(this.plan.keys.map((k) => b.column(k)), b.numRows, this.inserted);
      const fresh = new Set(this.inserted.slice(before));
      const keep: number[] = [];
      for (let i = 0; i < b.numRows; i++) {
        const s = slots[i]!;
        if (fresh.has(s)) { keep.push(i); fresh.delete(s); }
      }
      if (keep.length > 0) out.push(keep.length === b.numRows ? b : b.take(keep));
    }
    this.lastUpdated = this.inserted.length;
    return out;
  }

  async restoreState(version: number): Promise<void> {
    for (const row of await this.provider.load(this.storeId, version)) this.seen.insert(row.key);
  }

  async commitState(version: number): Promise<void> {
    const start = this.now();
    await this.provider.commit(this.storeId, version, {
      upserts: this.inserted.map((s) => ({ key: this.seen.keyValues(s), value: [] })),
      removals: [],
    });
    this.inserted = [];
    this.lastCommitMs = this.now() - start;
  }

  abortState(): void {
    for (const s of this.inserted) this.seen.remove(s);
    this.inserted = [];
  }

  metrics(): StateOperatorMetrics {
    return {
      operatorName: 'dedupe',
      numRowsTotal: this.seen.size,
      numRowsUpdated: this.lastUpdated,
      numRowsRemoved: 0,
      numRowsDroppedByWatermark: 0,
      memoryUsedBytes: this.seen.size * 64,
      commitTimeMs: this.lastCommitMs,
    };
  }
}
