import { AnalysisError } from '../analyzer/analysis-error.ts';
import { resolveExpr } from '../analyzer/resolve-expression.ts';
import { exprToString, type Expr } from '../expr/expression.ts';
import { simpleString, TIMESTAMP } from '../types/data-type.ts';
import { parseInterval, type IntervalValue } from '../types/interval.ts';
import { StructType } from '../types/schema.ts';
import type { LogicalPlan, SessionGap, SessionWindow } from './logical-plan.ts';
import { scopeOf } from './plan-scope.ts';

/** The column a SessionWindow adds; expressions that used `session_window(...)` refer to it. */
export const SESSION_WINDOW_COLUMN = '__session_window';

/** `struct<start: timestamp, end: timestamp>`, the type Spark gives `session_window`. */
export const SESSION_WINDOW_STRUCT = {
  kind: 'struct' as const,
  fields: [{ name: 'start', dataType: TIMESTAMP, nullable: true }, { name: 'end', dataType: TIMESTAMP, nullable: true }],
};

/**
 * The SessionWindow node for one `session_window(timeColumn, gapDuration)` call over `child`. A gap that
 * is a literal (an interval string or an interval) is checked here; any other expression is evaluated
 * per row and must give an interval string or an interval.
 */
export function buildSessionWindow(child: LogicalPlan, call: Extract<Expr, { kind: 'call' }>): SessionWindow {
  if (call.args.length !== 2) {
    throw new AnalysisError(`Function session_window takes 2 arguments (timeColumn, gapDuration), but ${call.args.length} were given`);
  }
  const scope = scopeOf(child);
  const timeColumn = resolveExpr(call.args[0]!, scope);
  const t = timeColumn.dataType;
  const isWindow = t.kind === 'struct' && t.fields.length === 2 && t.fields[1]!.dataType.kind === 'timestamp';
  if (t.kind !== 'timestamp' && !isWindow) {
    throw new AnalysisError(`The time column of session_window must be of timestamp type, but ${exprToString(call.args[0]!)} is of type ${simpleString(t)}`);
  }
  const schema = new StructType([...child.schema.fields, { name: SESSION_WINDOW_COLUMN, dataType: SESSION_WINDOW_STRUCT, nullable: false }]);
  return { kind: 'sessionWindow', child, timeColumn, gap: gapOf(call.args[1]!, scope), schema, streaming: child.streaming };
}

function gapOf(a: Expr, scope: StructType): SessionGap {
  if (a.kind === 'literal' && typeof a.value === 'string') {
    const iv = parseInterval(a.value);
    if (!iv) {
      throw new AnalysisError(`The gapDuration of session_window must be an interval string such as '10 minutes' or '1 day 12 hours', but got ${exprToString(a)}`);
    }
    return { kind: 'fixed', interval: iv };
  }
  if (a.kind === 'literal' && a.dataType.kind === 'interval' && a.value !== null) {
    return { kind: 'fixed', interval: a.value as IntervalValue };
  }
  const expr = resolveExpr(a, scope);
  const k = expr.dataType.kind;
  if (k !== 'string' && k !== 'interval' && k !== 'null') {
    throw new AnalysisError(`The gapDuration of session_window must be an interval or an interval string, but ${exprToString(a)} is of type ${simpleString(expr.dataType)}`);
  }
  return { kind: 'dynamic', expr };
}
