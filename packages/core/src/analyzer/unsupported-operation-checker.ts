import { collectNodes, type Join, type LogicalPlan } from '../logical/logical-plan.ts';
import { splitJoinCondition, stateTimeBound, watermarkKey } from '../logical/join-condition.ts';
import { eventTimeColumns, eventTimeKindOf, hasWatermark } from '../logical/event-time-columns.ts';
import { sessionWindowKeyIndex } from '../logical/session-window-key.ts';
import { modeTitle, type OutputMode } from '../streaming/output-mode.ts';
import { AnalysisError } from './analysis-error.ts';

/**
 * Spark's rules for what a streaming query may contain in each output mode (UnsupportedOperationChecker).
 * Runs at `start()`, before any source is opened, so a query that cannot run never reads data.
 */
export function checkStreamingQuery(plan: LogicalPlan, mode: OutputMode): void {
  const nodes = collectNodes(plan);
  const streamingAggs = nodes.filter((n) => n.kind === 'aggregate' && n.streaming);

  for (const n of nodes) {
    if (n.kind === 'union' && n.children.some((c) => c.streaming) && n.children.some((c) => !c.streaming)) {
      throw new AnalysisError('Union between streaming and batch DataFrames/Datasets is not supported');
    }
    if (n.kind === 'aggregate' && n.streaming && n.calls.some((c) => c.distinct)) {
      throw new AnalysisError(
        'Distinct aggregations are not supported on streaming DataFrames/Datasets. Consider using approx_count_distinct() instead.',
      );
    }
  }

  // An aggregation is watermarked when one of its keys carries the event time of a withWatermark column.
  const watermarked = (n: LogicalPlan): boolean => {
    if (n.kind !== 'aggregate') return false;
    const inner = eventTimeColumns(n.child);
    return n.groupBy.some((g) => eventTimeKindOf(g.expr, inner) !== undefined);
  };
  if (streamingAggs.length > 1 && !(mode === 'append' && streamingAggs.every(watermarked))) {
    throw new AnalysisError(
      'Multiple streaming aggregations are not supported with streaming DataFrames/Datasets, except chained aggregations ' +
      'in Append output mode where each one groups by a watermarked event-time column or window',
    );
  }
  const hasAgg = streamingAggs.length > 0;
  checkGroupsWithState(nodes, mode, hasAgg);
  for (const n of nodes) {
    if (n.kind === 'deduplicate' && n.withinWatermark) {
      if (!n.streaming) throw new AnalysisError('dropDuplicatesWithinWatermark is not supported with batch DataFrames/DataSets');
      if (!hasWatermark(n.child)) {
        throw new AnalysisError('dropDuplicatesWithinWatermark is not supported on streaming DataFrames/DataSets without watermark');
      }
    }
  }

  if (mode === 'complete' && !hasAgg) {
    throw new AnalysisError(
      'Complete output mode not supported when there are no streaming aggregations on streaming DataFrames/Datasets',
    );
  }
  if (mode === 'append' && hasAgg && !streamingAggs.every(watermarked)) {
    throw new AnalysisError(
      'Append output mode not supported when there are streaming aggregations on streaming DataFrames/DataSets without watermark. ' +
      "Use outputMode('update') or outputMode('complete').",
    );
  }

  const sessionAggs = streamingAggs.filter((n) => n.kind === 'aggregate' && sessionWindowKeyIndex(n) >= 0);
  if (mode === 'update' && sessionAggs.length > 0) {
    throw new AnalysisError('Update output mode not supported for session window on streaming DataFrames/DataSets');
  }
  // Spark's planner (AggUtils) refuses a streaming session window with no other key: its state is keyed by them.
  if (sessionAggs.some((n) => n.kind === 'aggregate' && n.groupBy.length === 1)) {
    throw new AnalysisError('Global aggregation with session window in streaming query is not supported.');
  }

  for (const n of nodes) if (n.kind === 'join' && n.streaming) checkStreamingJoin(n, mode);

  for (const n of nodes) {
    if (!n.streaming) continue;
    if (n.kind === 'sort') {
      const afterAgg = collectNodes(n.child).some((c) => c.kind === 'aggregate' && c.streaming);
      if (!(afterAgg && mode === 'complete')) {
        throw new AnalysisError(
          'Sorting is not supported on streaming DataFrames/Datasets, unless it is on aggregated DataFrame/Dataset in Complete output mode',
        );
      }
    }
    if (n.kind === 'limit' && mode !== 'complete') {
      throw new AnalysisError(`Limits are not supported on streaming DataFrames/Datasets in ${modeTitle(mode)} output mode`);
    }
  }
}

/**
 * Joins with a streaming side (Spark's UnsupportedOperationChecker join rules). Stream-static: the static
 * side may not be the one whose rows are kept unmatched (outer) or tested (semi/anti) against a stream.
 * Stream-stream: Append mode only, an equality between the sides, and for outer/semi joins a way to
 * know when a row can no longer match (a watermarked join key, or a watermark on the other side plus a
 * time-range condition), so NULL-padded rows are emitted at all.
 */
