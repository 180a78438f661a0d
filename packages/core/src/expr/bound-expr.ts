import type { DataType } from '../types/data-type.ts';
import type { BinaryOp, UnaryOp } from './expression.ts';
import type { ScalarFunction } from '../functions/scalar-function.ts';

/**
 * An expression resolved against an input schema: column references are indices, every node has its type.
 * Produced by analyzer/resolve-expression.ts, compiled to vectorised kernels by expr/compile-expression.ts.
 */
export type BoundExpr =
  | { readonly kind: 'ref'; readonly index: number; readonly name: string; readonly dataType: DataType; readonly nullable: boolean }
  | { readonly kind: 'literal'; readonly value: unknown; readonly dataType: DataType; readonly nullable: boolean }
  | { readonly kind: 'binary'; readonly op: BinaryOp; readonly left: BoundExpr; readonly right: BoundExpr; readonly dataType: DataType; readonly nullable: boolean }
  | { readonly kind: 'unary'; readonly op: UnaryOp; readonly child: BoundExpr; readonly dataType: DataType; readonly nullable: boolean }
  | { readonly kind: 'cast'; readonly child: BoundExpr; readonly dataType: DataType; readonly nullable: boolean }
  | { readonly kind: 'call'; readonly fn: ScalarFunction; readonly args: readonly BoundExpr[]; readonly dataType: DataType; readonly nullable: boolean; readonly sql: string }
  | { readonly kind: 'caseWhen'; readonly branches: readonly (readonly [BoundExpr, BoundExpr])[]; readonly otherwise: BoundExpr | null; readonly dataType: DataType; readonly nullable: boolean }
  | { readonly kind: 'in'; readonly child: BoundExpr; readonly list: readonly BoundExpr[]; readonly dataType: DataType; readonly nullable: boolean }
  /** Struct field by position. */
  | { readonly kind: 'getField'; readonly child: BoundExpr; readonly ordinal: number; readonly dataType: DataType; readonly nullable: boolean }
  /** Array element by 0-based index or map value by key. */
  | { readonly kind: 'getItem'; readonly child: BoundExpr; readonly key: BoundExpr; readonly dataType: DataType; readonly nullable: boolean };

/** A projection item: an expression and the column name it produces. */
export interface NamedExpr {
  readonly expr: BoundExpr;
  readonly name: string;
}

export function boundChildren(e: BoundExpr): readonly BoundExpr[] {
  switch (e.kind) {
    case 'ref': case 'literal': return [];
    case 'binary': return [e.left, e.right];
    case 'unary': case 'cast': case 'getField': return [e.child];
    case 'call': return e.args;
    case 'caseWhen': return [...e.branches.flatMap(([c, v]) => [c, v]), ...(e.otherwise ? [e.otherwise] : [])];
    case 'in': return [e.child, ...e.list];
    case 'getItem': return [e.child, e.key];
  }
}

/** Column indices an expression reads. */
export function referencedColumns(e: BoundExpr, out: Set<number> = new Set()): Set<number> {
  if (e.kind === 'ref') out.add(e.index);
  for (const c of boundChildren(e)) referencedColumns(c, out);
  return out;
}
