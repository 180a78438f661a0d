import { expect } from 'vitest';
import type { Column, DataFrame } from 'caudal';

/** One function call written twice, through the Column API and as a SQL expression string. */
export interface FunctionCase {
  readonly column: Column;
  readonly sql: string;
  /** One value per input row, written by hand. */
  readonly expected: readonly unknown[];
  /** Spark's name for the Column form's output column, when the case checks it. */
  readonly name?: string;
}

/** The values of one expression over every row of `df`. */
export async function valuesOf(df: DataFrame, e: Column | string): Promise<unknown[]> {
  const out = typeof e === 'string' ? df.selectExpr(`${e} AS v`) : df.select(e.alias('v'));
  return (await out.collect()).map((r) => r.v);
}

export async function checkCase(df: DataFrame, c: FunctionCase): Promise<void> {
  expect(await valuesOf(df, c.column)).toEqual(c.expected);
  expect(await valuesOf(df, c.sql)).toEqual(c.expected);
  if (c.name !== undefined) expect(df.select(c.column).columns).toEqual([c.name]);
}

/** `[title, case]` pairs for `it.each`. */
export function titled(cases: readonly FunctionCase[]): [string, FunctionCase][] {
  return cases.map((c) => [c.sql, c]);
}

/** The error thrown (synchronously or by the returned promise) by `fn`. */
export async function errorOf(fn: () => unknown): Promise<Error> {
  try {
    await fn();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected an error, but none was thrown');
}
