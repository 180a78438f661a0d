import type { BinaryOp, Expr } from '../expression.ts';
import { AGGREGATE_FUNCTIONS, isGeneratorName } from '../function-kinds.ts';
import { AnalysisError } from '../../analyzer/analysis-error.ts';
import { BOOLEAN, NULL_TYPE, STRING, type DataType } from '../../types/data-type.ts';
import type { Token } from './token.ts';
import type { TokenCursor } from './token-cursor.ts';
import { readDataType } from './data-type-reader.ts';
import { ParseError } from './parse-error.ts';
import { readIntervalLiteral, startsIntervalLiteral } from './interval-literal.ts';
import { readNumberLiteral } from './number-literal.ts';
import { isTypedLiteralPrefix, readTypedLiteral } from './typed-literals.ts';
import { RESERVED_WORDS } from './reserved-words.ts';

const COMPARISON_OPS: ReadonlyMap<string, BinaryOp> = new Map<string, BinaryOp>([
  ['=', '='], ['==', '='], ['!=', '!='], ['<>', '!='], ['<', '<'], ['<=', '<='], ['>', '>'], ['>=', '>='], ['<=>', '<=>'],
]);
// Spark puts `||` on the same level as binary + and -.
const ADDITIVE_OPS: ReadonlyMap<string, BinaryOp> = new Map<string, BinaryOp>([['+', '+'], ['-', '-'], ['||', '||']]);
const MULTIPLICATIVE_OPS: ReadonlyMap<string, BinaryOp> = new Map<string, BinaryOp>([['*', '*'], ['/', '/'], ['%', '%']]);
/** Words that may follow NOT after an operand: `x NOT IN (...)`, `x NOT LIKE p`. */
const NEGATABLE_PREDICATES: ReadonlySet<string> = new Set(['in', 'between', 'like', 'rlike', 'regexp']);
/** Spark lets these be written without parentheses. */
const NILADIC_FUNCTIONS: ReadonlySet<string> = new Set(['current_date', 'current_timestamp']);
/** Nesting beyond this is refused with a ParseError rather than left to overflow the call stack. */
const MAX_NESTING = 256;

/**
 * Recursive-descent parser for one Spark SQL expression, following the precedence of Spark's grammar
 * (SqlBaseParser.g4), loosest first:
 *   OR < AND < NOT < predicate (IS, IN, BETWEEN, LIKE, RLIKE; at most one) < comparison < + - || < * / %
 *   < unary - + < postfix (`[key]`, `.field`, `::type`) < primary.
 * It only builds `Expr` data; nothing in the input is ever evaluated.
 */
export class ExpressionParser {
  private depth = 0;
  /** Set once the nesting limit is hit: no alternative parse is tried after that (it would be as deep). */
  private tooDeep = false;

  constructor(private readonly cur: TokenCursor) {}

  /** Every nested sub-expression (parentheses, arguments, CASE parts) comes back through here. */
  parseExpression(): Expr {
    return this.nested(() => {
      let left = this.parseAnd();
      while (this.cur.acceptWord('or')) left = binary('or', left, this.parseAnd());
      return left;
    });
  }

  /** Counts one nesting level around `parse`. */
  private nested(parse: () => Expr): Expr {
    if (this.depth >= MAX_NESTING) {
      const t = this.cur.peek();
      this.tooDeep = true;
      throw this.cur.errorSpanning(t, t, `Expression nested more than ${MAX_NESTING} levels deep`);
    }
    this.depth++;
    try {
      return parse();
    } finally {
      this.depth--;
    }
  }

  /** Whether the next token can be a bare alias (`a + 1 total`): a non-reserved word or a backquoted name. */
  atBareAlias(): boolean {
    const t = this.cur.peek();
    return t.kind === 'quoted' || (t.kind === 'word' && !RESERVED_WORDS.has(t.value.toLowerCase()));
  }

  private parseAnd(): Expr {
    let left = this.parseNot();
    while (this.cur.acceptWord('and')) left = binary('and', left, this.parseNot());
    return left;
  }

  /** Prefix NOTs are counted in a loop, so a long chain of them cannot exhaust the stack. */
  private parseNot(): Expr {
    let nots = 0;
    while (this.cur.acceptWord('not') || this.cur.acceptSymbol('!')) nots++;
    let e = this.parsePredicated();
    for (; nots > 0; nots--) e = not(e);
    return e;
  }

