import { AnalysisError } from '../analyzer/analysis-error.ts';
import { toInternal } from '../data/external-values.ts';
import type { BinaryOp, Expr } from '../expr/expression.ts';
import { exprToString } from '../expr/expression.ts';
import type { DataType } from '../types/data-type.ts';
import { parseDataType } from '../expr/parser/parse-data-type.ts';

/**
 * Anything a Column operation accepts as its other operand: a Column or a plain value (a literal).
 *
 * @example
 * ```ts
 * import { col, lit, type ColumnOrValue } from 'caudal';
 * // Plain values are literals: 'ES' here is a string, not a column name.
 * const threshold: ColumnOrValue = 100;
 * df.where(col('amount').gt(threshold).and(col('country').eq('ES')));
 * df.withColumn('label', lit('priority')).where(col('status').isin('paid', 'shipped'));
 * // PySpark: df.where((F.col("amount") > 100) & (F.col("country") == "ES"))
 * ```
 */
export type ColumnOrValue = Column | string | number | boolean | Date | null;

/**
 * A column expression, as PySpark's `Column`. TypeScript has no operator overloading, so `a + b` is
 * `a.plus(b)`, `a == b` is `a.eq(b)` (Scala's names: `equalTo`, `gt`, `geq`, ... also exist).
 * Plain values are literals: `col('n').gt(5)`. Columns are immutable; each method returns a new one.
 *
 * @example
 * ```ts
 * import { col } from 'caudal';
 * df.withColumn('total', col('price').multiply(col('qty')))
 *   .filter(col('total').gt(100).and(col('country').isin('ES', 'PT')));
 * ```
 */
export class Column {
  /** @internal */
  constructor(
    /** @internal The expression this column stands for. */
    readonly expr: Expr,
  ) {}

  /** The expression as Spark prints a Column, e.g. `Column<'(n + 1)'>`. */
  toString(): string {
    return `Column<'${exprToString(this.expr)}'>`;
  }

  /** The same expression under a new name (`col('n').alias('m')`). */
  alias(name: string): Column {
    return new Column({ kind: 'alias', child: this.expr, name });
  }

  /** Same as `alias`. */
  as(name: string): Column {
    return this.alias(name);
  }

  /** Same as `alias`. */
  name(name: string): Column {
    return this.alias(name);
  }

  /** `cast('int')`, `cast('array<string>')` or `cast(IntegerType())`. */
  cast(to: DataType | string): Column {
    return new Column({ kind: 'cast', child: this.expr, to: typeof to === 'string' ? parseDataType(to) : to });
  }

  /** Same as `cast`. */
  astype(to: DataType | string): Column {
    return this.cast(to);
  }

  /** `this + other`. */
  plus(other: ColumnOrValue): Column { return this.binary('+', other); }
  /** `this - other`. */
  minus(other: ColumnOrValue): Column { return this.binary('-', other); }
  /** `this * other`. */
  multiply(other: ColumnOrValue): Column { return this.binary('*', other); }
  /** `this / other` (a double; division by zero gives null, as Spark). */
  divide(other: ColumnOrValue): Column { return this.binary('/', other); }
  /** `this % other` (remainder with the dividend's sign; null for zero). */
  mod(other: ColumnOrValue): Column { return this.binary('%', other); }

  /** `this = other` (null when either side is null). */
  eq(other: ColumnOrValue): Column { return this.binary('=', other); }
  /** Same as `eq`. */
  equalTo(other: ColumnOrValue): Column { return this.binary('=', other); }
  /** `this != other`. */
  ne(other: ColumnOrValue): Column { return this.binary('!=', other); }
  /** Same as `ne`. */
  notEqual(other: ColumnOrValue): Column { return this.binary('!=', other); }
  /** `this > other`. */
  gt(other: ColumnOrValue): Column { return this.binary('>', other); }
  /** `this >= other`. */
  geq(other: ColumnOrValue): Column { return this.binary('>=', other); }
  /** Same as `geq`. */
  ge(other: ColumnOrValue): Column { return this.binary('>=', other); }
  /** `this < other`. */
  lt(other: ColumnOrValue): Column { return this.binary('<', other); }
  /** `this <= other`. */
  leq(other: ColumnOrValue): Column { return this.binary('<=', other); }
  /** Same as `leq`. */
  le(other: ColumnOrValue): Column { return this.binary('<=', other); }
  /** `this <=> other`: equality where null equals null (never null itself). */
  eqNullSafe(other: ColumnOrValue): Column { return this.binary('<=>', other); }

  /** Logical AND with SQL's three-valued logic. */
  and(other: ColumnOrValue): Column { return this.binary('and', other); }
  /** Logical OR with SQL's three-valued logic. */
  or(other: ColumnOrValue): Column { return this.binary('or', other); }
  /** Logical NOT. */
  not(): Column { return new Column({ kind: 'unary', op: 'not', child: this.expr }); }
  /** Arithmetic negation (`-this`). */
  negate(): Column { return new Column({ kind: 'unary', op: 'negate', child: this.expr }); }

