import { collectNodes, type LogicalPlan } from '../logical/logical-plan.ts';
import { eventTimeColumns, eventTimeKindOf, hasWatermark } from '../logical/event-time-columns.ts';
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