  private parsePredicated(): Expr {
    const cur = this.cur;
    const value = this.parseComparison();
    if (cur.acceptWord('is')) return this.parseIsPredicate(value);
    const t = cur.peek(1);
    const negated = cur.atWord('not') && t.kind === 'word' && NEGATABLE_PREDICATES.has(t.value.toLowerCase());
    if (negated) cur.next();
    let e: Expr;
    if (cur.acceptWord('in')) {
      cur.expectSymbol('(');
      const list = this.parseExpressionList();
      cur.expectSymbol(')');
      e = { kind: 'in', child: value, list };
    } else if (cur.acceptWord('between')) {
      const lower = this.parseComparison();
      cur.expectWord('and');
      const upper = this.parseComparison();
      e = binary('and', binary('>=', value, lower), binary('<=', value, upper));
    } else if (cur.acceptWord('like')) {
      e = binary('like', value, this.parseComparison());
    } else if (cur.acceptWord('rlike') || cur.acceptWord('regexp')) {
      e = binary('rlike', value, this.parseComparison());
    } else {
      return value;
    }
    return negated ? not(e) : e;
  }

  /** After IS: `[NOT] NULL`, `[NOT] DISTINCT FROM x` (null-safe equality). */
  private parseIsPredicate(value: Expr): Expr {
    const cur = this.cur;
    const negated = cur.acceptWord('not');
    if (cur.acceptWord('null')) return { kind: 'unary', op: negated ? 'isNotNull' : 'isNull', child: value };
    cur.expectWord('distinct');
    cur.expectWord('from');
    const same = binary('<=>', value, this.parseComparison());
    return negated ? same : not(same);
  }

  private parseComparison(): Expr {
    return this.parseLeftAssociative(COMPARISON_OPS, () => this.parseAdditive());
  }

  private parseAdditive(): Expr {
    return this.parseLeftAssociative(ADDITIVE_OPS, () => this.parseMultiplicative());
  }

  private parseMultiplicative(): Expr {
    return this.parseLeftAssociative(MULTIPLICATIVE_OPS, () => this.parseUnary());
  }

  private parseLeftAssociative(ops: ReadonlyMap<string, BinaryOp>, operand: () => Expr): Expr {
    let left = operand();
    for (;;) {
      const t = this.cur.peek();
      const op = t.kind === 'symbol' ? ops.get(t.value) : undefined;
      if (op === undefined) return left;
      this.cur.next();
      left = binary(op, left, operand());
    }
  }

  private parseUnary(): Expr {
    const cur = this.cur;
    let negations = 0;
    for (;;) {
      // `-5` is a negative literal (Spark's grammar has signed numbers); the primary reads it.
      if (cur.atSymbol('-') && cur.peek(1).kind !== 'number') {
        cur.next();
        negations++;
      } else if (!cur.acceptSymbol('+')) {
        // Unary plus changes nothing, so it was simply skipped.
        break;
      }
    }
    let e = this.parsePostfix();
    for (; negations > 0; negations--) e = { kind: 'unary', op: 'negate', child: e };
    return e;
  }

  private parsePostfix(): Expr {
    const cur = this.cur;
    let e = this.parsePrimary();
    // `*` takes no postfix: `*.a` and `*[0]` are syntax errors.
    if (e.kind === 'star') return e;
    for (;;) {
      if (cur.acceptSymbol('[')) {
        const key = this.parseExpression();
        cur.expectSymbol(']');
        e = { kind: 'extract', child: e, key };
      } else if (cur.acceptSymbol('.')) {
        if (e.kind === 'column' && cur.acceptSymbol('*')) return { kind: 'star', qualifier: e.name };
        const t = cur.peek();
        if (t.kind !== 'word' && t.kind !== 'quoted') throw cur.error();
        cur.next();
        // As Spark's AstBuilder does, a dotted name stays one column reference; the analyzer splits it into
        // column and struct fields. After any other expression the name is a field extraction.
        e = e.kind === 'column'
          ? column([...(e.nameParts ?? [e.name]), t.value])
          : { kind: 'extract', child: e, key: { kind: 'literal', value: t.value, dataType: STRING } };
      } else if (cur.acceptSymbol('::')) {
        e = { kind: 'cast', child: e, to: readDataType(cur) };
      } else {
        return e;
      }
    }
  }

