import type { AggregateFunction } from '../aggregate/accumulator.ts';
import type { ColumnBatch } from '../data/column-batch.ts';
import type { Options } from '../connector/options.ts';
import type { SourceProvider } from '../connector/source.ts';
import type { BoundExpr, NamedExpr } from '../expr/bound-expr.ts';
import type { GeneratorFn } from '../expr/expression.ts';
import type { TableProvider } from '../session/catalog.ts';
import type { StructType } from '../types/schema.ts';
import type { DataType } from '../types/data-type.ts';
import type { Row } from '../data/external-values.ts';
import type { GroupState, GroupStateTimeout } from '../state/group-state.ts';
import type { IntervalValue } from '../types/interval.ts';

/**
 * The analysed logical plan: what a DataFrame computes, with every name resolved and every type known.
 * Nodes are built (and checked) by the constructors in this folder when a DataFrame method is called,
 * so an unknown column fails at the call that mentions it. Streaming and static plans share these nodes.
 */
export type LogicalPlan =
  | StreamingRelation
  | BatchRelation
  | LocalRelation
  | TableScan
  | Project
  | Filter
  | Generate
  | Aggregate
  | Union
  | Sort
  | Limit
  | Deduplicate
  | TimeWindow
  | SessionWindow
  | EventTimeWatermark
  | Join
  | SubqueryAlias
  | FlatMapGroupsWithState;

interface PlanNode {
  readonly schema: StructType;
  readonly streaming: boolean;
}

/** A streaming source (`readStream...load()`); becomes a StreamSource when the query starts. */
export interface StreamingRelation extends PlanNode {
  readonly kind: 'streamingRelation';
  readonly format: string;
  readonly options: Options;
  readonly provider: SourceProvider;
}

/** A static read (`read...load()`). */
export interface BatchRelation extends PlanNode {
  readonly kind: 'batchRelation';
  readonly format: string;
  readonly options: Options;
  readonly provider: SourceProvider;
}

/** Rows already in memory (`createDataFrame`, a foreachBatch batch). */
export interface LocalRelation extends PlanNode {
  readonly kind: 'localRelation';
  readonly batches: readonly ColumnBatch[];
}

/** A catalog table read at execution time (a memory sink's table). */
export interface TableScan extends PlanNode {
  readonly kind: 'tableScan';
  readonly name: string;
  readonly provider: TableProvider;
}

export interface Project extends PlanNode {
  readonly kind: 'project';
  readonly child: LogicalPlan;
  readonly exprs: readonly NamedExpr[];
}

export interface Filter extends PlanNode {
  readonly kind: 'filter';
  readonly child: LogicalPlan;
  readonly condition: BoundExpr;
}

/** Child columns plus the columns a generator (explode...) produces: one output row per element. */
export interface Generate extends PlanNode {
  readonly kind: 'generate';
  readonly child: LogicalPlan;
  readonly fn: GeneratorFn;
  readonly input: BoundExpr;
}

/** One aggregate call of an Aggregate node, over the child's columns. */
export interface AggregateCall {
  readonly fn: AggregateFunction;
  readonly args: readonly BoundExpr[];
  readonly distinct: boolean;
  readonly star: boolean;
  readonly dataType: DataType;
  readonly nullable: boolean;
  readonly sql: string;
}

/**
 * Grouping + aggregation. Computes the grouping keys and aggregate calls (the "buffer row":
 * keys then aggregate values), then `results`, which are bound over that buffer row.
 */
export interface Aggregate extends PlanNode {
  readonly kind: 'aggregate';
  readonly child: LogicalPlan;
  readonly groupBy: readonly NamedExpr[];
  readonly calls: readonly AggregateCall[];
  readonly results: readonly NamedExpr[];
}

export interface Union extends PlanNode {
  readonly kind: 'union';
  readonly children: readonly LogicalPlan[];
}

export interface SortKey {
  readonly expr: BoundExpr;
  readonly ascending: boolean;
  readonly nullsFirst: boolean;
}

export interface Sort extends PlanNode {
  readonly kind: 'sort';
  readonly child: LogicalPlan;
  readonly keys: readonly SortKey[];
}

export interface Limit extends PlanNode {
  readonly kind: 'limit';
  readonly child: LogicalPlan;
  readonly n: number;
}

/** `distinct()` / `dropDuplicates(cols)`: keeps the first row per key. */
export interface Deduplicate extends PlanNode {
  readonly kind: 'deduplicate';
  readonly child: LogicalPlan;
  readonly keys: readonly number[];
  /** `dropDuplicatesWithinWatermark`: keys expire once the watermark passes first-seen time + delay. */
  readonly withinWatermark: boolean;
}

