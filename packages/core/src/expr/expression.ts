import type { DataType } from '../types/data-type.ts';
import { intervalToString, type IntervalValue } from '../types/interval.ts';
import { javaDoubleToString } from '../display/java-double.ts';
import { callText } from './call-text.ts';

/**
 * @internal
 * The unresolved expression tree built by the Column API and the SQL expression parser.
 * Resolution against a schema (analyzer/resolve-expression.ts) turns it into a `BoundExpr`.
 * Every consumer switches over `kind` exhaustively, so a new kind fails to compile until it is handled.
 */
export type Expr =
  /** A column by name: `a`, `a.b.c` (nested field), `t.a` (qualified); resolved case-insensitively. */
  | { readonly kind: 'column'; readonly name: string; readonly nameParts?: readonly string[] }
  /** `*` or `t.*`. */
  | { readonly kind: 'star'; readonly qualifier?: string }
  /** A constant in the engine's internal representation (see data/vector.ts). */
  | { readonly kind: 'literal'; readonly value: unknown; readonly dataType: DataType }
  | { readonly kind: 'alias'; readonly child: Expr; readonly name: string }
  | { readonly kind: 'binary'; readonly op: BinaryOp; readonly left: Expr; readonly right: Expr }
  | { readonly kind: 'unary'; readonly op: UnaryOp; readonly child: Expr }
  | { readonly kind: 'cast'; readonly child: Expr; readonly to: DataType }
  /** A scalar function call resolved by name in the function registry (functions/registry.ts). */
  | { readonly kind: 'call'; readonly name: string; readonly args: readonly Expr[] }
  /** An aggregate function call; `count(*)` is `{ fn: 'count', args: [], star: true }`. */
  | { readonly kind: 'aggregate'; readonly fn: string; readonly args: readonly Expr[]; readonly distinct: boolean; readonly star?: boolean }
  /** A generator: `explode(x)`; only valid as a top-level projection item. */
  | { readonly kind: 'generator'; readonly fn: GeneratorFn; readonly child: Expr }
  | { readonly kind: 'caseWhen'; readonly branches: readonly (readonly [Expr, Expr])[]; readonly otherwise: Expr | null }
  /** `x IN (a, b, c)`. */
  | { readonly kind: 'in'; readonly child: Expr; readonly list: readonly Expr[] }
  /** Struct field by name (`getField`), array element by index or map value by key (`getItem`, `arr[0]`). */
  | { readonly kind: 'extract'; readonly child: Expr; readonly key: Expr }
  | { readonly kind: 'sortOrder'; readonly child: Expr; readonly ascending: boolean; readonly nullsFirst: boolean };

export type ExprKind = Expr['kind'];

export type BinaryOp =
  | '+' | '-' | '*' | '/' | '%'
  | '=' | '!=' | '<' | '<=' | '>' | '>=' | '<=>'
  | 'and' | 'or'
  | 'like' | 'rlike'
  | '||';

export type UnaryOp = 'not' | 'negate' | 'isNull' | 'isNotNull';

export type GeneratorFn = 'explode' | 'explode_outer' | 'posexplode' | 'posexplode_outer';

/** A column reference (the `column` variant of Expr). */
export type ColumnExpr = Extract<Expr, { kind: 'column' }>;

/**
 * What naming needs from the input schema (analyzer/expression-name.ts): how Spark prints a column
 * reference inside an expression (`t.info.zip` is `info.zip`, `scores.math` on a map is `scores[math]`), and
 * whether a value is a map (`m['k']` is `m[k]`, a struct's `s['f']` is `s.f`).
 */
export interface ExprNaming {
  /** The text of a column reference inside an expression; undefined when it does not resolve. */
  columnText(e: ColumnExpr): string | undefined;
  /** Whether the value of `e` is a map. */
  isMap(e: Expr): boolean;
}

/**
 * The column name Spark gives an expression without an alias (`(a + 1)`, `lower(word)`, `count(1)`).
 * Without `naming` (no schema at hand) a column reads as written and a string key as a struct field.
 */