  private parsePrimary(): Expr {
    const cur = this.cur;
    const t = cur.peek();
    switch (t.kind) {
      case 'number':
        return readNumberLiteral(cur, null);
      case 'string':
        return this.parseStringLiteral();
      case 'quoted':
        cur.next();
        return cur.atSymbol('(') ? this.parseCall(t) : column([t.value]);
      case 'word':
        return this.parseWord(t);
      case 'symbol':
        if (t.value === '(') return this.parseParenthesized();
        if (t.value === '*') {
          cur.next();
          return { kind: 'star' };
        }
        if (t.value === '-' && cur.peek(1).kind === 'number') {
          cur.next();
          return readNumberLiteral(cur, t);
        }
        throw cur.error();
      case 'eof':
        throw cur.error();
    }
  }

  /** Adjacent string literals are concatenated, as in Spark: `'a' 'b'` is `'ab'`. */
  private parseStringLiteral(): Expr {
    let value = '';
    while (this.cur.peek().kind === 'string') value += this.cur.next().value;
    return { kind: 'literal', value, dataType: STRING };
  }

  private parseWord(t: Token): Expr {
    const cur = this.cur;
    const word = t.value.toLowerCase();
    if (word === 'null') return this.literalWord(null, NULL_TYPE);
    if (word === 'true') return this.literalWord(true, BOOLEAN);
    if (word === 'false') return this.literalWord(false, BOOLEAN);
    if (word === 'case') return this.parseCase();
    // `cast`, `interval`, `date` and `timestamp` are also usable as column names, so only their syntax decides.
    if (word === 'cast' && cur.atSymbol('(', 1)) return this.parseCast();
    if (word === 'interval' && startsIntervalLiteral(cur)) return readIntervalLiteral(cur);
    if (isTypedLiteralPrefix(word) && cur.peek(1).kind === 'string') return readTypedLiteral(cur);
    if (RESERVED_WORDS.has(word)) throw cur.error();
    cur.next();
    if (cur.atSymbol('(')) return this.parseCall(t);
    if (NILADIC_FUNCTIONS.has(word)) return { kind: 'call', name: word, args: [] };
    return column([t.value]);
  }

  private literalWord(value: boolean | null, dataType: DataType): Expr {
    this.cur.next();
    return { kind: 'literal', value, dataType };
  }

  /** `(e)`, or `(a, b, ...)` which Spark reads as `struct(a, b, ...)`. */
  private parseParenthesized(): Expr {
    const cur = this.cur;
    cur.expectSymbol('(');
    const items = this.parseExpressionList();
    cur.expectSymbol(')');
    return items.length === 1 ? items[0]! : { kind: 'call', name: 'struct', args: items };
  }

  private parseExpressionList(): Expr[] {
    const items = [this.parseExpression()];
    while (this.cur.acceptSymbol(',')) items.push(this.parseExpression());
    return items;
  }

  /** `CASE WHEN c THEN v ... [ELSE e] END`; the simple form `CASE x WHEN 1 THEN ...` becomes `x = 1` conditions. */
  private parseCase(): Expr {
    const cur = this.cur;
    cur.expectWord('case');
    const subject = cur.atWord('when') ? null : this.parseExpression();
    const branches: (readonly [Expr, Expr])[] = [];
    cur.expectWord('when');
    do {
      const when = this.parseExpression();
      cur.expectWord('then');
      const then = this.parseExpression();
      branches.push([subject ? binary('=', subject, when) : when, then]);
    } while (cur.acceptWord('when'));
    const otherwise = cur.acceptWord('else') ? this.parseExpression() : null;
    cur.expectWord('end');
    return { kind: 'caseWhen', branches, otherwise };
  }

  private parseCast(): Expr {
    const cur = this.cur;
    cur.expectWord('cast');
    cur.expectSymbol('(');
    const child = this.parseExpression();
    cur.expectWord('as');
    const to = readDataType(cur);
    cur.expectSymbol(')');
    return { kind: 'cast', child, to };
  }

