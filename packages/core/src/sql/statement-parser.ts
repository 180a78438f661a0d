import { AnalysisError } from '../analyzer/analysis-error.ts';
import { exprToString, type Expr, type GeneratorFn } from '../expr/expression.ts';
import { ExpressionParser } from '../expr/parser/expression-parser.ts';
import { RESERVED_WORDS } from '../expr/parser/reserved-words.ts';
import type { Token } from '../expr/parser/token.ts';
import type { TokenCursor } from '../expr/parser/token-cursor.ts';
import { CLAUSE_WORDS } from './clause-words.ts';
import type {
  Cte, JoinCriteria, LateralView, QueryTerm, Relation, SelectSpec, SortItem, SqlJoinType, SqlQuery,
} from './sql-ast.ts';

const OUTER_GENERATORS: Readonly<Record<GeneratorFn, GeneratorFn>> = {
  explode: 'explode_outer', explode_outer: 'explode_outer', posexplode: 'posexplode_outer', posexplode_outer: 'posexplode_outer',
};

/** Nesting of subqueries beyond this is refused with a ParseError, as the expression parser does. */
const MAX_NESTING = 128;

/**
 * Recursive-descent parser for a Spark SQL query (SqlBaseParser.g4's `query` rule, the subset Caudal runs):
 *   query      := [WITH name [AS] (query), ...] term [ORDER BY sortItem, ...] [LIMIT n | ALL]
 *   term       := primary (UNION [ALL | DISTINCT] primary)*
 *   primary    := SELECT [ALL | DISTINCT] item, ... [FROM relation, ... lateralView*] [WHERE e]
 *                 [GROUP BY e, ...] [HAVING e]  |  ( query )
 *   relation   := (name | ( query ) | ( relation )) [[AS] alias] (joinType JOIN relation [ON e | USING (c, ...)])*
 * Expressions go to the expression parser on the same cursor, so errors point into the whole statement.
 */
export class StatementParser {
  private readonly exprs: ExpressionParser;
  private depth = 0;

  constructor(private readonly cur: TokenCursor) {
    this.exprs = new ExpressionParser(cur);
  }

  /** One query, optionally followed by semicolons, then the end of the input. */
  parseStatement(): SqlQuery {
    const q = this.parseQuery();
    while (this.cur.acceptSymbol(';'));
    this.cur.expectEnd();
    return q;
  }

  private parseQuery(): SqlQuery {
    const cur = this.cur;
    const ctes: Cte[] = [];
    if (cur.acceptWord('with')) {
      do ctes.push(this.parseCte()); while (cur.acceptSymbol(','));
    }
    const body = this.parseTerm();
    const orderBy: SortItem[] = [];
    if (cur.acceptWord('order')) {
      cur.expectWord('by');
      do orderBy.push(this.parseSortItem()); while (cur.acceptSymbol(','));
    }
    let limit: number | null = null;
    if (cur.acceptWord('limit') && !cur.acceptWord('all')) limit = this.parseLimit();
    return { kind: 'query', ctes, body, orderBy, limit };
  }

  private parseCte(): Cte {
    const name = this.name();
    this.cur.acceptWord('as');
    const query = this.parseParenthesizedQuery();
    return { name, query };
  }

  private parseParenthesizedQuery(): SqlQuery {
    const open = this.cur.expectSymbol('(');
    const q = this.nested(open, () => this.parseQuery());
    this.cur.expectSymbol(')');
    return q;
  }

  /** Subqueries and parenthesized relations nest; beyond MAX_NESTING they are refused, not left to overflow the stack. */
  private nested<T>(open: Token, parse: () => T): T {
    if (this.depth >= MAX_NESTING) throw this.cur.errorSpanning(open, open, `Query nested more than ${MAX_NESTING} levels deep`);
    this.depth++;
    try {
      return parse();
    } finally {
      this.depth--;
    }
  }

  private parseTerm(): QueryTerm {
    const cur = this.cur;
    let left = this.parsePrimary();
    while (cur.acceptWord('union')) {
      const all = cur.acceptWord('all');
      if (!all) cur.acceptWord('distinct');
      left = { kind: 'union', all, left, right: this.parsePrimary() };
    }
    return left;
  }

