import { afterAll, describe, expect, it } from 'vitest';
import { AnalysisError, Session, coalesce, col, ifnull, isnan, isnull, lit, nullif, nvl, nvl2, when } from 'caudal';
import { checkCase, errorOf, titled, valuesOf, type FunctionCase } from './helpers/function-cases.ts';

const session = Session.builder().config('spark.sql.session.timeZone', 'UTC').create();
afterAll(() => session.stop());

const df = session.createDataFrame([
  { a: 'p', n: 1, x: 1.5, b: true },
  { a: null, n: null, x: NaN, b: false },
  { a: 'q', n: 5, x: null, b: null },
], 'a STRING, n INT, x DOUBLE, b BOOLEAN');

const cases: FunctionCase[] = [
  {
    column: when(col('n').gt(2), 'big').when(col('n').eq(1), 'one').otherwise('other'),
    sql: "CASE WHEN n > 2 THEN 'big' WHEN n = 1 THEN 'one' ELSE 'other' END",
    expected: ['one', 'other', 'big'],
    name: 'CASE WHEN (n > 2) THEN big WHEN (n = 1) THEN one ELSE other END',
  },
  { column: when(col('b'), col('n')), sql: 'CASE WHEN b THEN n END', expected: [1, null, null] },
  // Branch values are widened to a common type (int and double to double).
  { column: when(col('b'), col('n')).otherwise(col('x')), sql: 'CASE WHEN b THEN n ELSE x END', expected: [1, NaN, null] },
  { column: when(col('a').isNull(), lit(null)).otherwise(col('a')), sql: 'CASE WHEN a IS NULL THEN NULL ELSE a END', expected: ['p', null, 'q'] },
  { column: coalesce('a', lit('z')), sql: "coalesce(a, 'z')", expected: ['p', 'z', 'q'], name: 'coalesce(a, z)' },
  { column: coalesce('x', 'n'), sql: 'coalesce(x, n)', expected: [1.5, NaN, 5] },
  { column: coalesce('b'), sql: 'coalesce(b)', expected: [true, false, null] },
  { column: coalesce(lit(null), 'n', lit(7)), sql: 'coalesce(NULL, n, 7)', expected: [1, 7, 5] },
  { column: isnull('a'), sql: 'isnull(a)', expected: [false, true, false], name: '(a IS NULL)' },
  { column: isnull('x'), sql: 'isnull(x)', expected: [false, false, true] },
  { column: isnan('x'), sql: 'isnan(x)', expected: [false, true, false], name: 'isnan(x)' },
  { column: isnan('n'), sql: 'isnan(n)', expected: [false, false, false] },
  { column: nvl(col('n'), lit(0)), sql: 'nvl(n, 0)', expected: [1, 0, 5], name: 'nvl(n, 0)' },
  { column: ifnull('a', lit('none')), sql: "ifnull(a, 'none')", expected: ['p', 'none', 'q'] },
  { column: nvl('b', lit(true)), sql: 'nvl(b, true)', expected: [true, false, true] },
  // nvl2(x, a, b): a where x is not null; a and b widened to a common type.
  { column: nvl2('a', 'n', 'x'), sql: 'nvl2(a, n, x)', expected: [1, NaN, 5], name: 'nvl2(a, n, x)' },
  { column: nvl2('b', lit('y'), lit('n')), sql: "nvl2(b, 'y', 'n')", expected: ['y', 'y', 'n'] },
  // nullif(a, b): null where a = b (NaN equals NaN, as in Spark's =), else a with a's type.
  { column: nullif('n', lit(5)), sql: 'nullif(n, 5)', expected: [1, null, null], name: 'nullif(n, 5)' },
  { column: nullif('x', 'x'), sql: 'nullif(x, x)', expected: [null, null, null] },
  { column: nullif('a', lit('p')), sql: "nullif(a, 'p')", expected: [null, null, 'q'] },
  { column: nullif('n', lit('1')), sql: "nullif(n, '1')", expected: [null, null, 5] },
  { column: nullif('x', 'n'), sql: 'nullif(x, n)', expected: [1.5, NaN, null] },
  { column: nullif('b', lit(true)), sql: 'nullif(b, true)', expected: [null, false, null] },
];

/** `if` has no Column API function in PySpark (its `when` is the Column form); SQL text only. */
const ifCases: readonly (readonly [string, string, readonly unknown[]])[] = [
  // A null condition takes the else branch.
  ['if(b, n, x)', '(IF(b, n, x))', [1, NaN, null]],
  ["if(n > 2, 'big', 'small')", '(IF((n > 2), big, small))', ['small', 'small', 'big']],
  ['IF(b, a, NULL)', '(IF(b, a, NULL))', ['p', null, null]],
  ['if(b, b, NULL)', '(IF(b, b, NULL))', [true, null, null]],
  ['if(NULL, 1, 2)', '(IF(NULL, 1, 2))', [2, 2, 2]],
  ["if(b, 1, 'x')", '(IF(b, 1, x))', ['1', 'x', 'x']],
  ['if(b, array(n), array())', '(IF(b, array(n), array()))', [[1], [], []]],
  ['if(b, 1, 2) + 1', '((IF(b, 1, 2)) + 1)', [2, 3, 3]],
];

