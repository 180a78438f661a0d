import type { LogicalPlan } from '../logical/logical-plan.ts';
import type { StateStoreProvider } from '../state/state-store.ts';
import { DeduplicateExec } from './deduplicate-exec.ts';
import { FilterExec } from './filter-exec.ts';
import { GenerateExec } from './generate-exec.ts';
import { HashAggregateExec } from './hash-aggregate-exec.ts';
import { LimitExec } from './limit-exec.ts';
import type { PhysicalOperator } from './physical-operator.ts';
import { ProjectExec } from './project-exec.ts';
import { projectOverGenerate } from './project-over-generate.ts';
import { ScanExec } from './scan-exec.ts';
import { SortExec } from './sort-exec.ts';
import { StatefulAggregateExec } from './stateful-aggregate-exec.ts';
import { StatefulDeduplicateExec } from './stateful-deduplicate-exec.ts';
import { isStateful, type StatefulOperator } from './stateful-operator.ts';
import { UnionExec } from './union-exec.ts';
import { HashJoinExec } from './hash-join-exec.ts';
import { StreamStreamJoinExec } from './stream-stream-join-exec.ts';
import { TimeWindowExec } from './time-window-exec.ts';
import { EventTimeWatermarkExec } from './event-time-watermark-exec.ts';
import { eventTimeColumns, eventTimeKindOf } from '../logical/event-time-columns.ts';
import { sessionWindowKeyIndex } from '../logical/session-window-key.ts';
import { SessionWindowExec } from './session-window-exec.ts';
import { SessionWindowAggregateExec } from './session-window-aggregate-exec.ts';
import { StatefulSessionWindowAggregateExec } from './stateful-session-window-aggregate-exec.ts';
import type { EventTimeKey } from './stateful-aggregate-exec.ts';
import type { DedupEventTime } from './stateful-deduplicate-exec.ts';
import { FlatMapGroupsWithStateExec } from './flat-map-groups-with-state-exec.ts';
import { InMemoryStateStoreProvider } from '../state/in-memory-state-store-provider.ts';
import { planChildren } from '../logical/logical-plan.ts';

export interface PlannedQuery {
  readonly root: PhysicalOperator;
  /** Stateful operators in plan order; their ids are their positions, stable across restarts. */
  readonly stateful: readonly StatefulOperator[];
  /** Leaf relations (sources, tables, local rows) in plan order. */
  readonly leaves: readonly LogicalPlan[];
  /** `withWatermark` operators by id (their position in plan order), with their delays. */
  readonly watermarks: readonly { readonly id: number; readonly delayMs: number }[];
}

export interface PlannerOptions {
  /** Incremental planning: streaming aggregations and deduplication become stateful operators. */
  readonly incremental: boolean;
  readonly stateProvider?: StateStoreProvider;
  readonly now?: () => number;
}