  private parsePrimary(): QueryTerm {
    if (this.cur.atSymbol('(')) return { kind: 'nested', query: this.parseParenthesizedQuery() };
    return this.parseSelect();
  }

  private parseSelect(): SelectSpec {
    const cur = this.cur;
    cur.expectWord('select');
    const distinct = cur.acceptWord('distinct');
    if (!distinct) cur.acceptWord('all');
    const items: Expr[] = [];
    do items.push(this.parseSelectItem()); while (cur.acceptSymbol(','));
    let from: Relation | null = null;
    const lateralViews: LateralView[] = [];
    if (cur.acceptWord('from')) {
      from = this.parseRelation();
      // A comma between relations is an inner join without a condition.
      while (cur.acceptSymbol(',')) from = { kind: 'join', joinType: 'inner', left: from, right: this.parseRelation(), criteria: null };
      while (cur.atWord('lateral')) lateralViews.push(this.parseLateralView());
    }
    const where = cur.acceptWord('where') ? this.exprs.parseExpression() : null;
    let groupBy: Expr[] | null = null;
    if (cur.acceptWord('group')) {
      cur.expectWord('by');
      groupBy = [];
      do groupBy.push(this.exprs.parseExpression()); while (cur.acceptSymbol(','));
    }
    const having = cur.acceptWord('having') ? this.exprs.parseExpression() : null;
    return { kind: 'select', distinct, items, from, lateralViews, where, groupBy, having };
  }

  /** `expr [AS] alias`, as `selectExpr` takes it, but clause words (`FROM`, `WHERE`...) are never aliases. */
  private parseSelectItem(): Expr {
    const child = this.exprs.parseExpression();
    const alias = this.cur.acceptWord('as') ? this.identifier() : this.bareAlias();
    return alias === null ? child : { kind: 'alias', child, name: alias };
  }

  private parseRelation(): Relation {
    let left = this.parseRelationPrimary();
    for (;;) {
      const joinType = this.parseJoinType();
      if (joinType === null) return left;
      const right = this.parseRelationPrimary();
      left = { kind: 'join', joinType, left, right, criteria: this.parseJoinCriteria() };
    }
  }

  /** `[INNER] JOIN`, `CROSS JOIN`, `LEFT [OUTER|SEMI|ANTI] JOIN`, `RIGHT [OUTER] JOIN`, `FULL [OUTER] JOIN`, `SEMI JOIN`, `ANTI JOIN`. */
  private parseJoinType(): SqlJoinType | null {
    const cur = this.cur;
    let type: SqlJoinType;
    if (cur.acceptWord('join')) return 'inner';
    if (cur.acceptWord('inner')) type = 'inner';
    else if (cur.acceptWord('cross')) type = 'cross';
    else if (cur.acceptWord('left')) {
      type = cur.acceptWord('semi') ? 'semi' : cur.acceptWord('anti') ? 'anti' : 'left';
      if (type === 'left') cur.acceptWord('outer');
    } else if (cur.acceptWord('right')) {
      type = 'right';
      cur.acceptWord('outer');
    } else if (cur.acceptWord('full')) {
      type = 'full';
      cur.acceptWord('outer');
    } else if (cur.acceptWord('semi')) type = 'semi';
    else if (cur.acceptWord('anti')) type = 'anti';
    else return null;
    cur.expectWord('join');
    return type;
  }

  private parseJoinCriteria(): JoinCriteria | null {
    const cur = this.cur;
    if (cur.acceptWord('on')) return { kind: 'on', condition: this.exprs.parseExpression() };
    if (!cur.acceptWord('using')) return null;
    cur.expectSymbol('(');
    const columns: string[] = [];
    do columns.push(this.identifier()); while (cur.acceptSymbol(','));
    cur.expectSymbol(')');
    return { kind: 'using', columns };
  }

  private parseRelationPrimary(): Relation {
    const cur = this.cur;
    if (cur.atSymbol('(')) {
      if (this.atParenthesizedQuery()) {
        const query = this.parseParenthesizedQuery();
        return { kind: 'subquery', query, alias: this.tableAlias() };
      }
      const open = cur.expectSymbol('(');
      const inner = this.nested(open, () => this.parseRelation());
      cur.expectSymbol(')');
      return inner;
    }
    const name = this.qualifiedName();
    return { kind: 'table', name, alias: this.tableAlias() };
  }

