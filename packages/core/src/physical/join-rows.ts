import { encodeKey } from '../aggregate/group-table.ts';
import { ColumnBatch } from '../data/column-batch.ts';
import { valueAt, vectorFromValues, type BoolVector, type Vector } from '../data/vector.ts';
import type { BoundExpr } from '../expr/bound-expr.ts';
import { compileExpr, type Evaluator } from '../expr/compile-expression.ts';
import type { EvalContext } from '../expr/eval-context.ts';
import { BOOLEAN } from '../types/data-type.ts';
import type { StructType } from '../types/schema.ts';

/** A row's join key for a hash table, or `NO_MATCH` when a key part compared with `=` is null. */
export type KeyCode = unknown;
export const NO_MATCH: unique symbol = Symbol('no match');

/**
 * The hash key of every row: the value itself for one primitive key (numbers, strings, booleans; -0 is 0),
 * an encoded string otherwise. A null in a `=` key gives NO_MATCH (null never equals anything, as in SQL);
 * a null in a `<=>` key is an ordinary key value.
 */
export function keyCodes(keys: readonly Vector[], nullSafe: readonly boolean[], n: number): KeyCode[] {
  const out = new Array<KeyCode>(n);
  if (keys.length === 0) return out.fill('');
  const values = new Array<unknown>(keys.length);
  for (let i = 0; i < n; i++) {
    let code: KeyCode = undefined;
    for (let k = 0; k < keys.length; k++) {
      const v = valueAt(keys[k]!, i);
      if (v === null && !nullSafe[k]) { code = NO_MATCH; break; }
      values[k] = v;
    }
    if (code === NO_MATCH) { out[i] = NO_MATCH; continue; }
    if (keys.length === 1) {
      const v = values[0];
      out[i] = v === null || typeof v === 'string' || typeof v === 'boolean' ? v : typeof v === 'number' ? v + 0 : encodeKey(values);
    } else {
      out[i] = encodeKey(values);
    }
  }
  return out;
}

/** An AND of conjuncts compiled to a per-row pass mask (null counts as false); null when there are none. */
export function compileConjunction(conjuncts: readonly BoundExpr[]): ((b: ColumnBatch, ctx: EvalContext) => Uint8Array) | null {
  if (conjuncts.length === 0) return null;
  const cond = conjuncts.reduce((a, b): BoundExpr => ({ kind: 'binary', op: 'and', left: a, right: b, dataType: BOOLEAN, nullable: a.nullable || b.nullable }));
  const ev: Evaluator = compileExpr(cond);
  return (b, ctx) => {
    const v = ev(b, ctx) as BoolVector;
    const n = b.numRows;
    const mask = new Uint8Array(n);
    for (let i = 0; i < n; i++) mask[i] = v.values[i]! & (v.valid === null ? 1 : v.valid[i]!);
    return mask;
  };
}

/** Rows picked by index, where index -1 gives a null row (the missing side of an outer join). */
export function takeOrNull(v: Vector, idx: ArrayLike<number>, count: number): Vector {
  if (v.kind === 'obj') {
    const out = new Array<unknown>(count);
    for (let i = 0; i < count; i++) out[i] = idx[i]! < 0 ? null : (v.values[idx[i]!] ?? null);
    return { kind: 'obj', type: v.type, values: out };
  }
  const values = v.kind === 'num' ? new Float64Array(count) : new Uint8Array(count);
  let valid: Uint8Array | null = null;
  for (let i = 0; i < count; i++) {
    const j = idx[i]!;
    if (j >= 0 && (v.valid === null || v.valid[j] === 1)) {
      values[i] = v.values[j]!;
    } else {
      valid ??= new Uint8Array(count).fill(1);
      valid[i] = 0;
    }
  }
  return v.kind === 'num'
    ? { kind: 'num', type: v.type, values: values as Float64Array, valid }
    : { kind: 'bool', type: v.type, values: values as Uint8Array, valid };
}

/** Columns of rows kept as value arrays (join state), one vector per field; a null row gives nulls. */
export function rowsToColumns(schema: StructType, rows: readonly (readonly unknown[] | null)[]): Vector[] {
  return schema.fields.map((f, c) => vectorFromValues(f.dataType, rows.map((r) => (r === null ? null : r[c] ?? null))));
}

/** A batch of `left` columns followed by `right` columns. */
export function joinedBatch(schema: StructType, left: readonly Vector[], right: readonly Vector[], n: number): ColumnBatch {
  return new ColumnBatch(schema, [...left, ...right], n);
}
