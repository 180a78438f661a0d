import { AnalysisError } from '../analyzer/analysis-error.ts';
import type { BoundExpr } from '../expr/bound-expr.ts';
import { valueAt, type Vector } from '../data/vector.ts';
import { argTypeError } from './function-helpers.ts';

/**
 * The options argument of from_json / to_json: a `map<string,string>` (a literal from the Column API, or
 * `map('k', 'v', ...)` in SQL), read once per batch. Keys are case-insensitive, as Spark's options.
 */
export function checkOptionsArg(name: string, args: readonly BoundExpr[], i: number, sql: string): void {
  const a = args[i];
  if (a === undefined) return;
  const t = a.dataType;
  if (t.kind === 'null') return;
  if (t.kind !== 'map' || t.keyType.kind !== 'string') throw argTypeError(name, i, 'map<string,string>', t, sql);
  if (t.valueType.kind !== 'string' && t.valueType.kind !== 'null') {
    throw new AnalysisError(`Cannot resolve '${sql}': the options of ${name} must be a map of string keys to string values`);
  }
}

export function readOptions(v: Vector | undefined): ReadonlyMap<string, string> {
  const out = new Map<string, string>();
  if (v === undefined || v.values.length === 0) return out;
  const m = valueAt(v, 0);
  if (m instanceof Map) for (const [k, x] of m) if (x !== null) out.set(String(k).toLowerCase(), String(x));
  return out;
}
