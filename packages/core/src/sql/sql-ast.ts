import type { Expr, GeneratorFn } from '../expr/expression.ts';

/**
 * The syntax tree of one SQL query, as the statement parser builds it (nothing resolved yet).
 * Expressions are the expression parser's `Expr`; the translator turns the tree into DataFrame calls.
 */
export interface SqlQuery {
  readonly kind: 'query';
  /** `WITH a AS (...), b AS (...)`: each visible to the later ones and to the body. */
  readonly ctes: readonly Cte[];
  readonly body: QueryTerm;
  /** ORDER BY and LIMIT apply to the whole body (after any UNION). */
  readonly orderBy: readonly SortItem[];
  readonly limit: number | null;
}

export interface Cte {
  readonly name: string;
  readonly query: SqlQuery;
}

/** A SELECT, a UNION of terms, or a parenthesized query with its own ORDER BY / LIMIT. */
export type QueryTerm = SelectSpec | SetOperation | NestedQuery;

export interface SetOperation {
  readonly kind: 'union';
  /** UNION ALL keeps duplicates; UNION (or UNION DISTINCT) removes them. */
  readonly all: boolean;
  readonly left: QueryTerm;
  readonly right: QueryTerm;
}

export interface NestedQuery {
  readonly kind: 'nested';
  readonly query: SqlQuery;
}

export interface SelectSpec {
  readonly kind: 'select';
  readonly distinct: boolean;
  /** Select items; aliases are `{ kind: 'alias' }`, `*` and `t.*` are stars. */
  readonly items: readonly Expr[];
  /** Null for `SELECT 1` without FROM (one row, no columns). */
  readonly from: Relation | null;
  readonly lateralViews: readonly LateralView[];
  readonly where: Expr | null;
  /** Null without GROUP BY (a select with aggregates is then a global aggregation). */
  readonly groupBy: readonly Expr[] | null;
  readonly having: Expr | null;
}

export type Relation = TableRelation | SubqueryRelation | JoinRelation;

/** A temporary view, a memory sink's table or a CTE, by name. */
export interface TableRelation {
  readonly kind: 'table';
  readonly name: string;
  readonly alias: string | null;
}

export interface SubqueryRelation {
  readonly kind: 'subquery';
  readonly query: SqlQuery;
  readonly alias: string | null;
}

/** Join types as written: `JOIN` is inner; a comma between relations is an inner join without condition. */
export type SqlJoinType = 'inner' | 'cross' | 'left' | 'right' | 'full' | 'semi' | 'anti';

export interface JoinRelation {
  readonly kind: 'join';
  readonly joinType: SqlJoinType;
  readonly left: Relation;
  readonly right: Relation;
  /** `ON cond`, `USING (cols)`, or nothing. */
  readonly criteria: JoinCriteria | null;
}

export type JoinCriteria =
  | { readonly kind: 'on'; readonly condition: Expr }
  | { readonly kind: 'using'; readonly columns: readonly string[] };

/** `LATERAL VIEW [OUTER] explode(expr) t AS col` / `posexplode(expr) t AS pos, col`. */
export interface LateralView {
  readonly fn: GeneratorFn;
  readonly input: Expr;
  /** The table alias (`t`), which may qualify the new columns (`t.col`). */
  readonly tableAlias: string | null;
  /** Names for the generated columns; empty keeps the generator's own (`col`, `pos`, `key`, `value`). */
  readonly columnAliases: readonly string[];
}

export interface SortItem {
  readonly expr: Expr;
  readonly ascending: boolean;
  /** Spark's defaults: NULLS FIRST for ASC, NULLS LAST for DESC. */
  readonly nullsFirst: boolean;
}
