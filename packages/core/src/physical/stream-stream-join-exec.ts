import { ColumnBatch } from '../data/column-batch.ts';
import { compileExpr, type Evaluator } from '../expr/compile-expression.ts';
import { eventTimeColumns, type EventTimeKind } from '../logical/event-time-columns.ts';
import { splitJoinCondition, stateTimeBound, watermarkKey } from '../logical/join-condition.ts';
import type { Join, LogicalPlan } from '../logical/logical-plan.ts';
import type { StateRow, StateStoreId, StateStoreProvider } from '../state/state-store.ts';
import { BOOLEAN, INT, LONG, structOf } from '../types/data-type.ts';
import { StructType } from '../types/schema.ts';
import { compileConjunction, joinedBatch, keyCodes, NO_MATCH, rowsToColumns, takeOrNull } from './join-rows.ts';
import { eventTimes, JoinSideState, type StoredRow } from './join-side-state.ts';
import type { ExecContext, PhysicalOperator } from './physical-operator.ts';
import type { StateOperatorMetrics, StatefulOperator } from './stateful-operator.ts';

/** Everything the operator knows about one input side. */
interface Side {
  readonly isLeft: boolean;
  readonly tag: number;
  readonly schema: StructType;
  readonly keys: readonly Evaluator[];
  /** Conjuncts of the condition over this side only: a row failing them never matches (not buffered). */
  readonly preFilter: ReturnType<typeof compileConjunction>;
  /** NULL-padded rows of this side are emitted (left/right/full outer). */
  readonly outer: boolean;
  /** The event time the side's rows expire by (a watermarked join key, or the column a range bounds). */
  readonly expiry: { readonly eval: Evaluator; readonly kind: EventTimeKind; readonly offsetMicros: number } | null;
  /** The side's watermarked event-time column: input rows at or below the previous watermark are late. */
  readonly late: { readonly eval: Evaluator; readonly kind: EventTimeKind } | null;
  readonly state: JoinSideState;
  /** This batch's changes, to commit or undo. */
  added: StoredRow[];
  flagged: StoredRow[];
  evicted: StoredRow[];
  nextIdBefore: number;
}

/**
 * Stream-stream join (Spark's StreamingSymmetricHashJoinExec): both inputs are buffered in state. Each
 * batch, new left rows join the buffered right rows, are buffered, then new right rows join the buffered
 * left rows (including this batch's), so every pair is produced exactly once. Both buffers are one state
 * store: key (side, arrival id), value (matched flag, the row); commits write the batch's additions,
 * flag changes and removals, and an undo log restores the buffers if the batch fails.
 *
 * Eviction (after the joins, with the batch's watermark W): with a watermarked event time among the
 * equi-join keys, rows whose key time ≤ W expire on both sides; otherwise a side's rows expire when a
 * time-range conjunct bounds its time from below by the other side's watermarked time (see
 * `stateTimeBound`: `l.t >= r.t - INTERVAL 10 MINUTES`, `r.t BETWEEN l.t AND l.t + INTERVAL 1 HOUR`, ...),
 * i.e. its time ≤ W + offset. A side without either keeps its rows forever. Outer joins emit an expired
 * row that never matched with NULLs for the other side — exactly once, when the watermark guarantees no
 * match can come (a new row already past that bound is emitted at once instead of being buffered). Left
 * semi joins emit a left row on its first match. Input rows at or below the previous batch's watermark
 * (on the side's watermarked column) are late: dropped and counted.
 */
export class StreamStreamJoinExec implements StatefulOperator {
  readonly name = 'StreamingSymmetricHashJoin';
  readonly children;
  readonly schema;
  private readonly l: Side;
  private readonly r: Side;
  private readonly nullSafe: boolean[];
  private readonly pairFilter;
  private readonly pairSchema: StructType;
  private readonly semi: boolean;
  /** Outer and semi joins need each row's matched flag; inner joins do not keep it up to date. */
  private readonly tracksMatches: boolean;
  private readonly storeId: StateStoreId;
  private lastDropped = 0;
  private lastUpdated = 0;
  private lastRemoved = 0;
  private lastCommitMs = 0;

