import type { BoundExpr } from '../expr/bound-expr.ts';
import type { LogicalPlan } from './logical-plan.ts';

/** How a column carries event time: a timestamp, or a window struct whose `end` is the time. */
export type EventTimeKind = 'timestamp' | 'window';

/**
 * Which output columns of a plan carry the event time of a `withWatermark` column, followed through
 * projections, windows (`window(ts, ...)`, `session_window(ts, ...)`, `window_time(window)`) and aggregation keys. The analyzer
 * uses it for the output-mode rules; stateful operators use it to drop late rows and evict state.
 */
export function eventTimeColumns(plan: LogicalPlan): Map<number, EventTimeKind> {
  switch (plan.kind) {
    case 'streamingRelation': case 'batchRelation': case 'localRelation': case 'tableScan':
    case 'flatMapGroupsWithState':
      // User functions produce new rows: their times are not the watermarked input's.
      return new Map();
    case 'eventTimeWatermark': {
      const m = eventTimeColumns(plan.child);
      m.set(plan.column, plan.schema.fields[plan.column]!.dataType.kind === 'struct' ? 'window' : 'timestamp');
      return m;
    }
    case 'filter': case 'sort': case 'limit': case 'deduplicate': case 'generate': case 'subqueryAlias':
      return eventTimeColumns(plan.child);
    case 'join': {
      // Both sides' event-time columns (the right's after the left's); semi/anti joins output the left only.
      const m = eventTimeColumns(plan.left);
      if (plan.joinType === 'LeftSemi' || plan.joinType === 'LeftAnti') return m;
      const width = plan.left.schema.length;
      for (const [i, k] of eventTimeColumns(plan.right)) m.set(width + i, k);
      return m;
    }
    case 'timeWindow': case 'sessionWindow': {
      const m = eventTimeColumns(plan.child);
      if (eventTimeKindOf(plan.timeColumn, m)) m.set(plan.schema.length - 1, 'window');
      return m;
    }
    case 'project': {
      const inner = eventTimeColumns(plan.child);
      const m = new Map<number, EventTimeKind>();
      plan.exprs.forEach((e, i) => {
        const k = eventTimeKindOf(e.expr, inner);
        if (k) m.set(i, k);
      });
      return m;
    }
    case 'aggregate': {
      const inner = eventTimeColumns(plan.child);
      const keys = new Map<number, EventTimeKind>();
      plan.groupBy.forEach((g, i) => {
        const k = eventTimeKindOf(g.expr, inner);
        if (k) keys.set(i, k);
      });
      const m = new Map<number, EventTimeKind>();
      plan.results.forEach((r, i) => {
        const k = eventTimeKindOf(r.expr, keys);
        if (k) m.set(i, k);
      });
      return m;
    }
    case 'union': {
      const maps = plan.children.map(eventTimeColumns);
      const m = new Map<number, EventTimeKind>();
      for (const [i, k] of maps[0] ?? []) if (maps.every((x) => x.get(i) === k)) m.set(i, k);
      return m;
    }
  }
}

/** Whether an expression over columns `m` yields event time, and in which form. */
export function eventTimeKindOf(e: BoundExpr, m: ReadonlyMap<number, EventTimeKind>): EventTimeKind | undefined {
  switch (e.kind) {
    case 'ref': return m.get(e.index);
    case 'getField':
      return eventTimeKindOf(e.child, m) === 'window' ? 'timestamp' : undefined;
    case 'call':
      return e.fn.name === 'window_time' && e.args[0] && eventTimeKindOf(e.args[0], m) === 'window' ? 'timestamp' : undefined;
    default:
      return undefined;
  }
}

/** Whether the plan has any `withWatermark`. */
export function hasWatermark(plan: LogicalPlan): boolean {
  if (plan.kind === 'eventTimeWatermark') return true;
  if (plan.kind === 'union') return plan.children.some(hasWatermark);
  if (plan.kind === 'join') return hasWatermark(plan.left) || hasWatermark(plan.right);
  return 'child' in plan ? hasWatermark(plan.child) : false;
}
