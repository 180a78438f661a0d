import { toInternal } from '../data/external-values.ts';
import type { BinaryOp, Expr } from '../expr/expression.ts';
import { exprToString } from '../expr/expression.ts';
import type { DataType } from '../types/data-type.ts';
import { parseDataType } from '../expr/parser/parse-data-type.ts';

/** Anything a Column operation accepts as its other operand: a Column or a plain value (a literal). */
export type ColumnOrValue = Column | string | number | boolean | Date | null;

/**
 * A column expression, as PySpark's `Column`. TypeScript has no operator overloading, so `a + b` is
 * `a.plus(b)`, `a == b` is `a.eq(b)` (Scala's names: `equalTo`, `gt`, `geq`, ... also exist).
 * Plain values are literals: `col('n').gt(5)`. Columns are immutable; each method returns a new one.
 */
export class Column {
  /** @internal */
  constructor(readonly expr: Expr) {}

  toString(): string {
    return `Column<'${exprToString(this.expr)}'>`;
  }

  alias(name: string): Column {
    return new Column({ kind: 'alias', child: this.expr, name });
  }

  as(name: string): Column {
    return this.alias(name);
  }

  name(name: string): Column {
    return this.alias(name);
  }

  /** `cast('int')`, `cast('array<string>')` or `cast(IntegerType())`. */
  cast(to: DataType | string): Column {
    return new Column({ kind: 'cast', child: this.expr, to: typeof to === 'string' ? parseDataType(to) : to });
  }

  astype(to: DataType | string): Column {
    return this.cast(to);
  }

  plus(other: ColumnOrValue): Column { return this.binary('+', other); }
  minus(other: ColumnOrValue): Column { return this.binary('-', other); }
  multiply(other: ColumnOrValue): Column { return this.binary('*', other); }
  divide(other: ColumnOrValue): Column { return this.binary('/', other); }
  mod(other: ColumnOrValue): Column { return this.binary('%', other); }

  eq(other: ColumnOrValue): Column { return this.binary('=', other); }
  equalTo(other: ColumnOrValue): Column { return this.binary('=', other); }
  ne(other: ColumnOrValue): Column { return this.binary('!=', other); }
  notEqual(other: ColumnOrValue): Column { return this.binary('!=', other); }
  gt(other: ColumnOrValue): Column { return this.binary('>', other); }
  geq(other: ColumnOrValue): Column { return this.binary('>=', other); }
  ge(other: ColumnOrValue): Column { return this.binary('>=', other); }
  lt(other: ColumnOrValue): Column { return this.binary('<', other); }
  leq(other: ColumnOrValue): Column { return this.binary('<=', other); }
  le(other: ColumnOrValue): Column { return this.binary('<=', other); }
  eqNullSafe(other: ColumnOrValue): Column { return this.binary('<=>', other); }

  and(other: ColumnOrValue): Column { return this.binary('and', other); }
  or(other: ColumnOrValue): Column { return this.binary('or', other); }
  not(): Column { return new Column({ kind: 'unary', op: 'not', child: this.expr }); }
  negate(): Column { return new Column({ kind: 'unary', op: 'negate', child: this.expr }); }

  isNull(): Column { return new Column({ kind: 'unary', op: 'isNull', child: this.expr }); }
  isNotNull(): Column { return new Column({ kind: 'unary', op: 'isNotNull', child: this.expr }); }
  isin(...values: ColumnOrValue[]): Column {
    return new Column({ kind: 'in', child: this.expr, list: values.map(toExpr) });
  }
  like(pattern: string): Column { return this.binary('like', pattern); }
  rlike(pattern: string): Column { return this.binary('rlike', pattern); }
  between(lower: ColumnOrValue, upper: ColumnOrValue): Column { return this.geq(lower).and(this.leq(upper)); }

  /** Struct field by name. */
  getField(name: string): Column {
    return new Column({ kind: 'extract', child: this.expr, key: literalExpr(name) });
  }

  /** Array element by 0-based index, or map value by key. */
  getItem(key: ColumnOrValue): Column {
    return new Column({ kind: 'extract', child: this.expr, key: toExpr(key) });
  }

  asc(): Column { return this.order(true, true); }
  asc_nulls_first(): Column { return this.order(true, true); }
  asc_nulls_last(): Column { return this.order(true, false); }
  desc(): Column { return this.order(false, false); }
  desc_nulls_first(): Column { return this.order(false, true); }
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
