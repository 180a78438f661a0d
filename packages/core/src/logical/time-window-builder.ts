import { AnalysisError } from '../analyzer/analysis-error.ts';
import { resolveExpr } from '../analyzer/resolve-expression.ts';
import { exprToString, type Expr } from '../expr/expression.ts';
import { simpleString, TIMESTAMP } from '../types/data-type.ts';
import { parseInterval } from '../types/interval.ts';
import { StructType } from '../types/schema.ts';
import type { LogicalPlan, TimeWindow } from './logical-plan.ts';
import { scopeOf } from './plan-scope.ts';
import { buildSessionWindow, SESSION_WINDOW_COLUMN } from './session-window-builder.ts';

/** The column a TimeWindow adds; expressions that used `window(...)` refer to it. */
export const TIME_WINDOW_COLUMN = '__time_window';

export const WINDOW_STRUCT = {
  kind: 'struct' as const,
  fields: [{ name: 'start', dataType: TIMESTAMP, nullable: true }, { name: 'end', dataType: TIMESTAMP, nullable: true }],
};

function isWindowCall(e: Expr): e is Extract<Expr, { kind: 'call' }> {
  return e.kind === 'call' && (e.name.toLowerCase() === 'window' || e.name.toLowerCase() === 'session_window');
}

/**
 * Finds `window(...)` or `session_window(...)` calls in expressions about to be resolved over `child`. If
 * there is one, puts a TimeWindow (or SessionWindow) node over the child and rewrites each call into a
 * reference to the window column (aliased `window` / `session_window` where the call was a whole select
 * item or grouping key, as Spark names it).
 */
export function extractTimeWindow(child: LogicalPlan, exprs: readonly Expr[]): { child: LogicalPlan; exprs: Expr[] } {
  const calls = new Map<string, Extract<Expr, { kind: 'call' }>>();
  const find = (e: Expr): void => {
    if (isWindowCall(e)) calls.set(exprToString(e), e);
    for (const c of childrenOf(e)) find(c);
  };
  exprs.forEach(find);
  if (calls.size === 0) return { child, exprs: [...exprs] };
  if (calls.size > 1) {
    throw new AnalysisError(`Multiple time/session window expressions would result in a cartesian product of rows, therefore they are currently not supported: ${[...calls.keys()].join(', ')}`);
  }
  const call = [...calls.values()][0]!;
  const session = call.name.toLowerCase() === 'session_window';
  const node = session ? buildSessionWindow(child, call) : buildTimeWindow(child, call);
  const column = session ? SESSION_WINDOW_COLUMN : TIME_WINDOW_COLUMN;
  const ref: Expr = { kind: 'column', name: column, nameParts: [column] };
  const rewrite = (e: Expr): Expr => (isWindowCall(e) ? ref : mapChildren(e, rewrite));
  return {
    child: node,
    exprs: exprs.map((e) => (isWindowCall(e) ? { kind: 'alias', child: ref, name: session ? 'session_window' : 'window' } : rewrite(e))),
  };
}

function durationArg(call: Extract<Expr, { kind: 'call' }>, i: number, what: string): number | undefined {
  const a = call.args[i];
  if (a === undefined) return undefined;
  const text = a.kind === 'literal' && typeof a.value === 'string' ? a.value : undefined;
  const iv = text !== undefined ? parseInterval(text)
    : a.kind === 'literal' && a.dataType.kind === 'interval' ? (a.value as { months: number; micros: number }) : undefined;
  if (!iv) {
    throw new AnalysisError(`The ${what} of window must be an interval string such as '10 minutes' or '1 day 12 hours', but got ${exprToString(a)}`);
  }
  if (iv.months !== 0) throw new AnalysisError(`Intervals greater than a month are not supported for the ${what} of window (${exprToString(a)}); use days`);
  return iv.micros;
}

function buildTimeWindow(child: LogicalPlan, call: Extract<Expr, { kind: 'call' }>): TimeWindow {
  if (call.args.length < 2 || call.args.length > 4) {
    throw new AnalysisError(`Function window takes 2 to 4 arguments (timeColumn, windowDuration[, slideDuration[, startTime]]), but ${call.args.length} were given`);
  }
  const timeColumn = resolveExpr(call.args[0]!, scopeOf(child));
  const t = timeColumn.dataType;
  const isWindow = t.kind === 'struct' && t.fields.length === 2 && t.fields[1]!.dataType.kind === 'timestamp';
  if (t.kind !== 'timestamp' && !isWindow) {
    throw new AnalysisError(`The time column of window must be of timestamp type, but ${exprToString(call.args[0]!)} is of type ${simpleString(t)}`);
  }
  const windowMicros = durationArg(call, 1, 'windowDuration')!;
  const slideMicros = durationArg(call, 2, 'slideDuration') ?? windowMicros;
  const startMicros = durationArg(call, 3, 'startTime') ?? 0;
  const fmt = (us: number): string => `${us / 1_000_000} seconds`;
  if (windowMicros <= 0) throw new AnalysisError(`The window duration (${fmt(windowMicros)}) must be greater than 0.`);
  if (slideMicros <= 0) throw new AnalysisError(`The slide duration (${fmt(slideMicros)}) must be greater than 0.`);
  if (slideMicros > windowMicros) {
    throw new AnalysisError(`The slide duration (${fmt(slideMicros)}) must be less than or equal to the windowDuration (${fmt(windowMicros)}).`);
  }
  if (Math.abs(startMicros) >= slideMicros) {
    throw new AnalysisError(`The absolute value of start time (${fmt(startMicros)}) must be less than the slideDuration (${fmt(slideMicros)}).`);
  }
  const schema = new StructType([...child.schema.fields, { name: TIME_WINDOW_COLUMN, dataType: WINDOW_STRUCT, nullable: false }]);
  return { kind: 'timeWindow', child, timeColumn, windowMicros, slideMicros, startMicros, schema, streaming: child.streaming };
}

function childrenOf(e: Expr): readonly Expr[] {
  switch (e.kind) {
    case 'column': case 'star': case 'literal': return [];
    case 'alias': case 'unary': case 'cast': case 'generator': case 'sortOrder': return [e.child];
    case 'binary': return [e.left, e.right];
    case 'call': case 'aggregate': return e.args;
    case 'caseWhen': return [...e.branches.flatMap(([c, v]) => [c, v]), ...(e.otherwise ? [e.otherwise] : [])];
    case 'in': return [e.child, ...e.list];
    case 'extract': return [e.child, e.key];
  }
}

function mapChildren(e: Expr, f: (e: Expr) => Expr): Expr {
  switch (e.kind) {
    case 'column': case 'star': case 'literal': return e;
    case 'alias': case 'unary': case 'cast': case 'generator': case 'sortOrder': return { ...e, child: f(e.child) };
    case 'binary': return { ...e, left: f(e.left), right: f(e.right) };
    case 'call': case 'aggregate': return { ...e, args: e.args.map(f) };
    case 'caseWhen': return { ...e, branches: e.branches.map(([c, v]) => [f(c), f(v)] as const), otherwise: e.otherwise ? f(e.otherwise) : null };
    case 'in': return { ...e, child: f(e.child), list: e.list.map(f) };
    case 'extract': return { ...e, child: f(e.child), key: f(e.key) };
  }
}
