import type { ColumnBatch } from '../data/column-batch.ts';
import {
  constantVector, type BoolVector, type NumVector, type ObjVector, type Vector, valueAt, vectorFromValues,
} from '../data/vector.ts';
import type { DataType } from '../types/data-type.ts';
import type { BinaryOp } from './expression.ts';
import type { BoundExpr } from './bound-expr.ts';
import { castVector } from './cast.ts';
import { compareValues, valuesEqual } from './compare-values.ts';
import type { EvalContext } from './eval-context.ts';
import { likeToRegExp } from './like-pattern.ts';
import { structFieldKernel } from './struct-field-kernel.ts';

/** A compiled expression: computes a whole output column for a batch. */
export type Evaluator = (batch: ColumnBatch, ctx: EvalContext) => Vector;

/**
 * Compiles a bound expression once per query into a tree of vectorised kernels. Each kernel is a tight
 * loop over typed arrays; user text (names, literals) is only ever data here, never program text.
 */
export function compileExpr(e: BoundExpr): Evaluator {
  switch (e.kind) {
    case 'ref': {
      const index = e.index;
      return (batch) => batch.column(index);
    }
    case 'literal': {
      const { value, dataType } = e;
      return (batch) => constantVector(dataType, value, batch.numRows);
    }
    case 'binary':
      return compileBinary(e.op, e.dataType, e.left, e.right);
    case 'unary': {
      const child = compileExpr(e.child);
      switch (e.op) {
        case 'not': return (b, c) => notKernel(child(b, c) as BoolVector);
        case 'negate': {
          const isInt = e.dataType.kind === 'int';
          return (b, c) => negateKernel(child(b, c) as NumVector, isInt);
        }
        case 'isNull': return (b, c) => nullTestKernel(child(b, c), true);
        case 'isNotNull': return (b, c) => nullTestKernel(child(b, c), false);
      }
      break;
    }
    case 'cast': {
      const child = compileExpr(e.child);
      const to = e.dataType;
      const general: Evaluator = (b, c) => castVector(child(b, c), to, c.timeZone);
      const folded = constantOf(e);
      if (!folded) return general;
      // A cast of a literal: cast once, then repeat the result (same values as casting the repeated literal).
      return (b, c) => {
        const k = folded(c.timeZone);
        return k ? constantVector(to, k.value, b.numRows) : general(b, c);
      };
    }
    case 'call': {
      const args = e.args.map(compileExpr);
      const fn = e.fn;
      const type = e.dataType;
      return (b, c) => fn.evaluate(args.map((a) => a(b, c)), b.numRows, c, type);
    }
    case 'caseWhen': {
      const conds = e.branches.map(([cond]) => compileExpr(cond));
      const vals = e.branches.map(([, v]) => compileExpr(v));
      const otherwise = e.otherwise ? compileExpr(e.otherwise) : null;
      const type = e.dataType;
      return (b, c) => {
        const n = b.numRows;
        const chosen = new Int32Array(n).fill(-1);
        for (let k = 0; k < conds.length; k++) {
          const cv = conds[k]!(b, c) as BoolVector;
          for (let i = 0; i < n; i++) {
            if (chosen[i] === -1 && cv.values[i] === 1 && (cv.valid === null || cv.valid[i] === 1)) chosen[i] = k;
          }
        }
        const branchVecs = vals.map((v) => v(b, c));
        const elseVec = otherwise ? otherwise(b, c) : null;
        const out = new Array<unknown>(n);
        for (let i = 0; i < n; i++) {
          const k = chosen[i]!;
          out[i] = k >= 0 ? valueAt(branchVecs[k]!, i) : elseVec ? valueAt(elseVec, i) : null;
        }
        return vectorFromValues(type, out);
      };
    }
    case 'in': {
      const child = compileExpr(e.child);
      const list = e.list.map(compileExpr);
      const type = e.child.dataType;
      return (b, c) => {
        const v = child(b, c);
        const items = list.map((l) => l(b, c));
        const n = b.numRows;
        const values = new Uint8Array(n);
        const valid = new Uint8Array(n);
        for (let i = 0; i < n; i++) {
          const x = valueAt(v, i);
          if (x === null) continue;
          let sawNull = false;
          let hit = false;
          for (const it of items) {
            const y = valueAt(it, i);
            if (y === null) sawNull = true;
            else if (valuesEqual(type, x, y)) { hit = true; break; }
          }
          if (hit) { values[i] = 1; valid[i] = 1; } else if (!sawNull) valid[i] = 1;
        }
        return { kind: 'bool', type: e.dataType, values, valid };
      };
    }
    case 'getField': {
      const child = compileExpr(e.child);
      const { ordinal, dataType } = e;
      return (b, c) => structFieldKernel(child(b, c) as ObjVector, ordinal, dataType);
    }
    case 'getItem': {
      const child = compileExpr(e.child);
      const key = compileExpr(e.key);
      const isMap = e.child.dataType.kind === 'map';
      const dataType = e.dataType;
      return (b, c) => {
        const v = child(b, c) as ObjVector;
        const k = key(b, c);
        const out = new Array<unknown>(v.values.length);
        for (let i = 0; i < out.length; i++) {
          const container = v.values[i];
          const kk = valueAt(k, i);
          if (container === null || container === undefined || kk === null) { out[i] = null; continue; }
          if (isMap) out[i] = (container as Map<unknown, unknown>).get(kk) ?? null;
          else {
            const arr = container as unknown[];
            const idx = kk as number;
            out[i] = idx >= 0 && idx < arr.length ? (arr[idx] ?? null) : null;
          }
        }
        return vectorFromValues(dataType, out);
      };
    }
  }
}