  constructor(
    readonly left: PhysicalOperator,
    readonly right: PhysicalOperator,
    readonly plan: Join,
    readonly operatorId: number,
    private readonly provider: StateStoreProvider,
    private readonly now: () => number,
  ) {
    this.children = [left, right];
    this.schema = plan.schema;
    const parts = splitJoinCondition(plan.condition, plan.left.schema.length);
    this.nullSafe = parts.keys.map((k) => k.nullSafe);
    this.pairFilter = compileConjunction(parts.pair);
    this.pairSchema = new StructType([...plan.left.schema.fields, ...plan.right.schema.fields]);
    this.semi = plan.joinType === 'LeftSemi';
    const t = plan.joinType;
    this.tracksMatches = t !== 'Inner' && t !== 'Cross';
    const wmKey = watermarkKey(plan, parts);
    const side = (isLeft: boolean): Side => {
      const sidePlan = isLeft ? plan.left : plan.right;
      let expiry: Side['expiry'] = null;
      if (wmKey) {
        const k = parts.keys[wmKey.index]!;
        expiry = { eval: compileExpr(isLeft ? k.left : k.right), kind: wmKey.kind, offsetMicros: 0 };
      } else {
        const bound = stateTimeBound(plan, parts, isLeft ? 'left' : 'right');
        if (bound) {
          const f = sidePlan.schema.fields[bound.column]!;
          expiry = { eval: compileExpr({ kind: 'ref', index: bound.column, name: f.name, dataType: f.dataType, nullable: f.nullable }), kind: 'timestamp', offsetMicros: bound.offsetMicros };
        }
      }
      return {
        isLeft,
        tag: isLeft ? 0 : 1,
        schema: sidePlan.schema,
        keys: parts.keys.map((k) => compileExpr(isLeft ? k.left : k.right)),
        preFilter: compileConjunction(isLeft ? parts.leftOnly : parts.rightOnly),
        outer: t === 'FullOuter' || (isLeft ? t === 'LeftOuter' : t === 'RightOuter'),
        expiry,
        late: lateColumn(sidePlan),
        state: new JoinSideState(),
        added: [],
        flagged: [],
        evicted: [],
        nextIdBefore: 0,
      };
    };
    this.l = side(true);
    this.r = side(false);
    this.storeId = {
      operatorId,
      keySchema: new StructType([{ name: 'side', dataType: INT, nullable: false }, { name: 'id', dataType: LONG, nullable: false }]),
      valueSchema: new StructType([
        { name: 'matched', dataType: BOOLEAN, nullable: false },
        { name: 'left', dataType: structOf(plan.left.schema.fields), nullable: true },
        { name: 'right', dataType: structOf(plan.right.schema.fields), nullable: true },
      ]),
    };
  }

  execute(ctx: ExecContext): ColumnBatch[] {
    for (const s of [this.l, this.r]) {
      s.added = [];
      s.flagged = [];
      s.evicted = [];
      s.nextIdBefore = s.state.nextId;
    }
    this.lastDropped = 0;
    const lateMicros = (ctx.lateWatermarkMs ?? 0) * 1000;
    const leftIn = this.dropLate(this.l, ColumnBatch.concat(this.left.schema, this.left.execute(ctx)), lateMicros, ctx);
    const rightIn = this.dropLate(this.r, ColumnBatch.concat(this.right.schema, this.right.execute(ctx)), lateMicros, ctx);
    const out: ColumnBatch[] = [];
    this.joinInput(this.l, this.r, leftIn, ctx, out);
    this.joinInput(this.r, this.l, rightIn, ctx, out);
    for (const s of [this.l, this.r]) {
      const bound = this.bound(s, ctx.watermarkMs);
      if (bound === null) continue;
      const expired = s.state.expired(bound);
      if (expired.length === 0) continue;
      s.state.removeAll(expired);
      s.evicted = expired;
      if (s.outer) {
        const unmatched = expired.filter((r) => !r.matched);
        if (unmatched.length > 0) out.push(this.padded(s, unmatched));
      }
    }
    this.lastUpdated = this.l.added.length + this.r.added.length;
    this.lastRemoved = this.l.evicted.length + this.r.evicted.length;
    return out.filter((b) => b.numRows > 0);
  }

  /** Rows of `s`'s state expire at or below this time (µs); null when nothing expires. */
  private bound(s: Side, watermarkMs: number | undefined): number | null {
    if (!s.expiry || watermarkMs === undefined || watermarkMs <= 0) return null;
    return watermarkMs * 1000 + s.expiry.offsetMicros;
  }

