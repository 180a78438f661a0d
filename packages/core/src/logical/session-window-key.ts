import type { Aggregate, LogicalPlan } from './logical-plan.ts';

/**
 * Output columns of a plan that hold unmerged session windows (each row's own `[t, t + gap)` from a
 * SessionWindow node), followed through the operators that pass columns on (as Spark's session-window
 * marker follows the attribute). An aggregation grouping by one of them merges sessions.
 */
export function sessionWindowColumns(plan: LogicalPlan): Set<number> {
  switch (plan.kind) {
    case 'sessionWindow': {
      const s = sessionWindowColumns(plan.child);
      s.add(plan.schema.length - 1);
      return s;
    }
    // These keep the child's columns at the same positions (and may add some after them).
    case 'filter': case 'sort': case 'limit': case 'deduplicate': case 'subqueryAlias': case 'eventTimeWatermark':
    case 'timeWindow': case 'generate':
      return sessionWindowColumns(plan.child);
    case 'project': {
      const inner = sessionWindowColumns(plan.child);
      const s = new Set<number>();
      plan.exprs.forEach((e, i) => { if (e.expr.kind === 'ref' && inner.has(e.expr.index)) s.add(i); });
      return s;
    }
    case 'streamingRelation': case 'batchRelation': case 'localRelation': case 'tableScan':
    case 'aggregate': case 'union': case 'join': case 'flatMapGroupsWithState':
      return new Set();
  }
}

/** The position among an aggregation's keys of its session window key, or -1 when it has none. */
export function sessionWindowKeyIndex(agg: Aggregate): number {
  const inner = sessionWindowColumns(agg.child);
  if (inner.size === 0) return -1;
  return agg.groupBy.findIndex((g) => g.expr.kind === 'ref' && inner.has(g.expr.index));
}