function mergeValid(a: Uint8Array | null, b: Uint8Array | null, n: number): Uint8Array | null {
  if (a === null) return b === null ? null : b.slice();
  if (b === null) return a.slice();
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = a[i]! & b[i]!;
  return out;
}

/** A constant's value, or null when it cannot be computed ahead (the general kernels then report the error per batch). */
type Folded = { readonly value: unknown } | null;

/**
 * The value of a literal, or of casts over one (the analyzer widens `value % 2` to `value % CAST(2 AS BIGINT)`),
 * computed once per session time zone; undefined for any other expression. Lets kernels take such an operand as
 * a scalar instead of materialising (and casting) a batch-long constant column for every batch.
 */
function constantOf(e: BoundExpr): ((timeZone: string) => Folded) | undefined {
  if (e.kind === 'literal') {
    const k = { value: e.value === undefined ? null : e.value };
    return () => k;
  }
  if (e.kind !== 'cast') return undefined;
  const inner = constantOf(e.child);
  if (!inner) return undefined;
  const from = e.child.dataType;
  const to = e.dataType;
  let zone: string | null = null;
  let cached: Folded = null;
  return (timeZone) => {
    if (zone !== timeZone) {
      const k = inner(timeZone);
      try {
        cached = k ? { value: valueAt(castVector(constantVector(from, k.value, 1), to, timeZone), 0) } : null;
      } catch {
        cached = null;
      }
      zone = timeZone;
    }
    return cached;
  };
}

/** A folded constant that is a non-null number, for the scalar kernels. */
function numericConstant(k: ((timeZone: string) => Folded) | undefined, timeZone: string): number | undefined {
  const v = k?.(timeZone)?.value;
  return typeof v === 'number' ? v : undefined;
}

function compileBinary(op: BinaryOp, type: DataType, leftExpr: BoundExpr, rightExpr: BoundExpr): Evaluator {
  const left = compileExpr(leftExpr);
  const right = compileExpr(rightExpr);
  const operandType = leftExpr.dataType;
  const leftConst = constantOf(leftExpr);
  const rightConst = constantOf(rightExpr);
  switch (op) {
    case '+': case '-': case '*': case '/': case '%': {
      const general: Evaluator = (b, c) => arithKernel(op, type, left(b, c) as NumVector, right(b, c) as NumVector);
      if (rightConst) {
        return (b, c) => {
          const s = numericConstant(rightConst, c.timeZone);
          // A zero divisor nulls every row: left to the general kernel.
          if (s === undefined || ((op === '/' || op === '%') && s === 0)) return general(b, c);
          return arithScalarKernel(op, type, left(b, c) as NumVector, s, false);
        };
      }
      if (leftConst && op !== '/' && op !== '%') {
        return (b, c) => {
          const s = numericConstant(leftConst, c.timeZone);
          if (s === undefined) return general(b, c);
          return arithScalarKernel(op, type, right(b, c) as NumVector, s, true);
        };
      }
      return general;
    }
    case '=': case '!=': case '<': case '<=': case '>': case '>=': {
      const general: Evaluator = (b, c) => compareKernel(op, type, left(b, c), right(b, c), operandType);
      const k = rightConst ?? leftConst;
      if (!k) return general;
      const scalarLeft = rightConst === undefined;
      return (b, c) => {
        const s = numericConstant(k, c.timeZone);
        if (s === undefined) {
          const t = operandType.kind === 'string' ? k(c.timeZone)?.value : undefined;
          if (typeof t !== 'string') return general(b, c);
          const v = scalarLeft ? right(b, c) : left(b, c);
          if (v.kind !== 'obj') return general(b, c);
          return compareStringScalarKernel(op, type, v, t, scalarLeft);
        }
        const v = scalarLeft ? right(b, c) : left(b, c);
        if (v.kind !== 'num') return scalarLeft ? compareKernel(op, type, left(b, c), v, operandType) : compareKernel(op, type, v, right(b, c), operandType);
        return compareScalarKernel(op, type, v, s, scalarLeft);
      };
    }
    case '<=>':
      return (b, c) => nullSafeEqualKernel(type, left(b, c), right(b, c), operandType);
    case 'and': case 'or':
      return (b, c) => logicKernel(op, type, left(b, c) as BoolVector, right(b, c) as BoolVector);
    case 'like': case 'rlike':
      return (b, c) => matchKernel(op, type, left(b, c) as ObjVector, right(b, c) as ObjVector);
    case '||':
      return (b, c) => concatKernel(type, left(b, c) as ObjVector, right(b, c) as ObjVector);
  }
}

