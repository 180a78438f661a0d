import { AnalysisError } from '../analyzer/analysis-error.ts';
import { comparisonType } from '../analyzer/comparison-type.ts';
import type { BoolVector, Vector } from '../data/vector.ts';
import { castVector } from '../expr/cast.ts';
import { valuesEqual } from '../expr/compare-values.ts';
import type { BoundExpr } from '../expr/bound-expr.ts';
import { BOOLEAN, simpleString, type DataType } from '../types/data-type.ts';
import { argTypeError, checkArity, commonArgType } from './function-helpers.ts';
import type { ScalarFunction } from './scalar-function.ts';

/**
 * `if(cond, a, b)`: a where cond is true, else b (also where cond is null). a and b are cast to their
 * common type, as CASE branches; Spark names the call `(IF(cond, a, b))`.
 */
export const if_: ScalarFunction = {
  name: 'if',
  resolve(args, sql) {
    checkArity('if', args, 3, 3, sql);
    const cond = args[0]!.dataType;
    if (cond.kind !== 'boolean' && cond.kind !== 'null') throw argTypeError('if', 0, 'boolean', cond, sql);
    const type = commonArgType('if', args.slice(1), sql);
    return { dataType: type, nullable: args[1]!.nullable || args[2]!.nullable, argTypes: [BOOLEAN, type, type] };
  },
  evaluate(args, n) {
    const cond = args[0] as BoolVector;
    const pick = new Uint8Array(n);
    for (let i = 0; i < n; i++) pick[i] = cond.values[i] === 1 && (cond.valid === null || cond.valid[i] === 1) ? 1 : 0;
    return select(pick, args[1]!, args[2]!, n);
  },
};

/** `nvl2(x, a, b)`: a where x is not null, else b; a and b are cast to their common type. */
export const nvl2: ScalarFunction = {
  name: 'nvl2',
  resolve(args, sql) {
    checkArity('nvl2', args, 3, 3, sql);
    const type = commonArgType('nvl2', args.slice(1), sql);
    return { dataType: type, nullable: args[1]!.nullable || args[2]!.nullable, argTypes: [null, type, type] };
  },
  evaluate(args, n) {
    const x = args[0]!;
    const pick = new Uint8Array(n);
    for (let i = 0; i < n; i++) pick[i] = presentAt(x, i) ? 1 : 0;
    return select(pick, args[1]!, args[2]!, n);
  },
};

/**
 * `nullif(a, b)`: null where a = b, else a (of a's type). The values are compared as `a = b` compares
 * them (`nullif(id, '1')` compares numbers).
 */
export const nullif: ScalarFunction = {
  name: 'nullif',
  resolve(args, sql) {
    checkArity('nullif', args, 2, 2, sql);
    const compared = nullifComparison(args, sql);
    return { dataType: args[0]!.dataType, nullable: true, argTypes: [null, compared] };
  },
  evaluate(args, n, ctx) {
    const a = args[0]!;
    const b = args[1]!;
    // b was cast to the comparison type; a is kept for the result and compared as a cast copy.
    const type = b.type;
    const left = a.type.kind === type.kind || a.type.kind === 'null' ? a : castVector(a, type, ctx.timeZone);
    const pick = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const equal = presentAt(left, i) && presentAt(b, i) && valuesEqual(type, valueOf(left, i), valueOf(b, i));
      pick[i] = equal ? 0 : 1;
    }
    return select(pick, a, null, n);
  },
};

function nullifComparison(args: readonly BoundExpr[], sql: string): DataType {
  const a = args[0]!.dataType;
  const b = args[1]!.dataType;
  const t = comparisonType(a, b);
  if (t === undefined) {
    throw new AnalysisError(`Cannot resolve '${sql}' due to data type mismatch: nullif compares values of incompatible types (${simpleString(a)} and ${simpleString(b)})`);
  }
  if (!comparable(t)) throw new AnalysisError(`Cannot resolve '${sql}' due to data type mismatch: nullif cannot compare values of type ${simpleString(t)}`);
  return t;
}

function comparable(t: DataType): boolean {
  if (t.kind === 'map') return false;
  if (t.kind === 'array') return comparable(t.elementType);
  if (t.kind === 'struct') return t.fields.every((f) => comparable(f.dataType));
  return true;
}

function presentAt(v: Vector, i: number): boolean {
  if (v.kind === 'obj') return v.values[i] !== null && v.values[i] !== undefined;
  return v.valid === null || v.valid[i] === 1;
}

function valueOf(v: Vector, i: number): unknown {
  return v.kind === 'bool' ? v.values[i] === 1 : v.values[i];
}

/** Row i from `a` where pick[i] is 1, else from `b` (null when b is null). */
function select(pick: Uint8Array, a: Vector, b: Vector | null, n: number): Vector {
  if (a.kind === 'obj') {
    const bv = b?.kind === 'obj' ? b.values : null;
    const out = new Array<unknown>(n);
    for (let i = 0; i < n; i++) out[i] = pick[i] === 1 ? a.values[i] ?? null : bv?.[i] ?? null;
    return { kind: 'obj', type: a.type, values: out };
  }
  const bFixed = b !== null && b.kind === a.kind ? b : null;
  const values = a.kind === 'num' ? new Float64Array(n) : new Uint8Array(n);
  let valid: Uint8Array | null = null;
  for (let i = 0; i < n; i++) {
    const src = pick[i] === 1 ? a : bFixed;
    if (src !== null && (src.valid === null || src.valid[i] === 1)) values[i] = src.values[i]!;
    else (valid ??= new Uint8Array(n).fill(1))[i] = 0;
  }
  return a.kind === 'num'
    ? { kind: 'num', type: a.type, values: values as Float64Array, valid }
    : { kind: 'bool', type: a.type, values: values as Uint8Array, valid };
}