  /** True where the value is null. */
  isNull(): Column { return new Column({ kind: 'unary', op: 'isNull', child: this.expr }); }
  /** True where the value is not null. */
  isNotNull(): Column { return new Column({ kind: 'unary', op: 'isNotNull', child: this.expr }); }
  /** True where the value equals one of `values` (SQL `IN`). */
  isin(...values: ColumnOrValue[]): Column {
    return new Column({ kind: 'in', child: this.expr, list: values.map(toExpr) });
  }
  /** SQL LIKE with `%` and `_` wildcards. */
  like(pattern: string): Column { return this.binary('like', pattern); }
  /** True where the regular expression matches somewhere in the value (Spark's `RLIKE`). */
  rlike(pattern: string): Column { return this.binary('rlike', pattern); }
  /** `lower <= this AND this <= upper`. */
  between(lower: ColumnOrValue, upper: ColumnOrValue): Column { return this.geq(lower).and(this.leq(upper)); }

  /** Struct field by name. */
  getField(name: string): Column {
    return new Column({ kind: 'extract', child: this.expr, key: literalExpr(name) });
  }

  /** Array element by 0-based index, or map value by key. */
  getItem(key: ColumnOrValue): Column {
    return new Column({ kind: 'extract', child: this.expr, key: toExpr(key) });
  }

  /**
   * One more branch of a `when(...)` column: `when(c1, v1).when(c2, v2).otherwise(v3)`. Plain values
   * (strings too) are literals.
   */
  when(condition: Column, value: ColumnOrValue): Column {
    const e = this.expr;
    if (e.kind !== 'caseWhen') throw new AnalysisError('when() can only be applied on a Column previously generated by when() function');
    if (e.otherwise !== null) throw new AnalysisError('when() cannot be applied once otherwise() is applied');
    return new Column({ kind: 'caseWhen', branches: [...e.branches, [condition.expr, toExpr(value)]], otherwise: null });
  }

  /** The value of a `when(...)` column when no condition holds (without it: null). */
  otherwise(value: ColumnOrValue): Column {
    const e = this.expr;
    if (e.kind !== 'caseWhen') throw new AnalysisError('otherwise() can only be applied on a Column previously generated by when()');
    if (e.otherwise !== null) throw new AnalysisError('otherwise() can only be applied once on a Column previously generated by when()');
    return new Column({ kind: 'caseWhen', branches: e.branches, otherwise: toExpr(value) });
  }

  /** Ascending sort order, nulls first (Spark's default). */
  asc(): Column { return this.order(true, true); }
  /** Ascending sort order, nulls first. */
  asc_nulls_first(): Column { return this.order(true, true); }
  /** Ascending sort order, nulls last. */
  asc_nulls_last(): Column { return this.order(true, false); }
  /** Descending sort order, nulls last (Spark's default). */
  desc(): Column { return this.order(false, false); }
  /** Descending sort order, nulls first. */
  desc_nulls_first(): Column { return this.order(false, true); }
  /** Descending sort order, nulls last. */
  desc_nulls_last(): Column { return this.order(false, false); }

  private order(ascending: boolean, nullsFirst: boolean): Column {
    const child = this.expr.kind === 'sortOrder' ? this.expr.child : this.expr;
    return new Column({ kind: 'sortOrder', child, ascending, nullsFirst });
  }

  private binary(op: BinaryOp, other: ColumnOrValue): Column {
    return new Column({ kind: 'binary', op, left: this.expr, right: toExpr(other) });
  }
}

/** A literal expression for a JS value, typed as PySpark's `lit` would type the Python value. */
export function literalExpr(value: unknown): Expr {
  if (value === null || value === undefined) return { kind: 'literal', value: null, dataType: { kind: 'null' } };
  if (typeof value === 'string') return { kind: 'literal', value, dataType: { kind: 'string' } };
  if (typeof value === 'boolean') return { kind: 'literal', value, dataType: { kind: 'boolean' } };
  if (typeof value === 'bigint') return { kind: 'literal', value: Number(value), dataType: { kind: 'long' } };
  if (typeof value === 'number') {
    if (Number.isInteger(value)) {
      const kind = value >= -2147483648 && value <= 2147483647 ? 'int' : 'long';
      return { kind: 'literal', value, dataType: { kind } };
    }
    return { kind: 'literal', value, dataType: { kind: 'double' } };
  }
  if (value instanceof Date) return { kind: 'literal', value: toInternal({ kind: 'timestamp' }, value, 'lit'), dataType: { kind: 'timestamp' } };
  if (value instanceof Uint8Array) return { kind: 'literal', value, dataType: { kind: 'binary' } };
  throw new TypeError(`lit(): unsupported literal ${String(value)}; use a string, number, boolean, Date, Uint8Array or null`);
}

/** A Column stays itself; any other value becomes a literal. */
export function toExpr(v: ColumnOrValue | unknown): Expr {
  return v instanceof Column ? v.expr : literalExpr(v);
}

/** Column names given as strings are column references (PySpark's convention for most methods). */
export function nameOrColumn(v: string | Column): Expr {
  return typeof v === 'string' ? (v === '*' ? { kind: 'star' } : { kind: 'column', name: v }) : v.expr;
}
