import { AnalysisError } from '../analyzer/analysis-error.ts';
import type { BoundExpr } from '../expr/bound-expr.ts';
import { InvalidRegexError, invalidPatternMessage, javaRegex } from './java-regex.ts';

/** A constant pattern is compiled while the query is analysed, so a bad one fails before any data is read. */
export function checkLiteralPattern(fn: string, arg: BoundExpr): void {
  if (arg.kind !== 'literal' || typeof arg.value !== 'string') return;
  compilePattern(fn, arg.value, '', true);
}

/** The cached RegExp for a Java pattern, or Spark's invalid-pattern error. */
export function compilePattern(fn: string, pattern: string, flags: string, analysis = false): RegExp {
  try {
    return javaRegex(pattern, flags);
  } catch (e) {
    if (!(e instanceof InvalidRegexError)) throw e;
    const message = invalidPatternMessage(fn, pattern);
    throw analysis ? new AnalysisError(message) : new Error(message);
  }
}

/** Number of capturing groups of a compiled pattern. */
export function groupCount(re: RegExp): number {
  const cached = groupCounts.get(re);
  if (cached !== undefined) return cached;
  const count = new RegExp(`${re.source}|`, re.flags.replace('g', '')).exec('')!.length - 1;
  groupCounts.set(re, count);
  return count;
}

const groupCounts = new WeakMap<RegExp, number>();
