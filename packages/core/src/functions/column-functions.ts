import { Column, literalExpr, nameOrColumn, toExpr, type ColumnOrValue } from '../dataframe/column.ts';
import type { Expr, GeneratorFn } from '../expr/expression.ts';
import { parseExpression } from '../expr/parser/parse-expression.ts';

/**
 * The function library as PySpark's `pyspark.sql.functions`: `col`, `lit`, `expr`, string functions,
 * generators and aggregates. Arguments that name columns accept a column name or a Column.
 */
export type ColumnOrName = Column | string;

export function col(name: string): Column {
  return new Column(nameOrColumn(name));
}

export const column = col;

export function lit(value: ColumnOrValue): Column {
  return value instanceof Column ? value : new Column(literalExpr(value));
}

/** A Spark SQL expression string: `expr("CAST(value AS STRING)")`, `expr("explode(split(value, ' '))")`. */
export function expr(text: string): Column {
  return new Column(parseExpression(text));
}

function arg(c: ColumnOrName): Expr {
  return nameOrColumn(c);
}

/** Calls a scalar function of the registry by name (the generic form behind the named helpers). */
export function callFunction(name: string, ...args: (ColumnOrName | ColumnOrValue)[]): Column {
  return new Column({ kind: 'call', name, args: args.map((a) => (typeof a === 'string' ? arg(a) : toExpr(a))) });
}

export function lower(c: ColumnOrName): Column {
  return new Column({ kind: 'call', name: 'lower', args: [arg(c)] });
}

export function upper(c: ColumnOrName): Column {
  return new Column({ kind: 'call', name: 'upper', args: [arg(c)] });
}

/** `split(str, pattern, limit = -1)`: the pattern is a regular expression, as in Spark. */
export function split(c: ColumnOrName, pattern: string, limit?: number): Column {
  const args: Expr[] = [arg(c), literalExpr(pattern)];
  if (limit !== undefined) args.push(literalExpr(limit));
  return new Column({ kind: 'call', name: 'split', args });
}

function generator(fn: GeneratorFn, c: ColumnOrName): Column {
  return new Column({ kind: 'generator', fn, child: arg(c) });
}

export function explode(c: ColumnOrName): Column { return generator('explode', c); }
export function explode_outer(c: ColumnOrName): Column { return generator('explode_outer', c); }
export function posexplode(c: ColumnOrName): Column { return generator('posexplode', c); }
export function posexplode_outer(c: ColumnOrName): Column { return generator('posexplode_outer', c); }

function aggregate(fn: string, c: ColumnOrName, distinct = false): Column {
  if (fn === 'count' && c === '*') return new Column({ kind: 'aggregate', fn, args: [], distinct: false, star: true });
  return new Column({ kind: 'aggregate', fn, args: [arg(c)], distinct });
}

/** `count('*')` counts rows; `count(col)` counts non-null values. */
export function count(c: ColumnOrName): Column { return aggregate('count', c); }
export function countDistinct(c: ColumnOrName, ...more: ColumnOrName[]): Column {
  return new Column({ kind: 'aggregate', fn: 'count', args: [c, ...more].map(arg), distinct: true });
}
export const count_distinct = countDistinct;
export function sum(c: ColumnOrName): Column { return aggregate('sum', c); }
export function sumDistinct(c: ColumnOrName): Column { return aggregate('sum', c, true); }
export function avg(c: ColumnOrName): Column { return aggregate('avg', c); }
export function mean(c: ColumnOrName): Column { return aggregate('mean', c); }
export function min(c: ColumnOrName): Column { return aggregate('min', c); }
export function max(c: ColumnOrName): Column { return aggregate('max', c); }

export function asc(c: string): Column { return col(c).asc(); }
export function desc(c: string): Column { return col(c).desc(); }