/**
 * `v op s` (or `s op v` when `scalarLeft`) with a non-null numeric constant, same results as arithKernel over a
 * constant column. Callers rule out a zero divisor and a constant dividend.
 */
function arithScalarKernel(op: BinaryOp, type: DataType, a: NumVector, s: number, scalarLeft: boolean): NumVector {
  const n = a.values.length;
  const av = a.values;
  const out = new Float64Array(n);
  switch (op) {
    case '+':
      if (scalarLeft) for (let i = 0; i < n; i++) out[i] = s + av[i]!;
      else for (let i = 0; i < n; i++) out[i] = av[i]! + s;
      break;
    case '-':
      if (scalarLeft) for (let i = 0; i < n; i++) out[i] = s - av[i]!;
      else for (let i = 0; i < n; i++) out[i] = av[i]! - s;
      break;
    case '*':
      if (scalarLeft) for (let i = 0; i < n; i++) out[i] = s * av[i]!;
      else for (let i = 0; i < n; i++) out[i] = av[i]! * s;
      break;
    case '/': for (let i = 0; i < n; i++) out[i] = av[i]! / s; break;
    case '%':
      if (Number.isInteger(s) && s > 0 && s <= 2 ** 31) positiveModulo(av, s, out);
      else for (let i = 0; i < n; i++) out[i] = av[i]! % s;
      break;
    default: break;
  }
  if (type.kind === 'int') for (let i = 0; i < n; i++) out[i] = out[i]! | 0;
  else if (type.kind === 'long' && op === '/') for (let i = 0; i < n; i++) out[i] = Math.trunc(out[i]!);
  // Validity is the column's own (shared: vectors are immutable).
  return { kind: 'num', type, values: out, valid: a.valid };
}

/**
 * `out[i] = av[i] % s` for an integer 0 < s <= 2^31, without V8's slow floating-point modulo (a C call per
 * value) wherever it gives the same answer: for an integer 0 < x <= 2^52, q = trunc(x / s) is the true quotient
 * or one more, q * s and x - q * s are exact, and one correction gives x mod s. Other values (negative, -0,
 * fractional, huge, NaN) use `%` itself.
 */
function positiveModulo(av: Float64Array, s: number, out: Float64Array): void {
  const n = av.length;
  for (let i = 0; i < n; i++) {
    const x = av[i]!;
    if (x > 0 && x <= 4503599627370496 && Math.trunc(x) === x) {
      const r = x - Math.trunc(x / s) * s;
      out[i] = r < 0 ? r + s : r;
    } else out[i] = x % s;
  }
}