describe('null and conditional functions', () => {
  it.each(titled(cases))('%s', async (_title, c) => {
    await checkCase(df, c);
  });

  it.each(ifCases)('%s', async (sql, name, expected) => {
    expect(await valuesOf(df, sql)).toEqual(expected);
    expect(df.selectExpr(sql).columns).toEqual([name]);
  });

  it('types if, nvl2 and nullif as Spark does', () => {
    const schema = df.selectExpr('if(b, n, x) AS i', "if(b, n, 'x') AS s", 'nvl2(a, n, 5) AS v', "nullif(n, '1') AS ni", 'nullif(a, NULL) AS na').schema;
    expect(schema.simpleString()).toBe('struct<i:double,s:string,v:int,ni:int,na:string>');
  });

  it('treats a plain string in when/otherwise as a literal, not a column name', async () => {
    expect(await valuesOf(df, when(col('b'), 'a').otherwise('n'))).toEqual(['a', 'n', 'n']);
  });

  it('gives coalesce the common type of its arguments', () => {
    expect(df.select(coalesce('n', 'x').alias('c')).schema.fields[0]!.dataType).toEqual({ kind: 'double' });
    expect(df.select(coalesce('a', 'n').alias('c')).schema.fields[0]!.dataType).toEqual({ kind: 'string' });
    expect(df.select(isnull('a').alias('c')).schema.fields[0]!.nullable).toBe(false);
  });

  it('refuses when/otherwise on columns that did not come from when()', async () => {
    expect((await errorOf(() => col('a').otherwise(1))).message).toBe('otherwise() can only be applied on a Column previously generated by when()');
    expect((await errorOf(() => col('a').when(col('b'), 1))).message).toBe('when() can only be applied on a Column previously generated by when() function');
    expect((await errorOf(() => when(col('b'), 1).otherwise(2).otherwise(3))).message)
      .toBe('otherwise() can only be applied once on a Column previously generated by when()');
    expect((await errorOf(() => when(col('b'), 1).otherwise(2).when(col('b'), 3))).message)
      .toBe('when() cannot be applied once otherwise() is applied');
  });

  it('checks arity and types', async () => {
    expect((await errorOf(() => df.selectExpr('coalesce()'))).message)
      .toBe("Function coalesce takes at least 1 argument, but 0 were given in 'coalesce()'");
    expect((await errorOf(() => df.selectExpr('nvl(n)'))).message)
      .toBe("Function nvl takes 2 arguments, but 1 were given in 'nvl(n)'");
    const err = await errorOf(() => df.selectExpr('nvl(n, array(1))'));
    expect(err).toBeInstanceOf(AnalysisError);
    expect(err.message).toBe("Cannot resolve 'nvl(n, array(1))' due to data type mismatch: input to function nvl should all be the same type, but it's [int, array<int>]");
    expect((await errorOf(() => df.selectExpr("isnan('x', 1)"))).message)
      .toBe("Function isnan takes 1 argument, but 2 were given in 'isnan(x, 1)'");
    expect((await errorOf(() => df.select(when(col('a'), 1)))).message)
      .toBe("Cannot resolve 'CASE WHEN a THEN 1 END' due to data type mismatch: expected a boolean, but got string");
    expect((await errorOf(() => df.selectExpr('if(n, 1, 2)'))).message)
      .toBe("Cannot resolve '(IF(n, 1, 2))' due to data type mismatch: argument 1 of if requires boolean, but got int");
    expect((await errorOf(() => df.selectExpr('if(b, 1)'))).message)
      .toBe("Function if takes 3 arguments, but 2 were given in 'if(b, 1)'");
    expect((await errorOf(() => df.selectExpr("if(b, array(1), 'x')"))).message)
      .toBe("Cannot resolve '(IF(b, array(1), x))' due to data type mismatch: input to function if should all be the same type, but it's [array<int>, string]");
    expect((await errorOf(() => df.selectExpr("nvl2(a, n, array(1))"))).message)
      .toBe("Cannot resolve 'nvl2(a, n, array(1))' due to data type mismatch: input to function nvl2 should all be the same type, but it's [int, array<int>]");
    expect((await errorOf(() => df.selectExpr("nullif(map('k', 1), map('k', 1))"))).message)
      .toBe("Cannot resolve 'nullif(map(k, 1), map(k, 1))' due to data type mismatch: nullif cannot compare values of type map<string,int>");
    expect((await errorOf(() => df.selectExpr('nullif(n, array(1))'))).message)
      .toBe("Cannot resolve 'nullif(n, array(1))' due to data type mismatch: nullif compares values of incompatible types (int and array<int>)");
  });
});
