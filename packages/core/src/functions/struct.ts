import { AnalysisError } from '../analyzer/analysis-error.ts';
import type { BoundExpr } from '../expr/bound-expr.ts';
import { valueAt, type Vector } from '../data/vector.ts';
import type { StructField } from '../types/data-type.ts';
import { literalArg } from './function-helpers.ts';
import type { ScalarFunction } from './scalar-function.ts';

/**
 * `struct(a, b, ...)`: a struct per row. As Spark, a field is named after its column (`struct(a, b.c)` is
 * `struct<a, c>`); any other expression gives `col<n>`. `(a, b)` in SQL is the same call.
 */
export const struct: ScalarFunction = {
  name: 'struct',
  resolve(args) {
    const fields: StructField[] = args.map((a, i) => ({ name: fieldName(a) ?? `col${i + 1}`, dataType: a.dataType, nullable: a.nullable }));
    return { dataType: { kind: 'struct', fields }, nullable: false };
  },
  evaluate(args, n, _ctx, type) {
    return { kind: 'obj', type, values: rowsOf(args, n) };
  },
};

/** `named_struct(name1, value1, ...)`: a struct with the given (literal) field names. */
export const named_struct: ScalarFunction = {
  name: 'named_struct',
  resolve(args, sql) {
    if (args.length === 0 || args.length % 2 !== 0) {
      throw new AnalysisError(`Cannot resolve '${sql}' due to data type mismatch: named_struct expects an even number of arguments (name, value pairs), but got ${args.length}`);
    }
    const fields: StructField[] = [];
    for (let i = 0; i < args.length; i += 2) {
      const name = literalArg('named_struct', args, i, sql);
      if (typeof name !== 'string') throw new AnalysisError(`Cannot resolve '${sql}' due to data type mismatch: only foldable string expressions are allowed to appear at odd position`);
      const v = args[i + 1]!;
      fields.push({ name, dataType: v.dataType, nullable: v.nullable });
    }
    return { dataType: { kind: 'struct', fields }, nullable: false };
  },
  evaluate(args, n, _ctx, type) {
    return { kind: 'obj', type, values: rowsOf(args.filter((_, i) => i % 2 === 1), n) };
  },
};

function fieldName(a: BoundExpr): string | undefined {
  if (a.kind === 'ref') return a.name;
  if (a.kind === 'getField' && a.child.dataType.kind === 'struct') return a.child.dataType.fields[a.ordinal]?.name;
  return undefined;
}

function rowsOf(args: readonly Vector[], n: number): unknown[] {
  const out = new Array<unknown>(n);
  const k = args.length;
  for (let i = 0; i < n; i++) {
    const row = new Array<unknown>(k);
    for (let j = 0; j < k; j++) row[j] = valueAt(args[j]!, i);
    out[i] = row;
  }
  return out;
}