  private dropLate(s: Side, b: ColumnBatch, lateMicros: number, ctx: ExecContext): ColumnBatch {
    if (!s.late || lateMicros <= 0 || b.numRows === 0) return b;
    const times = eventTimes(s.late.eval(b, ctx.eval), s.late.kind, b.numRows);
    const mask = new Uint8Array(b.numRows);
    let kept = 0;
    for (let i = 0; i < b.numRows; i++) {
      mask[i] = times[i]! <= lateMicros ? 0 : 1;
      kept += mask[i]!;
    }
    this.lastDropped += b.numRows - kept;
    // The late-rows side output takes one schema: the left input's (the first child's).
    if (ctx.lateRows && s.isLeft && kept < b.numRows) ctx.lateRows.add(this.operatorId, b.filter(mask.map((m) => m ^ 1), b.numRows - kept));
    return b.filter(mask, kept);
  }

  /** Joins `s`'s new rows with `o`'s buffered rows, then buffers them (or emits NULL-padded rows). */
  private joinInput(s: Side, o: Side, input: ColumnBatch, ctx: ExecContext, out: ColumnBatch[]): void {
    const n = input.numRows;
    if (n === 0) return;
    const pre = s.preFilter?.(input, ctx.eval) ?? null;
    const codes = keyCodes(s.keys.map((k) => k(input, ctx.eval)), this.nullSafe, n);
    const times = s.expiry ? eventTimes(s.expiry.eval(input, ctx.eval), s.expiry.kind, n) : null;
    const bound = this.bound(s, ctx.watermarkMs);
    const starts: number[] = [];
    const candS: number[] = [];
    const candO: StoredRow[] = [];
    for (let i = 0; i < n; i++) {
      starts.push(candS.length);
      if ((pre !== null && pre[i] === 0) || codes[i] === NO_MATCH) continue;
      for (const row of o.state.byKey.get(codes[i]) ?? []) {
        candS.push(i);
        candO.push(row);
      }
    }
    starts.push(candS.length);
    let pass: Uint8Array | null = null;
    if (this.pairFilter && candS.length > 0) {
      const own = input.columns.map((c) => takeOrNull(c, candS, candS.length));
      const other = rowsToColumns(o.schema, candO.map((r) => r.values));
      pass = this.pairFilter(joinedBatch(this.pairSchema, s.isLeft ? own : other, s.isLeft ? other : own, candS.length), ctx.eval);
    }
    // Output rows: this side's input row (or -1) and the other side's buffered row (or null).
    const outS: number[] = [];
    const outO: (StoredRow | null)[] = [];
    for (let i = 0; i < n; i++) {
      let matched = false;
      for (let k = starts[i]!; k < starts[i + 1]!; k++) {
        if (pass !== null && pass[k] === 0) continue;
        matched = true;
        const row = candO[k]!;
        if (this.semi) {
          // A buffered left row is emitted on its first match only.
          if (!s.isLeft && !row.matched) { outS.push(-1); outO.push(row); }
        } else {
          outS.push(i);
          outO.push(row);
        }
        if (!row.matched && this.tracksMatches) {
          row.matched = true;
          if (row.id < o.nextIdBefore) o.flagged.push(row);
        }
      }
      if (this.semi && s.isLeft && matched) { outS.push(i); outO.push(null); }
      const joinable = (pre === null || pre[i] === 1) && codes[i] !== NO_MATCH;
      const time = times ? times[i]! : NaN;
      if (joinable && !(bound !== null && time <= bound)) {
        const row: StoredRow = { id: s.state.nextId++, values: input.rowValues(i), key: codes[i], time, matched };
        s.state.add(row);
        s.added.push(row);
      } else if (s.outer && !matched) {
        // It can never match (fails its own side's conditions, null key, or already expired): emit now.
        outS.push(i);
        outO.push(null);
      }
    }
    if (outS.length === 0) return;
    const own = input.columns.map((c) => takeOrNull(c, outS, outS.length));
    const other = rowsToColumns(o.schema, outO.map((r) => r?.values ?? null));
    if (this.semi) out.push(new ColumnBatch(this.schema, s.isLeft ? own : other, outS.length));
    else out.push(joinedBatch(this.schema, s.isLeft ? own : other, s.isLeft ? other : own, outS.length));
  }

