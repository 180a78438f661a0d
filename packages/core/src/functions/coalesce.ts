import type { BoundExpr } from '../expr/bound-expr.ts';
import type { Vector } from '../data/vector.ts';
import { checkArity, commonArgType, NumBuilder } from './function-helpers.ts';
import type { ResolvedCall, ScalarFunction } from './scalar-function.ts';

/** The first non-null argument per row; the arguments are cast to their common type. */
function firstNonNull(name: string, min: number, max: number): ScalarFunction {
  return {
    name,
    resolve(args: readonly BoundExpr[], sql: string): ResolvedCall {
      checkArity(name, args, min, max, sql);
      const type = commonArgType(name, args, sql);
      return { dataType: type, nullable: args.every((a) => a.nullable), argTypes: args.map(() => type) };
    },
    evaluate(args, n) {
      return coalesceVectors(args, n);
    },
  };
}

export function coalesceVectors(args: readonly Vector[], n: number): Vector {
  const first = args[0]!;
  if (args.length === 1) return first;
  if (first.kind === 'obj') {
    const out = first.values.slice();
    for (let i = 0; i < n; i++) {
      if (out[i] !== null && out[i] !== undefined) continue;
      let v: unknown = null;
      for (let k = 1; k < args.length && v === null; k++) v = (args[k]!.values as readonly unknown[])[i] ?? null;
      out[i] = v;
    }
    return { kind: 'obj', type: first.type, values: out };
  }
  if (first.kind === 'num') {
    const out = new NumBuilder(n);
    const values = out.values;
    for (let i = 0; i < n; i++) {
      let k = 0;
      for (; k < args.length; k++) {
        const a = args[k]!;
        if (a.kind === 'num' && (a.valid === null || a.valid[i] === 1)) { values[i] = a.values[i]!; break; }
      }
      if (k === args.length) out.setNull(i);
    }
    return out.build(first.type);
  }
  const values = new Uint8Array(n);
  let valid: Uint8Array | null = null;
  for (let i = 0; i < n; i++) {
    let k = 0;
    for (; k < args.length; k++) {
      const a = args[k]!;
      if (a.kind === 'bool' && (a.valid === null || a.valid[i] === 1)) { values[i] = a.values[i]!; break; }
    }
    if (k === args.length) (valid ??= new Uint8Array(n).fill(1))[i] = 0;
  }
  return { kind: 'bool', type: first.type, values, valid };
}

export const coalesce = firstNonNull('coalesce', 1, Infinity);
/** `nvl(a, b)` / `ifnull(a, b)`: b when a is null. */
export const nvl = firstNonNull('nvl', 2, 2);
export const ifnull = firstNonNull('ifnull', 2, 2);