/** Logical plan → physical operators. Pure: no I/O; expressions are compiled here, once. */
export function planPhysical(plan: LogicalPlan, options: PlannerOptions): PlannedQuery {
  const stateful: StatefulOperator[] = [];
  const leaves: LogicalPlan[] = [];
  const watermarks: { id: number; delayMs: number }[] = [];
  const now = options.now ?? Date.now;
  const visit = (p: LogicalPlan): PhysicalOperator => {
    switch (p.kind) {
      case 'streamingRelation': case 'batchRelation': case 'localRelation': case 'tableScan':
        leaves.push(p);
        return new ScanExec(p);
      case 'project':
        if (p.child.kind === 'generate') return projectOverGenerate(p, p.child, visit(p.child.child));
        return new ProjectExec(visit(p.child), p.exprs, p.schema);
      case 'filter': return new FilterExec(visit(p.child), p.condition);
      case 'generate': return new GenerateExec(visit(p.child), p.fn, p.input, p.schema);
      case 'aggregate': {
        const child = visit(p.child);
        const sessionKey = sessionWindowKeyIndex(p);
        if (sessionKey >= 0) {
          if (options.incremental && p.streaming) {
            const eventTime = eventTimeKindOf(p.groupBy[sessionKey]!.expr, eventTimeColumns(p.child)) !== undefined;
            return register(new StatefulSessionWindowAggregateExec(child, p, sessionKey, stateful.length, requireProvider(options), now, eventTime));
          }
          return new SessionWindowAggregateExec(child, p, sessionKey);
        }
        if (options.incremental && p.streaming) {
          return register(new StatefulAggregateExec(child, p, stateful.length, requireProvider(options), now, eventTimeKey(p)));
        }
        return new HashAggregateExec(child, p);
      }
      case 'deduplicate': {
        const child = visit(p.child);
        if (options.incremental && p.streaming) {
          return register(new StatefulDeduplicateExec(child, p, stateful.length, requireProvider(options), now, dedupEventTime(p)));
        }
        return new DeduplicateExec(child, p.keys);
      }
      case 'union': return new UnionExec(p.children.map(visit), p.schema);
      case 'timeWindow': return new TimeWindowExec(visit(p.child), p);
      case 'sessionWindow': return new SessionWindowExec(visit(p.child), p);
      case 'eventTimeWatermark': {
        const child = visit(p.child);
        const id = watermarks.length;
        watermarks.push({ id, delayMs: p.delayMs });
        return new EventTimeWatermarkExec(child, p, id);
      }
      case 'sort': return new SortExec(visit(p.child), p.keys);
      case 'limit': return new LimitExec(visit(p.child), p.n);
      case 'subqueryAlias': return visit(p.child);
      case 'flatMapGroupsWithState': {
        const child = visit(p.child);
        if (options.incremental && p.streaming) {
          return register(new FlatMapGroupsWithStateExec(child, p, stateful.length, requireProvider(options), now, findWatermark(p.child) !== undefined));
        }
        // A static DataFrame: one call per key with empty state, and no timeouts.
        return new FlatMapGroupsWithStateExec(child, p, -1, new InMemoryStateStoreProvider(), now, false);
      }
      case 'join': {
        const left = visit(p.left);
        const right = visit(p.right);
        if (options.incremental && p.left.streaming && p.right.streaming) {
          return register(new StreamStreamJoinExec(left, right, p, stateful.length, requireProvider(options), now));
        }
        // The hash table goes on the static side of a stream-static join (re-read every batch).
        return new HashJoinExec(left, right, p, !p.left.streaming && p.right.streaming ? 'left' : 'right');
      }
    }
  };
  const register = (op: StatefulOperator): StatefulOperator => {
    if (isStateful(op)) stateful.push(op);
    return op;
  };
  const root = visit(plan);
  return { root, stateful, leaves, watermarks };
}

/**
 * Event time of a streaming deduplication: for `dropDuplicatesWithinWatermark`, the watermarked column
 * of the input and its delay; for `dropDuplicates`, a watermarked column among the keys.
 */
function dedupEventTime(p: Extract<LogicalPlan, { kind: 'deduplicate' }>): DedupEventTime | null {
  const inner = eventTimeColumns(p.child);
  if (p.withinWatermark) {
    const wm = findWatermark(p.child);
    const first = wm ? [...inner.entries()].find(([i]) => i === wm.column) ?? [...inner.entries()][0] : undefined;
    if (!wm || !first) return null;
    return { column: first[0], kind: first[1], withinDelayMs: wm.delayMs };
  }
  for (const k of p.keys) {
    const kind = inner.get(k);
    if (kind) return { column: k, kind, withinDelayMs: null };
  }
  return null;
}

function findWatermark(p: LogicalPlan): Extract<LogicalPlan, { kind: 'eventTimeWatermark' }> | undefined {
  if (p.kind === 'eventTimeWatermark') return p;
  for (const c of planChildren(p)) {
    const w = findWatermark(c);
    if (w) return w;
  }
  return undefined;
}

/** The first grouping key of an aggregate that carries watermarked event time. */
function eventTimeKey(p: Extract<LogicalPlan, { kind: 'aggregate' }>): EventTimeKey | null {
  const inner = eventTimeColumns(p.child);
  for (let i = 0; i < p.groupBy.length; i++) {
    const g = p.groupBy[i]!.expr;
    if (g.kind === 'ref' && inner.has(g.index)) return { index: i, kind: inner.get(g.index)! };
  }
  return null;
}

function requireProvider(options: PlannerOptions): StateStoreProvider {
  if (!options.stateProvider) throw new Error('internal: incremental planning needs a state store provider');
  return options.stateProvider;
}