  /** Buffered rows of `s` with NULLs for the other side's columns (or alone, for a semi join). */
  private padded(s: Side, rows: readonly StoredRow[]): ColumnBatch {
    const own = rowsToColumns(s.schema, rows.map((r) => r.values));
    const other = rowsToColumns(s.isLeft ? this.r.schema : this.l.schema, rows.map(() => null));
    return joinedBatch(this.schema, s.isLeft ? own : other, s.isLeft ? other : own, rows.length);
  }

  hasWorkAt(watermarkMs: number): boolean {
    return [this.l, this.r].some((s) => {
      const bound = this.bound(s, watermarkMs);
      return bound !== null && s.state.hasExpired(bound);
    });
  }

  async restoreState(version: number): Promise<void> {
    const rows = await this.provider.load(this.storeId, version);
    for (const s of [this.l, this.r]) {
      const mine = rows.filter((row) => row.key[0] === s.tag).sort((a, b) => (a.key[1] as number) - (b.key[1] as number));
      if (mine.length === 0) continue;
      const values = mine.map((row) => row.value[s.isLeft ? 1 : 2] as unknown[]);
      const batch = new ColumnBatch(s.schema, rowsToColumns(s.schema, values), values.length);
      const ctx = { batchTimestampMs: 0, timeZone: 'UTC' };
      const codes = keyCodes(s.keys.map((k) => k(batch, ctx)), this.nullSafe, batch.numRows);
      const times = s.expiry ? eventTimes(s.expiry.eval(batch, ctx), s.expiry.kind, batch.numRows) : null;
      mine.forEach((row, i) => {
        const id = row.key[1] as number;
        s.state.add({ id, values: values[i]!, key: codes[i], time: times ? times[i]! : NaN, matched: row.value[0] === true });
        s.state.nextId = Math.max(s.state.nextId, id + 1);
      });
    }
  }

  async commitState(version: number): Promise<void> {
    const start = this.now();
    const upserts: StateRow[] = [];
    const removals: unknown[][] = [];
    for (const s of [this.l, this.r]) {
      const evicted = new Set(s.evicted);
      const stateRow = (row: StoredRow): StateRow => ({
        key: [s.tag, row.id],
        value: [row.matched, s.isLeft ? row.values : null, s.isLeft ? null : row.values],
      });
      for (const row of [...s.added, ...s.flagged]) if (!evicted.has(row)) upserts.push(stateRow(row));
      for (const row of s.evicted) if (row.id < s.nextIdBefore) removals.push([s.tag, row.id]);
    }
    await this.provider.commit(this.storeId, version, { upserts, removals });
    for (const s of [this.l, this.r]) {
      s.added = [];
      s.flagged = [];
      s.evicted = [];
      s.nextIdBefore = s.state.nextId;
    }
    this.lastCommitMs = this.now() - start;
  }

  abortState(): void {
    for (const s of [this.l, this.r]) {
      s.state.removeAll(s.added.filter((row) => s.state.rows.get(row.id) === row));
      for (const row of s.flagged) row.matched = false;
      for (const row of s.evicted) if (row.id < s.nextIdBefore) s.state.add(row);
      s.state.nextId = s.nextIdBefore;
      s.added = [];
      s.flagged = [];
      s.evicted = [];
    }
  }

  metrics(): StateOperatorMetrics {
    const total = this.l.state.size + this.r.state.size;
    return {
      operatorName: 'symmetricHashJoin',
      numRowsTotal: total,
      numRowsUpdated: this.lastUpdated,
      numRowsRemoved: this.lastRemoved,
      numRowsDroppedByWatermark: this.lastDropped,
      // Rows are kept as value arrays: about 16 bytes per value plus the row, id and index entries.
      memoryUsedBytes: this.l.state.size * (this.l.schema.length * 16 + 96) + this.r.state.size * (this.r.schema.length * 16 + 96),
      commitTimeMs: this.lastCommitMs,
    };
  }
}

/** A side's first watermarked event-time column (Spark: the attribute carrying the watermark). */
function lateColumn(p: LogicalPlan): Side['late'] {
  const times = [...eventTimeColumns(p)].sort((a, b) => a[0] - b[0]);
  const first = times[0];
  if (!first) return null;
  const f = p.schema.fields[first[0]]!;
  return { eval: compileExpr({ kind: 'ref', index: first[0], name: f.name, dataType: f.dataType, nullable: f.nullable }), kind: first[1] };
}