function checkStreamingJoin(j: Join, mode: OutputMode): void {
  const ls = j.left.streaming;
  const rs = j.right.streaming;
  if (ls && rs && mode !== 'append') {
    throw new AnalysisError(`Join between two streaming DataFrames/Datasets is not supported in ${modeTitle(mode)} output mode, only in Append output mode`);
  }
  switch (j.joinType) {
    case 'Inner': case 'Cross':
      break;
    case 'FullOuter':
      if (ls && !rs) throw new AnalysisError('FullOuter joins with streaming DataFrames/Datasets on the left and a static DataFrame/Dataset on the right is not supported');
      if (!ls && rs) throw new AnalysisError('FullOuter joins with streaming DataFrames/Datasets on the right and a static DataFrame/Dataset on the left is not supported');
      break;
    case 'LeftAnti':
      if (rs) throw new AnalysisError('LeftAnti joins with a streaming DataFrame/Dataset on the right are not supported');
      break;
    case 'LeftOuter': case 'LeftSemi':
      if (!ls && rs) throw new AnalysisError(`${j.joinType} join with a streaming DataFrame/Dataset on the right and a static DataFrame/Dataset on the left is not supported`);
      break;
    case 'RightOuter':
      if (ls && !rs) throw new AnalysisError('RightOuter join with a streaming DataFrame/Dataset on the left and a static DataFrame/DataSet on the right not supported');
      break;
  }
  if (!(ls && rs)) return;
  const parts = splitJoinCondition(j.condition, j.left.schema.length);
  if (parts.keys.length === 0) throw new AnalysisError('Stream-stream join without equality predicate is not supported');
  if (j.joinType === 'Inner' || j.joinType === 'Cross') return;
  const bounded = (side: 'left' | 'right'): boolean => stateTimeBound(j, parts, side) !== null;
  const ok = watermarkKey(j, parts) !== null || (
    j.joinType === 'RightOuter' ? bounded('right') : j.joinType === 'FullOuter' ? bounded('left') || bounded('right') : bounded('left'));
  if (!ok) {
    throw new AnalysisError(
      `Stream-stream ${j.joinType} join between two streaming DataFrame/Datasets is not supported without a watermark in the join keys, ` +
      'or a watermark on the nullable side and an appropriate range condition',
    );
  }
}

/** Actions (`collect`, `count`, `show`) need a bounded input. */
export function checkBatchQuery(plan: LogicalPlan, action: string): void {
  if (collectNodes(plan).some((n) => n.kind === 'deduplicate' && n.withinWatermark)) {
    throw new AnalysisError('dropDuplicatesWithinWatermark is not supported with batch DataFrames/DataSets');
  }
  if (plan.streaming) {
    throw new AnalysisError(
      `Queries with streaming sources must be executed with writeStream.start(); '${action}' is not supported on a streaming DataFrame. ` +
      "Use writeStream with the console or memory sink, or foreachBatch, to see a stream's rows.",
    );
  }
}

/** Spark's rules for `[flat]MapGroupsWithState` on streams (UnsupportedOperationChecker). */
function checkGroupsWithState(nodes: readonly LogicalPlan[], mode: OutputMode, hasAgg: boolean): void {
  const ops = nodes.filter((n): n is Extract<LogicalPlan, { kind: 'flatMapGroupsWithState' }> => n.kind === 'flatMapGroupsWithState' && n.streaming);
  const maps = ops.filter((o) => o.isMapGroups);
  if (maps.length > 1) throw new AnalysisError('Multiple mapGroupsWithStates are not supported on a streaming DataFrames/Datasets');
  if (maps.length > 0 && ops.length > maps.length) {
    throw new AnalysisError('Mixing mapGroupsWithStates and flatMapGroupsWithStates are not supported on a streaming DataFrames/Datasets');
  }
  if (ops.length > 1 && !(mode === 'append' && ops.every((o) => o.functionOutputMode === 'append'))) {
    throw new AnalysisError('Multiple flatMapGroupsWithStates are not supported when they are not all in append mode or the output mode is not append on a streaming DataFrames/Datasets');
  }
  for (const o of ops) {
    const name = o.isMapGroups ? 'mapGroupsWithState' : 'flatMapGroupsWithState';
    if (o.timeout === 'EventTimeTimeout' && !hasWatermark(o.child)) {
      throw new AnalysisError(
        `Watermark must be specified in the query using '[Dataset/DataFrame].withWatermark()' for using event-time timeout in a ${name}. Event-time timeout not supported without watermark.`,
      );
    }
    if (o.isMapGroups) {
      if (hasAgg) throw new AnalysisError('mapGroupsWithState is not supported with aggregation on a streaming DataFrame/Dataset');
      if (mode !== 'update') throw new AnalysisError(`mapGroupsWithState is not supported with ${modeTitle(mode)} output mode on a streaming DataFrame/Dataset`);
    } else if (o.functionOutputMode === 'update') {
      if (hasAgg) throw new AnalysisError('flatMapGroupsWithState in update mode is not supported with aggregation on a streaming DataFrame/Dataset');
      if (mode !== 'update') throw new AnalysisError(`flatMapGroupsWithState in update mode is not supported with ${modeTitle(mode)} output mode on a streaming DataFrame/Dataset`);
    } else if (!hasAgg && mode !== 'append') {
      throw new AnalysisError(`flatMapGroupsWithState in append mode is not supported with ${modeTitle(mode)} output mode on a streaming DataFrame/Dataset`);
    }
  }
}