export function exprToString(e: Expr, naming?: ExprNaming): string {
  const str = (x: Expr): string => exprToString(x, naming);
  switch (e.kind) {
    case 'column': return naming?.columnText(e) ?? e.name;
    case 'star': return e.qualifier ? `${e.qualifier}.*` : '*';
    case 'literal': return literalToString(e.value, e.dataType);
    case 'alias': return e.name;
    case 'binary': {
      // Spark's parser turns `a || b` into concat(a, b).
      if (e.op === '||') return `concat(${str(e.left)}, ${str(e.right)})`;
      const op = e.op === 'and' ? 'AND' : e.op === 'or' ? 'OR' : e.op === 'like' ? 'LIKE' : e.op === 'rlike' ? 'RLIKE' : e.op;
      return `(${str(e.left)} ${op} ${str(e.right)})`;
    }
    case 'unary':
      switch (e.op) {
        case 'not': return `(NOT ${str(e.child)})`;
        case 'negate': return `(- ${str(e.child)})`;
        case 'isNull': return `(${str(e.child)} IS NULL)`;
        case 'isNotNull': return `(${str(e.child)} IS NOT NULL)`;
      }
      break;
    case 'cast': return `CAST(${str(e.child)} AS ${castTypeName(e.to)})`;
    case 'call': return callText(e.name, e.args.map(str));
    case 'aggregate':
      return `${e.fn}(${e.distinct ? 'DISTINCT ' : ''}${e.star ? '1' : e.args.map(str).join(', ')})`;
    case 'generator': return `${e.fn}(${str(e.child)})`;
    case 'caseWhen':
      return `CASE ${e.branches.map(([c, v]) => `WHEN ${str(c)} THEN ${str(v)}`).join(' ')}${e.otherwise ? ` ELSE ${str(e.otherwise)}` : ''} END`;
    case 'in': return `(${str(e.child)} IN (${e.list.map(str).join(', ')}))`;
    case 'extract':
      // A struct field prints as `s.f`; an array element or a map value (even by a string key) as `x[k]`.
      return e.key.kind === 'literal' && typeof e.key.value === 'string' && !(naming?.isMap(e.child) ?? false)
        ? `${str(e.child)}.${e.key.value}`
        : `${str(e.child)}[${str(e.key)}]`;
    case 'sortOrder': return `${str(e.child)} ${e.ascending ? 'ASC' : 'DESC'} NULLS ${e.nullsFirst ? 'FIRST' : 'LAST'}`;
  }
}

function castTypeName(t: DataType): string {
  return t.kind === 'long' ? 'BIGINT' : t.kind === 'int' ? 'INT' : t.kind.toUpperCase();
}

function literalToString(v: unknown, t: DataType): string {
  if (v === null || v === undefined) return 'NULL';
  if (t.kind === 'string') return String(v);
  if (t.kind === 'boolean') return v ? 'true' : 'false';
  if (t.kind === 'long' || t.kind === 'int') return String(v);
  if (t.kind === 'double') {
    const text = String(v);
    // Exponents as Java prints them (`1.0E300`); plain digits stay (a decimal literal such as 12345678.9 prints as written).
    return text.includes('e') ? javaDoubleToString(v as number) : Number.isInteger(v) ? `${text}.0` : text;
  }
  if (t.kind === 'interval') return `INTERVAL '${intervalToString(v as IntervalValue)}'`;
  return String(v);
}

/** Visits every sub-expression (pre-order). */
export function forEachExpr(e: Expr, fn: (e: Expr) => void): void {
  fn(e);
  for (const c of children(e)) forEachExpr(c, fn);
}

export function children(e: Expr): readonly Expr[] {
  switch (e.kind) {
    case 'column': case 'star': case 'literal': return [];
    case 'alias': case 'unary': case 'cast': case 'generator': case 'sortOrder': return [e.child];
    case 'binary': return [e.left, e.right];
    case 'call': case 'aggregate': return e.args;
    case 'caseWhen': return [...e.branches.flatMap(([c, v]) => [c, v]), ...(e.otherwise ? [e.otherwise] : [])];
    case 'in': return [e.child, ...e.list];
    case 'extract': return [e.child, e.key];
  }
}

export function containsAggregate(e: Expr): boolean {
  let found = false;
  forEachExpr(e, (x) => { if (x.kind === 'aggregate') found = true; });
  return found;
}

export function containsGenerator(e: Expr): boolean {
  let found = false;
  forEachExpr(e, (x) => { if (x.kind === 'generator') found = true; });
  return found;
}
