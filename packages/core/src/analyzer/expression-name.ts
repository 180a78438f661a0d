import type { BoundExpr } from '../expr/bound-expr.ts';
import { exprToString, type ColumnExpr, type Expr, type ExprNaming } from '../expr/expression.ts';
import type { StructType } from '../types/schema.ts';
import { AnalysisError } from './analysis-error.ts';
import { resolveExpr } from './resolve-expression.ts';

/**
 * Names as Spark prints them over an input schema. Inside an expression a column reference loses its
 * qualifier but keeps its nested path as written (`upper(t.info.zip)` is `upper(info.zip)`), and a map
 * value reads `m[k]` where a struct field reads `s.f` (`scores.math` is `scores[math]`).
 */
export function namingOver(schema: StructType): ExprNaming {
  return {
    columnText: (e) => columnText(e, schema),
    isMap: (e) => typeOver(e, schema)?.kind === 'map',
  };
}

/**
 * The name of an unaliased select item over `schema`: a column reference is named by its last part
 * (`info.zip` is `zip`, `t.name` is `name`), anything else by its text (`upper(info.zip)`, `info['zip']` is `info.zip`).
 */
export function itemNameOver(e: Expr, schema: StructType): string {
  if (e.kind === 'alias') return e.name;
  if (e.kind === 'column') {
    const parts = partsOf(e);
    return parts[parts.length - 1]!;
  }
  return exprToString(e, namingOver(schema));
}

function partsOf(e: ColumnExpr): readonly string[] {
  return e.nameParts ?? e.name.split('.');
}

function columnText(e: ColumnExpr, schema: StructType): string | undefined {
  const bound = tryResolve(e, schema);
  if (bound === undefined) return undefined;
  const parts = partsOf(e);
  // The struct fields and map keys after the column, outermost last.
  const path: BoundExpr[] = [];
  let b = bound;
  while (b.kind === 'getField' || b.kind === 'getItem') {
    path.unshift(b);
    b = b.child;
  }
  if (b.kind !== 'ref' || parts.length <= path.length) return undefined;
  if (path.length === 0) {
    // A column whose own name has dots, or a column after a qualifier.
    const whole = parts.join('.');
    return parts.length > 1 && b.name.toLowerCase() === whole.toLowerCase() ? whole : parts[parts.length - 1];
  }
  const first = parts.length - path.length;
  let text = parts[first - 1]!;
  path.forEach((step, k) => {
    const part = parts[first + k]!;
    text += step.kind === 'getItem' ? `[${part}]` : `.${part}`;
  });
  return text;
}

function typeOver(e: Expr, schema: StructType): BoundExpr['dataType'] | undefined {
  return tryResolve(e, schema)?.dataType;
}

function tryResolve(e: Expr, schema: StructType): BoundExpr | undefined {
  try {
    return resolveExpr(e, schema);
  } catch (err) {
    // Naming never fails: what does not resolve here is reported where it is resolved for real.
    if (err instanceof AnalysisError) return undefined;
    throw err;
  }
}
