// Small constructors for expected `Expr` trees, so the tables below read like the SQL they test.
import type { BinaryOp, Expr, GeneratorFn } from '../../src/expr/expression.ts';
import type { DataType } from '../../src/types/data-type.ts';

export const col = (...parts: string[]): Expr => ({ kind: 'column', name: parts.join('.'), nameParts: parts });
export const lit = (value: unknown, dataType: DataType): Expr => ({ kind: 'literal', value, dataType });
export const int = (v: number): Expr => lit(v, { kind: 'int' });
export const long = (v: number): Expr => lit(v, { kind: 'long' });
export const dbl = (v: number): Expr => lit(v, { kind: 'double' });
export const str = (v: string): Expr => lit(v, { kind: 'string' });
export const bool = (v: boolean): Expr => lit(v, { kind: 'boolean' });
export const nul: Expr = lit(null, { kind: 'null' });
export const interval = (months: number, micros: number): Expr => lit({ months, micros }, { kind: 'interval' });
export const bin = (op: BinaryOp, left: Expr, right: Expr): Expr => ({ kind: 'binary', op, left, right });
export const not = (child: Expr): Expr => ({ kind: 'unary', op: 'not', child });
export const neg = (child: Expr): Expr => ({ kind: 'unary', op: 'negate', child });
export const isNull = (child: Expr): Expr => ({ kind: 'unary', op: 'isNull', child });
export const isNotNull = (child: Expr): Expr => ({ kind: 'unary', op: 'isNotNull', child });
export const call = (name: string, ...args: Expr[]): Expr => ({ kind: 'call', name, args });
export const agg = (fn: string, args: Expr[], distinct = false): Expr => ({ kind: 'aggregate', fn, args, distinct });
export const gen = (fn: GeneratorFn, child: Expr): Expr => ({ kind: 'generator', fn, child });
export const extract = (child: Expr, key: Expr): Expr => ({ kind: 'extract', child, key });
export const cast = (child: Expr, to: DataType): Expr => ({ kind: 'cast', child, to });
export const alias = (child: Expr, name: string): Expr => ({ kind: 'alias', child, name });
export const inList = (child: Expr, ...list: Expr[]): Expr => ({ kind: 'in', child, list });
export const caseWhen = (branches: [Expr, Expr][], otherwise: Expr | null): Expr => ({ kind: 'caseWhen', branches, otherwise });
