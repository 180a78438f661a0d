import { Column } from '../dataframe/column.ts';
import { DataFrame } from '../dataframe/dataframe.ts';
import { ColumnBatch } from '../data/column-batch.ts';
import { containsAggregate, type Expr } from '../expr/expression.ts';
import type { Session } from '../session/session.ts';
import { StructType } from '../types/schema.ts';
import { applyLateralView, dequalifyLateral } from './lateral-view.ts';
import { parseSql } from './parse-sql.ts';
import type { QueryTerm, Relation, SelectSpec, SortItem, SqlJoinType, SqlQuery } from './sql-ast.ts';
import { SqlScope } from './sql-scope.ts';
import { resolveOrdinal, sortColumn } from './sort-items.ts';
import { translateAggregate } from './translate-aggregate.ts';
import { translateProjection } from './translate-projection.ts';

/**
 * `session.sql(text)`: parses the query and builds it with the DataFrame API, so a SQL query and the
 * equivalent DataFrame program have the same logical plan, run on the same engine and obey the same
 * analyzer (a query over a streaming view is a streaming DataFrame, checked at `writeStream.start()`).
 */
export function sqlToDataFrame(session: Session, text: string): DataFrame {
  return translateQuery(parseSql(text), SqlScope.of(session));
}

/** Spark's `how` names for the DataFrame API's `join`. */
const HOW: Readonly<Record<SqlJoinType, string>> = {
  inner: 'inner', cross: 'cross', left: 'left_outer', right: 'right_outer', full: 'full_outer', semi: 'left_semi', anti: 'left_anti',
};

function translateQuery(q: SqlQuery, outer: SqlScope): DataFrame {
  let scope = outer;
  for (const cte of q.ctes) scope = scope.withCte(cte.name, translateQuery(cte.query, scope));
  let df: DataFrame;
  if (q.body.kind === 'select') {
    // ORDER BY of a single SELECT may use what the select list dropped (input columns, aggregates).
    df = translateSelect(q.body, scope, q.orderBy);
  } else {
    df = translateTerm(q.body, scope);
    if (q.orderBy.length > 0) df = df.orderBy(...q.orderBy.map((s) => sortColumn(resolveOrdinal(s, df.columns))));
  }
  return q.limit === null ? df : df.limit(q.limit);
}

function translateTerm(t: QueryTerm, scope: SqlScope): DataFrame {
  switch (t.kind) {
    case 'select': return translateSelect(t, scope, []);
    case 'nested': return translateQuery(t.query, scope);
    case 'union': {
      const all = translateTerm(t.left, scope).union(translateTerm(t.right, scope));
      return t.all ? all : all.distinct();
    }
  }
}

function translateRelation(r: Relation, scope: SqlScope): DataFrame {
  switch (r.kind) {
    case 'table': {
      const df = scope.relation(r.name);
      return r.alias === null ? df : df.alias(r.alias);
    }
    case 'subquery': {
      const df = translateQuery(r.query, scope);
      return r.alias === null ? df : df.alias(r.alias);
    }
    case 'join': {
      const left = translateRelation(r.left, scope);
      const right = translateRelation(r.right, scope);
      const c = r.criteria;
      if (c === null) {
        // `a, b` and `a JOIN b` are `a.join(b)`; `a CROSS JOIN b` is `a.crossJoin(b)`.
        if (r.joinType === 'inner') return left.join(right);
        if (r.joinType === 'cross') return left.crossJoin(right);
        return left.join(right, null, HOW[r.joinType]);
      }
      if (c.kind === 'using') return left.join(right, c.columns, HOW[r.joinType]);
      return left.join(right, new Column(c.condition), HOW[r.joinType]);
    }
  }
}

function translateSelect(spec: SelectSpec, scope: SqlScope, orderBy: readonly SortItem[]): DataFrame {
  let df = spec.from === null ? oneRow(scope.session) : translateRelation(spec.from, scope);
  const lateral = new Map<string, string[]>();
  for (const lv of spec.lateralViews) {
    const applied = applyLateralView(df, { ...lv, input: dequalifyLateral(lv.input, lateral) });
    df = applied.df;
    if (lv.tableAlias !== null) lateral.set(lv.tableAlias.toLowerCase(), applied.columns);
  }
  const fix = (e: Expr): Expr => dequalifyLateral(e, lateral);
  if (spec.where !== null) df = df.filter(new Column(fix(spec.where)));
  const items = spec.items.map(fix);
  const sort = orderBy.map((s) => ({ ...s, expr: fix(s.expr) }));
  const having = spec.having === null ? null : fix(spec.having);
  if (spec.groupBy !== null || having !== null || items.some(containsAggregate)) {
    return translateAggregate(df, { items, groupBy: (spec.groupBy ?? []).map(fix), having, distinct: spec.distinct }, sort);
  }
  return translateProjection(df, items, spec.distinct, sort);
}

/** `SELECT 1` without FROM reads one row without columns, as Spark's OneRowRelation. */
function oneRow(session: Session): DataFrame {
  const schema = new StructType([]);
  return new DataFrame(session, { kind: 'localRelation', batches: [new ColumnBatch(schema, [], 1)], schema, streaming: false });
}
