import { AnalysisError } from '../analyzer/analysis-error.ts';
import type { BoolVector, ObjVector } from '../data/vector.ts';
import type { BoundExpr } from '../expr/bound-expr.ts';
import { compareNullable } from '../expr/compare-values.ts';
import { BOOLEAN, NULL_TYPE, arrayOf, simpleString, type DataType } from '../types/data-type.ts';
import { argTypeError, checkArity, literalArg } from './function-helpers.ts';
import type { ResolvedCall, ScalarFunction } from './scalar-function.ts';

/**
 * `sort_array(arr[, asc = true])`: the elements in Spark's order (numbers with NaN largest, strings by code
 * point, false < true, arrays and structs element by element), nulls first ascending and last descending.
 * `array_sort(arr)`: ascending with nulls last. Null arrays give null; the input arrays are not changed.
 */
export const sort_array: ScalarFunction = {
  name: 'sort_array',
  resolve(args, sql) {
    checkArity('sort_array', args, 1, 2, sql);
    if (args.length === 2) {
      const t = args[1]!.dataType;
      if (t.kind !== 'boolean' && t.kind !== 'null') throw argTypeError('sort_array', 1, 'boolean', t, sql);
      const asc = literalArg('sort_array', args, 1, sql);
      if (asc !== null && typeof asc !== 'boolean') throw argTypeError('sort_array', 1, 'boolean', t, sql);
    }
    return resolveSorted('sort_array', args, sql, args.length === 2 ? [null, BOOLEAN] : [null]);
  },
  evaluate(args, n, _ctx, type) {
    const src = (args[0] as ObjVector).values;
    const order = (args[1] as BoolVector | undefined) ?? null;
    // `sort_array(arr, NULL)` is null.
    if (order !== null && n > 0 && order.valid !== null && order.valid[0] === 0) return { kind: 'obj', type, values: new Array<unknown>(n).fill(null) };
    const ascending = order === null || order.values[0] === 1;
    const element = elementOf(type);
    const compare = ascending
      ? (a: unknown, b: unknown): number => compareNullable(element, a, b)
      : (a: unknown, b: unknown): number => compareNullable(element, b, a);
    return sortEach(src, n, type, compare);
  },
};

export const array_sort: ScalarFunction = {
  name: 'array_sort',
  resolve(args, sql) {
    if (args.length === 2) throw new AnalysisError(`Cannot resolve '${sql}': array_sort with a comparator function is not supported; use array_sort(arr) or sort_array(arr, asc)`);
    checkArity('array_sort', args, 1, 1, sql);
    return resolveSorted('array_sort', args, sql, [null]);
  },
  evaluate(args, n, _ctx, type) {
    const element = elementOf(type);
    const compare = (a: unknown, b: unknown): number => {
      const an = a === null || a === undefined;
      const bn = b === null || b === undefined;
      if (an || bn) return an === bn ? 0 : an ? 1 : -1;
      return compareNullable(element, a, b);
    };
    return sortEach((args[0] as ObjVector).values, n, type, compare);
  },
};

function resolveSorted(name: string, args: readonly BoundExpr[], sql: string, argTypes: (DataType | null)[]): ResolvedCall {
  const t = args[0]!.dataType;
  if (t.kind === 'null') return { dataType: arrayOf(NULL_TYPE), argTypes };
  if (t.kind !== 'array') throw argTypeError(name, 0, 'array', t, sql);
  if (!orderable(t.elementType)) {
    throw new AnalysisError(`Cannot resolve '${sql}' due to data type mismatch: ${name} does not support ordering on type ${simpleString(t)}`);
  }
  return { dataType: t, argTypes };
}

/** Maps have no order in Spark, nor do arrays or structs that hold them. */
function orderable(t: DataType): boolean {
  if (t.kind === 'map') return false;
  if (t.kind === 'array') return orderable(t.elementType);
  if (t.kind === 'struct') return t.fields.every((f) => orderable(f.dataType));
  return true;
}

function elementOf(t: DataType): DataType {
  return t.kind === 'array' ? t.elementType : NULL_TYPE;
}

function sortEach(src: readonly unknown[], n: number, type: DataType, compare: (a: unknown, b: unknown) => number): ObjVector {
  const out = new Array<unknown>(n);
  for (let i = 0; i < n; i++) {
    const a = src[i];
    // Array.prototype.sort is stable, as Spark's (TimSort): equal elements such as -0.0 and 0.0 keep their order.
    out[i] = Array.isArray(a) ? a.slice().sort(compare) : null;
  }
  return { kind: 'obj', type, values: out };
}
