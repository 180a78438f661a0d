import type { DataFrame } from '../dataframe/dataframe.ts';
import type { Session } from '../session/session.ts';

/**
 * The names a query reads from: its common table expressions (`WITH a AS (...)`), innermost first, then
 * the session's temporary views and tables. Names are case-insensitive.
 */
export class SqlScope {
  private constructor(readonly session: Session, private readonly ctes: ReadonlyMap<string, { name: string; df: DataFrame }>) {}

  static of(session: Session): SqlScope {
    return new SqlScope(session, new Map());
  }

  /** A scope where `name` is the CTE `df` (shadowing a view of that name or an outer CTE). */
  withCte(name: string, df: DataFrame): SqlScope {
    return new SqlScope(this.session, new Map([...this.ctes, [name.toLowerCase(), { name, df }]]));
  }

  /**
   * The relation `name`: a CTE named by it (`SubqueryAlias name` over its query, as Spark plans it) or
   * `session.table(name)`.
   */
  relation(name: string): DataFrame {
    const cte = this.ctes.get(name.toLowerCase());
    return cte ? cte.df.alias(cte.name) : this.session.table(name);
  }
}