/** `v op s` (or `s op v`) with a non-null numeric constant: compareKernel's numeric loop without the constant column. */
function compareScalarKernel(op: BinaryOp, type: DataType, a: NumVector, s: number, scalarLeft: boolean): BoolVector {
  const n = a.values.length;
  const av = a.values;
  const out = new Uint8Array(n);
  // `s < v` is `v > s`: flip the comparison when the constant is on the left.
  const o = !scalarLeft ? op : op === '<' ? '>' : op === '<=' ? '>=' : op === '>' ? '<' : op === '>=' ? '<=' : op;
  switch (o) {
    case '=': for (let i = 0; i < n; i++) out[i] = av[i] === s ? 1 : 0; break;
    case '!=': for (let i = 0; i < n; i++) out[i] = av[i] !== s ? 1 : 0; break;
    case '<': for (let i = 0; i < n; i++) out[i] = av[i]! < s ? 1 : 0; break;
    case '<=': for (let i = 0; i < n; i++) out[i] = av[i]! <= s ? 1 : 0; break;
    case '>': for (let i = 0; i < n; i++) out[i] = av[i]! > s ? 1 : 0; break;
    case '>=': for (let i = 0; i < n; i++) out[i] = av[i]! >= s ? 1 : 0; break;
    default: break;
  }
  return { kind: 'bool', type, values: out, valid: a.valid };
}

/** `v op s` (or `s op v`) for strings and a non-null string constant: compareKernel's results without the constant column. */
function compareStringScalarKernel(op: BinaryOp, type: DataType, a: ObjVector, s: string, scalarLeft: boolean): BoolVector {
  const av = a.values;
  const n = av.length;
  const out = new Uint8Array(n);
  let valid: Uint8Array | null = null;
  const o = !scalarLeft ? op : op === '<' ? '>' : op === '<=' ? '>=' : op === '>' ? '<' : op === '>=' ? '<=' : op;
  for (let i = 0; i < n; i++) {
    const x = av[i];
    if (typeof x !== 'string') {
      (valid ??= new Uint8Array(n).fill(1))[i] = 0;
      continue;
    }
    if (o === '=') out[i] = x === s ? 1 : 0;
    else if (o === '!=') out[i] = x !== s ? 1 : 0;
    else out[i] = (o === '<' ? x < s : o === '<=' ? x <= s : o === '>' ? x > s : x >= s) ? 1 : 0;
  }
  return { kind: 'bool', type, values: out, valid };
}

function arithKernel(op: BinaryOp, type: DataType, a: NumVector, b: NumVector): NumVector {
  const n = a.values.length;
  const av = a.values;
  const bv = b.values;
  const out = new Float64Array(n);
  let valid = mergeValid(a.valid, b.valid, n);
  switch (op) {
    case '+': for (let i = 0; i < n; i++) out[i] = av[i]! + bv[i]!; break;
    case '-': for (let i = 0; i < n; i++) out[i] = av[i]! - bv[i]!; break;
    case '*': for (let i = 0; i < n; i++) out[i] = av[i]! * bv[i]!; break;
    case '/': case '%': {
      // Division by zero gives null (Spark without ANSI mode).
      for (let i = 0; i < n; i++) {
        const d = bv[i]!;
        if (d === 0) {
          valid ??= new Uint8Array(n).fill(1);
          valid[i] = 0;
        } else out[i] = op === '/' ? av[i]! / d : av[i]! % d;
      }
      break;
    }
    default: break;
  }
  if (type.kind === 'int') for (let i = 0; i < n; i++) out[i] = out[i]! | 0;
  else if (type.kind === 'long' && op === '/') for (let i = 0; i < n; i++) out[i] = Math.trunc(out[i]!);
  return { kind: 'num', type, values: out, valid };
}

function compareKernel(op: BinaryOp, type: DataType, a: Vector, b: Vector, operandType: DataType): BoolVector {
  const n = a.values.length;
  const out = new Uint8Array(n);
  if (a.kind === 'num' && b.kind === 'num') {
    const av = a.values;
    const bv = b.values;
    switch (op) {
      case '=': for (let i = 0; i < n; i++) out[i] = av[i] === bv[i] ? 1 : 0; break;
      case '!=': for (let i = 0; i < n; i++) out[i] = av[i] !== bv[i] ? 1 : 0; break;
      case '<': for (let i = 0; i < n; i++) out[i] = av[i]! < bv[i]! ? 1 : 0; break;
      case '<=': for (let i = 0; i < n; i++) out[i] = av[i]! <= bv[i]! ? 1 : 0; break;
      case '>': for (let i = 0; i < n; i++) out[i] = av[i]! > bv[i]! ? 1 : 0; break;
      case '>=': for (let i = 0; i < n; i++) out[i] = av[i]! >= bv[i]! ? 1 : 0; break;
      default: break;
    }
    return { kind: 'bool', type, values: out, valid: mergeValid(a.valid, b.valid, n) };
  }
  const valid = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const x = valueAt(a, i);
    const y = valueAt(b, i);
    if (x === null || y === null) continue;
    valid[i] = 1;
    const c = op === '=' || op === '!=' ? (valuesEqual(operandType, x, y) ? 0 : 1) : compareValues(operandType, x, y);
    out[i] = (op === '=' ? c === 0 : op === '!=' ? c !== 0 : op === '<' ? c < 0 : op === '<=' ? c <= 0 : op === '>' ? c > 0 : c >= 0) ? 1 : 0;
  }
  return { kind: 'bool', type, values: out, valid };
}

