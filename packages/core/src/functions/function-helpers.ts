import { AnalysisError } from '../analyzer/analysis-error.ts';
import type { BoundExpr } from '../expr/bound-expr.ts';
import type { BoolVector, NumVector, ObjVector, Vector } from '../data/vector.ts';
import type { DataType } from '../types/data-type.ts';
import { canCast } from '../expr/cast.ts';
import { STRING, isNumeric, sameType, simpleString, widerNumeric } from '../types/data-type.ts';

/** Fails unless the call has between min and max arguments. */
export function checkArity(name: string, args: readonly BoundExpr[], min: number, max: number, sql: string): void {
  if (args.length < min || args.length > max) {
    const want = min === max ? `${min}` : max === Infinity ? `at least ${min}` : `${min} to ${max}`;
    throw new AnalysisError(`Function ${name} takes ${want} argument${want === '1' || want === 'at least 1' ? '' : 's'}, but ${args.length} were given in '${sql}'`);
  }
}

/** The type an argument is implicitly cast to, or an error naming the function, the types and the call. */
export function expectArg(name: string, args: readonly BoundExpr[], i: number, want: DataType, sql: string): DataType {
  const got = args[i]!.dataType;
  if (got.kind === want.kind || got.kind === 'null') return want;
  // Only atomic values are cast to string implicitly (as Spark); arrays, maps and structs are errors.
  if (want.kind === 'string' && got.kind !== 'binary' && got.kind !== 'array' && got.kind !== 'map' && got.kind !== 'struct' && canCast(got, want)) return want;
  if ((want.kind === 'int' || want.kind === 'long' || want.kind === 'double') &&
      (got.kind === 'int' || got.kind === 'long' || got.kind === 'double' || got.kind === 'string')) return want;
  throw argTypeError(name, i, simpleString(want), got, sql);
}

/** The error for an argument of the wrong type; `want` is a type or a phrase such as `array or map`. */
export function argTypeError(name: string, i: number, want: string, got: DataType, sql: string): AnalysisError {
  return new AnalysisError(
    `Cannot resolve '${sql}' due to data type mismatch: argument ${i + 1} of ${name} requires ${want}, but got ${simpleString(got)}`,
  );
}

/** A numeric argument: int, long and double stay as they are; strings are read as doubles (Spark's implicit cast). */
export function expectNumericArg(name: string, args: readonly BoundExpr[], i: number, sql: string): DataType {
  const got = args[i]!.dataType;
  if (isNumeric(got)) return got;
  if (got.kind === 'null' || got.kind === 'string') return { kind: 'double' };
  throw argTypeError(name, i, 'numeric', got, sql);
}

/** The value of an argument that must be a constant (a pattern, a format, a schema), or an error. */
export function literalArg(name: string, args: readonly BoundExpr[], i: number, sql: string): unknown {
  const a = args[i]!;
  if (a.kind !== 'literal') throw new AnalysisError(`Cannot resolve '${sql}': argument ${i + 1} of ${name} must be a constant literal`);
  return a.value;
}

/**
 * The type values of several types can share (coalesce, greatest, array elements), as Spark's
 * `findWiderTypeForTwo` without decimals: numbers widen, strings absorb scalars, date widens to timestamp.
 */
export function commonArgType(name: string, args: readonly BoundExpr[], sql: string): DataType {
  let acc: DataType = { kind: 'null' };
  for (const a of args) {
    const t = a.dataType;
    const wider = widerType(acc, t);
    if (!wider) {
      throw new AnalysisError(
        `Cannot resolve '${sql}' due to data type mismatch: input to function ${name} should all be the same type, but it's [${args.map((x) => simpleString(x.dataType)).join(', ')}]`,
      );
    }
    acc = wider;
  }
  return acc;
}

export function widerType(a: DataType, b: DataType): DataType | undefined {
  if (a.kind === 'null') return b;
  if (b.kind === 'null' || sameType(a, b)) return a;
  const wide = widerNumeric(a, b);
  if (wide) return wide;
  const pair = (x: string, y: string): boolean => (a.kind === x && b.kind === y) || (a.kind === y && b.kind === x);
  if (pair('date', 'timestamp')) return { kind: 'timestamp' };
  if (a.kind === 'array' && b.kind === 'array') {
    const el = widerType(a.elementType, b.elementType);
    return el ? { kind: 'array', elementType: el, containsNull: a.containsNull || b.containsNull } : undefined;
  }
  const scalar = (t: DataType): boolean => t.kind !== 'array' && t.kind !== 'map' && t.kind !== 'struct' && t.kind !== 'binary';
  if ((a.kind === 'string' && scalar(b)) || (b.kind === 'string' && scalar(a))) return STRING;
  return undefined;
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

/** Output of a numeric kernel: values plus a validity array created on the first null. */
export class NumBuilder {
  readonly values: Float64Array;
  private valid: Uint8Array | null = null;

  constructor(private readonly n: number) {
    this.values = new Float64Array(n);
  }

  setNull(i: number): void {
    (this.valid ??= new Uint8Array(this.n).fill(1))[i] = 0;
  }

  build(type: DataType): NumVector {
    return { kind: 'num', type, values: this.values, valid: this.valid };
  }
}

/** Whether row i of a numeric or boolean vector is null. */
export function nullAt(v: NumVector | BoolVector, i: number): boolean {
  return v.valid !== null && v.valid[i] === 0;
}
