import { AnalysisError } from '../analyzer/analysis-error.ts';
import type { BoundExpr } from '../expr/bound-expr.ts';
import type { ObjVector, Vector } from '../data/vector.ts';
import type { DataType } from '../types/data-type.ts';
import { canCast } from '../expr/cast.ts';
import { simpleString } from '../types/data-type.ts';

/** Fails unless the call has between min and max arguments. */
export function checkArity(name: string, args: readonly BoundExpr[], min: number, max: number, sql: string): void {
  if (args.length < min || args.length > max) {
    const want = min === max ? `${min}` : max === Infinity ? `at least ${min}` : `${min} to ${max}`;
    throw new AnalysisError(`Function ${name} takes ${want} argument${want === '1' ? '' : 's'}, but ${args.length} were given in '${sql}'`);
  }
}

/** The type an argument is implicitly cast to, or an error naming the function, the types and the call. */
export function expectArg(name: string, args: readonly BoundExpr[], i: number, want: DataType, sql: string): DataType {
  const got = args[i]!.dataType;
  if (got.kind === want.kind || got.kind === 'null') return want;
  if (want.kind === 'string' && got.kind !== 'binary' && canCast(got, want)) return want;
  if ((want.kind === 'int' || want.kind === 'long' || want.kind === 'double') &&
      (got.kind === 'int' || got.kind === 'long' || got.kind === 'double' || got.kind === 'string')) return want;
  throw new AnalysisError(
    `Cannot resolve '${sql}' due to data type mismatch: argument ${i + 1} of ${name} requires ${simpleString(want)}, but got ${simpleString(got)}`,
  );
}

/** Applies a string → value function to every non-null string of a vector. */
export function mapStrings(v: Vector, type: DataType, fn: (s: string) => unknown): ObjVector {
  const src = (v as ObjVector).values;
  const n = src.length;
  const out = new Array<unknown>(n);
  for (let i = 0; i < n; i++) {
    const s = src[i];
    out[i] = typeof s === 'string' ? fn(s) : null;
  }
  return { kind: 'obj', type, values: out };
}