  /**
   * The arguments of `trim(` up to `)`: a plain list (`trim(str)`, `trim(trimStr, str)`), or Spark's
   * `TRIM([BOTH | LEADING | TRAILING] [trimStr] FROM str)`, which becomes the call Spark rewrites it to:
   * `trim` / `ltrim` / `rtrim` of `(trimStr, str)`, or of `(str)` without trimStr.
   */
  private parseTrimCall(): Expr {
    // Its operands are read below the level parseExpression counts, so the nesting is counted here.
    return this.nested(() => this.parseTrimArguments());
  }

  private parseTrimArguments(): Expr {
    const cur = this.cur;
    const start = cur.position;
    const t = cur.peek();
    const side = t.kind === 'word' ? sideFunction(t.value.toLowerCase()) : undefined;
    if (side !== undefined) {
      cur.next();
      const trimStr = cur.atWord('from') ? null : this.tryParse(() => this.parseComparison());
      if (trimStr !== undefined && cur.atWord('from')) return this.finishTrimFrom(side, trimStr);
      // Not the FROM form: `trim(both)` trims a column named both.
      cur.reset(start);
    } else if (cur.atWord('from')) {
      return this.finishTrimFrom('trim', null);
    }
    const first = this.parseExpression();
    if (cur.atWord('from')) return this.finishTrimFrom('trim', first);
    const args = [first];
    while (cur.acceptSymbol(',')) args.push(this.parseExpression());
    cur.expectSymbol(')');
    return { kind: 'call', name: 'trim', args };
  }

  /** At `FROM str)` of a trim. */
  private finishTrimFrom(name: string, trimStr: Expr | null): Expr {
    const cur = this.cur;
    cur.expectWord('from');
    const str = this.parseComparison();
    cur.expectSymbol(')');
    return { kind: 'call', name, args: trimStr === null ? [str] : [trimStr, str] };
  }

  /** The result of `parse`, or undefined (cursor wherever it stopped) on a syntax error. */
  private tryParse(parse: () => Expr): Expr | undefined {
    try {
      return parse();
    } catch (err) {
      if (err instanceof ParseError && !this.tooDeep) return undefined;
      throw err;
    }
  }

  /** A call whose name token has been consumed; the cursor is at `(`. */
  private parseCall(nameToken: Token): Expr {
    const cur = this.cur;
    const name = nameToken.value.toLowerCase();
    cur.expectSymbol('(');
    if (name === 'count' && cur.atSymbol('*') && cur.atSymbol(')', 1)) {
      cur.next();
      cur.next();
      return { kind: 'aggregate', fn: 'count', args: [], distinct: false, star: true };
    }
    if (name === 'trim' && !cur.atSymbol(')') && !cur.atWord('distinct')) return this.parseTrimCall();
    const distinct = cur.acceptWord('distinct');
    const args = cur.atSymbol(')') ? [] : this.parseExpressionList();
    cur.expectSymbol(')');
    if (AGGREGATE_FUNCTIONS.has(name)) return { kind: 'aggregate', fn: name, args, distinct };
    // Spark reports these as analysis errors, not syntax errors.
    if (distinct) throw new AnalysisError(`DISTINCT specified, but ${name} is not an aggregate function`);
    if (isGeneratorName(name)) {
      const [child] = args;
      if (child === undefined || args.length !== 1) {
        throw new AnalysisError(`Function ${name} requires exactly 1 argument, but ${args.length} were given`);
      }
      return { kind: 'generator', fn: name, child };
    }
    return { kind: 'call', name, args };
  }
}

/** The function a trim side keyword stands for. */
function sideFunction(word: string): string | undefined {
  return word === 'both' ? 'trim' : word === 'leading' ? 'ltrim' : word === 'trailing' ? 'rtrim' : undefined;
}

/**
 * A column reference; `name` joins the parts with dots, backquoting a part that itself contains a dot
 * (Spark's `UnresolvedAttribute.name`), so `a.b` and `` `a.b` `` stay distinguishable.
 */
function column(parts: readonly string[]): Expr {
  const name = parts.map((p) => (p.includes('.') ? `\`${p.replaceAll('`', '``')}\`` : p)).join('.');
  return { kind: 'column', name, nameParts: parts };
}

function binary(op: BinaryOp, left: Expr, right: Expr): Expr {
  return { kind: 'binary', op, left, right };
}

function not(child: Expr): Expr {
  return { kind: 'unary', op: 'not', child };
}