  /** Whether the `(` at the cursor opens a query (`(SELECT`, `(WITH`, `((SELECT`) rather than a relation. */
  private atParenthesizedQuery(): boolean {
    let ahead = 0;
    while (this.cur.atSymbol('(', ahead)) ahead++;
    return this.cur.atWord('select', ahead) || this.cur.atWord('with', ahead);
  }

  private tableAlias(): string | null {
    return this.cur.acceptWord('as') ? this.identifier() : this.bareAlias();
  }

  /** `LATERAL VIEW [OUTER] generator(expr) table [AS] col, ...`. */
  private parseLateralView(): LateralView {
    const cur = this.cur;
    cur.expectWord('lateral');
    cur.expectWord('view');
    const outer = cur.acceptWord('outer');
    const start = cur.peek();
    const e = this.exprs.parseExpression();
    if (e.kind !== 'generator') {
      throw new AnalysisError(
        `LATERAL VIEW needs a generator function (explode, explode_outer, posexplode, posexplode_outer), but got ${exprToString(e)}` +
        ` (line ${start.line}, column ${start.column})`,
      );
    }
    const tableAlias = this.name();
    const columnAliases: string[] = [];
    const named = cur.acceptWord('as');
    if (named || this.bareAliasAhead()) {
      do columnAliases.push(this.identifier()); while (cur.acceptSymbol(','));
    }
    return { fn: outer ? OUTER_GENERATORS[e.fn] : e.fn, input: e.child, tableAlias, columnAliases };
  }

  private parseSortItem(): SortItem {
    const cur = this.cur;
    const expr = this.exprs.parseExpression();
    const ascending = !cur.acceptWord('desc');
    if (ascending) cur.acceptWord('asc');
    let nullsFirst = ascending;
    if (cur.acceptWord('nulls')) {
      if (cur.acceptWord('first')) nullsFirst = true;
      else if (cur.acceptWord('last')) nullsFirst = false;
      else throw cur.error();
    }
    return { expr, ascending, nullsFirst };
  }

  /** `LIMIT n`: a non-negative integer literal. */
  private parseLimit(): number {
    const cur = this.cur;
    const t = cur.peek();
    const e = this.exprs.parseExpression();
    const value = e.kind === 'literal' && (e.dataType.kind === 'int' || e.dataType.kind === 'long') ? (e.value as number) : null;
    if (value === null) {
      throw cur.errorSpanning(t, t, `The limit expression must be an integer literal, but got ${exprToString(e)}`);
    }
    return value;
  }

  /** A table name, possibly dotted (`db.t`); the parts are joined back with dots for the catalog. */
  private qualifiedName(): string {
    const parts = [this.name()];
    while (this.cur.atSymbol('.') && this.isIdentifier(this.cur.peek(1))) {
      this.cur.next();
      parts.push(this.identifier());
    }
    return parts.join('.');
  }

  /** A word (any, even a keyword) or a backquoted name. */
  private identifier(): string {
    const t = this.cur.peek();
    if (!this.isIdentifier(t)) throw this.cur.error();
    return this.cur.next().value;
  }

  /** A name where a keyword would be misread: backquoted, or a word that is neither reserved nor a clause word. */
  private name(): string {
    const t = this.cur.peek();
    if (t.kind === 'word' && (RESERVED_WORDS.has(t.value.toLowerCase()) || CLAUSE_WORDS.has(t.value.toLowerCase()))) throw this.cur.error();
    return this.identifier();
  }

  private isIdentifier(t: Token): boolean {
    return t.kind === 'word' || t.kind === 'quoted';
  }

  private bareAliasAhead(): boolean {
    const t = this.cur.peek();
    return this.exprs.atBareAlias() && !(t.kind === 'word' && CLAUSE_WORDS.has(t.value.toLowerCase()));
  }

  private bareAlias(): string | null {
    return this.bareAliasAhead() ? this.cur.next().value : null;
  }
}