function nullSafeEqualKernel(type: DataType, a: Vector, b: Vector, operandType: DataType): BoolVector {
  const n = a.values.length;
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const x = valueAt(a, i);
    const y = valueAt(b, i);
    out[i] = (x === null || y === null ? x === y : valuesEqual(operandType, x, y)) ? 1 : 0;
  }
  return { kind: 'bool', type, values: out, valid: null };
}

/** Three-valued AND/OR: false AND null = false, true OR null = true, otherwise null propagates. */
function logicKernel(op: 'and' | 'or', type: DataType, a: BoolVector, b: BoolVector): BoolVector {
  const n = a.values.length;
  const av = a.values;
  const bv = b.values;
  const out = new Uint8Array(n);
  if (a.valid === null && b.valid === null) {
    if (op === 'and') for (let i = 0; i < n; i++) out[i] = av[i]! & bv[i]!;
    else for (let i = 0; i < n; i++) out[i] = av[i]! | bv[i]!;
    return { kind: 'bool', type, values: out, valid: null };
  }
  const valid = new Uint8Array(n);
  const dominant = op === 'and' ? 0 : 1;
  for (let i = 0; i < n; i++) {
    const aok = a.valid === null || a.valid[i] === 1;
    const bok = b.valid === null || b.valid[i] === 1;
    if (aok && bok) { out[i] = op === 'and' ? av[i]! & bv[i]! : av[i]! | bv[i]!; valid[i] = 1; }
    else if ((aok && av[i] === dominant) || (bok && bv[i] === dominant)) { out[i] = dominant; valid[i] = 1; }
  }
  return { kind: 'bool', type, values: out, valid };
}

function notKernel(a: BoolVector): BoolVector {
  const n = a.values.length;
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = a.values[i]! ^ 1;
  return { kind: 'bool', type: a.type, values: out, valid: a.valid };
}

function negateKernel(a: NumVector, isInt: boolean): NumVector {
  const n = a.values.length;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = isInt ? -a.values[i]! | 0 : -a.values[i]!;
  return { kind: 'num', type: a.type, values: out, valid: a.valid };
}

function nullTestKernel(v: Vector, wantNull: boolean): BoolVector {
  const n = v.values.length;
  const out = new Uint8Array(n);
  if (v.kind === 'obj') {
    for (let i = 0; i < n; i++) out[i] = ((v.values[i] === null || v.values[i] === undefined) === wantNull) ? 1 : 0;
  } else if (v.valid === null) {
    out.fill(wantNull ? 0 : 1);
  } else {
    for (let i = 0; i < n; i++) out[i] = (v.valid[i] === 0) === wantNull ? 1 : 0;
  }
  return { kind: 'bool', type: { kind: 'boolean' }, values: out, valid: null };
}

function matchKernel(op: 'like' | 'rlike', type: DataType, a: ObjVector, p: ObjVector): BoolVector {
  const n = a.values.length;
  const out = new Uint8Array(n);
  const valid = new Uint8Array(n);
  let lastPattern: string | null = null;
  let re: RegExp | null = null;
  for (let i = 0; i < n; i++) {
    const s = a.values[i];
    const pat = p.values[i];
    if (typeof s !== 'string' || typeof pat !== 'string') continue;
    if (pat !== lastPattern) {
      re = op === 'like' ? likeToRegExp(pat) : new RegExp(pat, 'u');
      lastPattern = pat;
    }
    valid[i] = 1;
    out[i] = re!.test(s) ? 1 : 0;
  }
  return { kind: 'bool', type, values: out, valid };
}

function concatKernel(type: DataType, a: ObjVector, b: ObjVector): ObjVector {
  const n = a.values.length;
  const out = new Array<unknown>(n);
  for (let i = 0; i < n; i++) {
    const x = a.values[i];
    const y = b.values[i];
    out[i] = x === null || x === undefined || y === null || y === undefined ? null : (x as string) + (y as string);
  }
  return { kind: 'obj', type, values: out };
}
