import { AnalysisError } from '../analyzer/analysis-error.ts';
import type { BoundExpr } from '../expr/bound-expr.ts';
import type { DataType } from '../types/data-type.ts';
import { DATE, TIMESTAMP } from '../types/data-type.ts';
import { DateTimePatternError, dateTimeFormatter, type DateTimeFormatter } from './datetime-pattern.ts';
import { argTypeError } from './function-helpers.ts';

/** A timestamp argument: dates and strings are cast to timestamp, as Spark's implicit casts do. */
export function expectTimestampArg(name: string, args: readonly BoundExpr[], i: number, sql: string): DataType {
  const t = args[i]!.dataType;
  if (t.kind === 'timestamp' || t.kind === 'date' || t.kind === 'string' || t.kind === 'null') return TIMESTAMP;
  throw argTypeError(name, i, 'timestamp', t, sql);
}

/** A date argument: timestamps (in the session zone) and strings are cast to date. */
export function expectDateArg(name: string, args: readonly BoundExpr[], i: number, sql: string): DataType {
  const t = args[i]!.dataType;
  if (t.kind === 'timestamp' || t.kind === 'date' || t.kind === 'string' || t.kind === 'null') return DATE;
  throw argTypeError(name, i, 'date', t, sql);
}

/** A constant pattern is compiled during analysis, so an invalid one fails before any data is read. */
export function checkLiteralPattern(arg: BoundExpr | undefined): void {
  if (arg?.kind !== 'literal' || typeof arg.value !== 'string') return;
  try {
    dateTimeFormatter(arg.value);
  } catch (e) {
    if (e instanceof DateTimePatternError) throw new AnalysisError(patternMessage(arg.value, e));
    throw e;
  }
}

/** The formatter for a pattern met while running (a pattern that is a column). */
export function formatterFor(pattern: string): DateTimeFormatter {
  try {
    return dateTimeFormatter(pattern);
  } catch (e) {
    if (e instanceof DateTimePatternError) throw new Error(patternMessage(pattern, e));
    throw e;
  }
}

function patternMessage(pattern: string, e: Error): string {
  return `Invalid datetime pattern '${pattern}': ${e.message}`;
}

export const DEFAULT_PATTERN = 'yyyy-MM-dd HH:mm:ss';