/**
 * Child columns plus `window: struct<start, end>`: one output row per time window that covers the
 * row's event time (`window(ts, '10 minutes', '5 minutes')`). Rows with a null time are dropped.
 */
export interface TimeWindow extends PlanNode {
  readonly kind: 'timeWindow';
  readonly child: LogicalPlan;
  readonly timeColumn: BoundExpr;
  readonly windowMicros: number;
  readonly slideMicros: number;
  readonly startMicros: number;
}

/** How long a session stays open after an event: one interval for all rows, or an expression per row. */
export type SessionGap =
  | { readonly kind: 'fixed'; readonly interval: IntervalValue }
  | { readonly kind: 'dynamic'; readonly expr: BoundExpr };

/**
 * Child columns plus `session_window: struct<start, end>` = `[t, t + gap)` for each row's event time t
 * (`session_window(ts, '5 minutes')`). Rows with a null time, or a gap that is null or not positive, are
 * dropped. The sessions are merged (overlapping ranges of one group become one) by the aggregation that
 * groups by this column; a projection sees each row's own range, as in Spark.
 */
export interface SessionWindow extends PlanNode {
  readonly kind: 'sessionWindow';
  readonly child: LogicalPlan;
  readonly timeColumn: BoundExpr;
  readonly gap: SessionGap;
}

/** `withWatermark(col, delay)`: marks the event-time column; the engine tracks its maximum per batch. */
export interface EventTimeWatermark extends PlanNode {
  readonly kind: 'eventTimeWatermark';
  readonly child: LogicalPlan;
  readonly column: number;
  readonly delayMs: number;
}

/** Spark's join type names (`JoinType.toString`), which its error messages use. */
export type JoinType = 'Inner' | 'Cross' | 'LeftOuter' | 'RightOuter' | 'FullOuter' | 'LeftSemi' | 'LeftAnti';

/**
 * `left.join(right, on, how)`. Output: the left columns then the right ones (only the left ones for
 * semi/anti joins); the columns of a side that may be missing (outer joins) are nullable. `condition`
 * is bound over the left columns followed by the right ones (right column i is index left.length + i);
 * null means every pair matches. A join on column names (USING) is this node under a Project.
 */
export interface Join extends PlanNode {
  readonly kind: 'join';
  readonly left: LogicalPlan;
  readonly right: LogicalPlan;
  readonly joinType: JoinType;
  readonly condition: BoundExpr | null;
}

/** `df.alias('a')`: the same rows, with `a` as a qualifier for its columns (`a.id` in a join condition). */
export interface SubqueryAlias extends PlanNode {
  readonly kind: 'subqueryAlias';
  readonly child: LogicalPlan;
  readonly alias: string;
}

export function planChildren(p: LogicalPlan): readonly LogicalPlan[] {
  switch (p.kind) {
    case 'streamingRelation': case 'batchRelation': case 'localRelation': case 'tableScan': return [];
    case 'project': case 'filter': case 'generate': case 'aggregate': case 'sort': case 'limit': case 'deduplicate':
    case 'timeWindow': case 'sessionWindow': case 'eventTimeWatermark': case 'subqueryAlias': case 'flatMapGroupsWithState':
      return [p.child];
    case 'union': return p.children;
    case 'join': return [p.left, p.right];
  }
}

/** Every node, children before parents (the order sources are numbered in). */
export function collectNodes(p: LogicalPlan, out: LogicalPlan[] = []): LogicalPlan[] {
  for (const c of planChildren(p)) collectNodes(c, out);
  out.push(p);
  return out;
}

/**
 * `groupByKey(keyFn).[flat]MapGroupsWithState(...)`: user code keeps arbitrary state per key across
 * batches. `fn` sees the key, the batch's rows for it and its GroupState, and returns output rows.
 */
export interface FlatMapGroupsWithState extends PlanNode {
  readonly kind: 'flatMapGroupsWithState';
  readonly child: LogicalPlan;
  readonly keyFn: (row: Row) => unknown;
  readonly fn: (key: unknown, rows: readonly Row[], state: GroupState<unknown>) => Iterable<Row>;
  /** The output mode the function was written for (`mapGroupsWithState` is always update). */
  readonly functionOutputMode: 'append' | 'update';
  readonly timeout: GroupStateTimeout;
  readonly isMapGroups: boolean;
}
