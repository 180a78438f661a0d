import { afterAll, describe, expect, it } from 'vitest';
import {
  AnalysisError, Session, array, array_contains, array_sort, col, concat, create_map, element_at, lit, size, sort_array, struct,
} from 'caudal';
import { checkCase, errorOf, titled, valuesOf, type FunctionCase } from './helpers/function-cases.ts';

const session = Session.builder().config('spark.sql.session.timeZone', 'UTC').create();
afterAll(() => session.stop());

const df = session.createDataFrame([
  { arr: [1, 2, 3], m: { a: 1, b: 2 }, s: 'a', n: 1 },
  { arr: [], m: {}, s: 'b', n: -1 },
  { arr: null, m: null, s: null, n: null },
  { arr: [4, null, 6], m: { c: 3 }, s: 'c', n: 2 },
], 'arr ARRAY<INT>, m MAP<STRING,INT>, s STRING, n INT');

const cases: FunctionCase[] = [
  { column: size('arr'), sql: 'size(arr)', expected: [3, 0, -1, 3], name: 'size(arr)' },
  { column: size('m'), sql: 'size(m)', expected: [2, 0, -1, 1] },
  { column: array('n', lit(10)), sql: 'array(n, 10)', expected: [[1, 10], [-1, 10], [null, 10], [2, 10]], name: 'array(n, 10)' },
  { column: array(lit(1.5), 'n'), sql: 'array(1.5, n)', expected: [[1.5, 1], [1.5, -1], [1.5, null], [1.5, 2]] },
  // No match but a null element: unknown, so null (three-valued logic).
  { column: array_contains('arr', 2), sql: 'array_contains(arr, 2)', expected: [true, false, null, null], name: 'array_contains(arr, 2)' },
  { column: array_contains('arr', 6), sql: 'array_contains(arr, 6)', expected: [false, false, null, true] },
  { column: array_contains('arr', col('n')), sql: 'array_contains(arr, n)', expected: [true, false, null, null] },
  { column: element_at('arr', 1), sql: 'element_at(arr, 1)', expected: [1, null, null, 4], name: 'element_at(arr, 1)' },
  { column: element_at('arr', -1), sql: 'element_at(arr, -1)', expected: [3, null, null, 6] },
  { column: element_at('arr', 4), sql: 'element_at(arr, 4)', expected: [null, null, null, null] },
  { column: element_at('arr', col('n')), sql: 'element_at(arr, n)', expected: [1, null, null, null] },
  { column: element_at('m', 'b'), sql: "element_at(m, 'b')", expected: [2, null, null, null] },
  { column: element_at('m', col('s')), sql: 'element_at(m, s)', expected: [1, null, null, 3] },
  {
    column: struct('s', 'n'), sql: 'struct(s, n)', name: 'struct(s, n)',
    expected: [{ s: 'a', n: 1 }, { s: 'b', n: -1 }, { s: null, n: null }, { s: 'c', n: 2 }],
  },
  {
    column: struct(col('s').alias('x'), 'n'), sql: "named_struct('x', s, 'n', n)",
    expected: [{ x: 'a', n: 1 }, { x: 'b', n: -1 }, { x: null, n: null }, { x: 'c', n: 2 }],
  },
  {
    column: create_map(lit('k'), 'n'), sql: "map('k', n)", name: 'map(k, n)',
    expected: [new Map([['k', 1]]), new Map([['k', -1]]), new Map([['k', null]]), new Map([['k', 2]])],
  },
  { column: concat('arr', array('n')), sql: 'concat(arr, array(n))', expected: [[1, 2, 3, 1], [-1], null, [4, null, 6, 2]] },
  // sort_array: nulls first ascending, last descending; array_sort: ascending, nulls last.
  { column: sort_array('arr'), sql: 'sort_array(arr)', expected: [[1, 2, 3], [], null, [null, 4, 6]], name: 'sort_array(arr, true)' },
  { column: sort_array('arr', false), sql: 'sort_array(arr, false)', expected: [[3, 2, 1], [], null, [6, 4, null]], name: 'sort_array(arr, false)' },
  { column: sort_array(array(col('n'), lit(0))), sql: 'sort_array(array(n, 0), true)', expected: [[0, 1], [-1, 0], [null, 0], [0, 2]] },
  { column: array_sort('arr'), sql: 'array_sort(arr)', expected: [[1, 2, 3], [], null, [4, 6, null]] },
];

// Every element type Spark orders: NaN above every number (-0.0 and 0.0 equal, so kept in order), strings by
// code point (U+FFFF before a character outside the BMP), arrays and structs element by element with nulls first.
const toSort = session.createDataFrame([{
  d: [3.0, NaN, -1.0, null, -0.0, 0.0],
  s: ['b', 'a', 'B', 'é', '😀', '\uffff', null],
  aa: [[2, 1], [1], null, [1, null]],
  st: [{ a: 2, b: 'x' }, { a: null, b: 'y' }, null, { a: 2, b: 'a' }],
  bo: [true, null, false],
  ts: [new Date(86_400_000), null, new Date(0)],
}], 'd ARRAY<DOUBLE>, s ARRAY<STRING>, aa ARRAY<ARRAY<INT>>, st ARRAY<STRUCT<a: INT, b: STRING>>, bo ARRAY<BOOLEAN>, ts ARRAY<TIMESTAMP>');

async function sorted(e: string): Promise<unknown[]> {
  const [row] = await toSort.selectExpr(`${e} AS v`).collect();
  return row!.v as unknown[];
}

describe('array, map and struct functions', () => {
  it.each(titled(cases))('%s', async (_title, c) => {
    await checkCase(df, c);
  });

  it('names struct fields after their columns, col<n> otherwise, as Spark', () => {
    expect(df.select(struct('s', 'n').alias('v')).schema.simpleString()).toBe('struct<v:struct<s:string,n:int>>');
    expect(df.selectExpr('struct(s, n + 1) AS v').schema.simpleString()).toBe('struct<v:struct<s:string,col2:int>>');
    expect(df.selectExpr('(s, n) AS v').schema.simpleString()).toBe('struct<v:struct<s:string,n:int>>');
    expect(df.select(struct(col('s').alias('x'), 'n').alias('v')).schema.simpleString()).toBe('struct<v:struct<x:string,n:int>>');
  });

  it('reads struct fields back with getField and dotted names', async () => {
    const rows = await df.select(struct('s', 'n').alias('v')).selectExpr('v.s', 'v.n + 1 AS m').collect();
    expect(rows).toEqual([{ s: 'a', m: 2 }, { s: 'b', m: 0 }, { s: null, m: null }, { s: 'c', m: 3 }]);
  });

  it('keeps the element type of array() and the types of map()', () => {
    expect(df.select(array('n', lit(1.5)).alias('v')).schema.simpleString()).toBe('struct<v:array<double>>');
    expect(df.selectExpr("map('k', n) AS v").schema.simpleString()).toBe('struct<v:map<string,int>>');
    expect(df.select(size('arr').alias('v')).schema.fields[0]!.nullable).toBe(false);
  });

  it('sorts arrays of every orderable element type in Spark\'s order', async () => {
    expect(await sorted('sort_array(d)')).toEqual([null, -1, -0, 0, 3, NaN]);
    expect(await sorted('sort_array(d, false)')).toEqual([NaN, 3, -0, 0, -1, null]);
    expect(await sorted('array_sort(d)')).toEqual([-1, -0, 0, 3, NaN, null]);
    expect(await sorted('sort_array(s)')).toEqual([null, 'B', 'a', 'b', 'é', '\uffff', '😀']);
    expect(await sorted('sort_array(s, false)')).toEqual(['😀', '\uffff', 'é', 'b', 'a', 'B', null]);
    expect(await sorted('array_sort(s)')).toEqual(['B', 'a', 'b', 'é', '\uffff', '😀', null]);
    expect(await sorted('sort_array(aa)')).toEqual([null, [1], [1, null], [2, 1]]);
    expect(await sorted('sort_array(aa, false)')).toEqual([[2, 1], [1, null], [1], null]);
    expect(await sorted('array_sort(aa)')).toEqual([[1], [1, null], [2, 1], null]);
    expect(await sorted('sort_array(st)')).toEqual([null, { a: null, b: 'y' }, { a: 2, b: 'a' }, { a: 2, b: 'x' }]);
    expect(await sorted('sort_array(st, false)')).toEqual([{ a: 2, b: 'x' }, { a: 2, b: 'a' }, { a: null, b: 'y' }, null]);
    expect(await sorted('array_sort(st)')).toEqual([{ a: null, b: 'y' }, { a: 2, b: 'a' }, { a: 2, b: 'x' }, null]);
    expect(await sorted('sort_array(bo)')).toEqual([null, false, true]);
    expect(await sorted('array_sort(bo)')).toEqual([false, true, null]);
    expect(await sorted('sort_array(ts, false)')).toEqual([new Date(86_400_000), new Date(0), null]);
    // The input is left as it was.
    expect(await sorted('d')).toEqual([3, NaN, -1, null, -0, 0]);
  });

  it('sorts by a constant order; a NULL order or array gives null', async () => {
    expect(await valuesOf(df, 'sort_array(arr, NULL)')).toEqual([null, null, null, null]);
    expect(await valuesOf(df, 'sort_array(NULL)')).toEqual([null, null, null, null]);
    expect(df.selectExpr('sort_array(arr)', 'SORT_ARRAY(arr, false)').columns).toEqual(['sort_array(arr, true)', 'sort_array(arr, false)']);
    // Spark names array_sort(arr) after the default comparator it fills in.
    expect(df.select(array_sort('arr')).columns).toEqual([
      'array_sort(arr, lambdafunction((IF(((namedlambdavariable() IS NULL) AND (namedlambdavariable() IS NULL)), 0, (IF((namedlambdavariable() IS NULL), 1, '
      + '(IF((namedlambdavariable() IS NULL), -1, (IF((namedlambdavariable() < namedlambdavariable()), -1, (IF((namedlambdavariable() > namedlambdavariable()), 1, 0)))))))))), '
      + 'namedlambdavariable(), namedlambdavariable()))',
    ]);
  });

  it('refuses what cannot be sorted', async () => {
    expect((await errorOf(() => df.selectExpr('sort_array(m)'))).message)
      .toBe("Cannot resolve 'sort_array(m, true)' due to data type mismatch: argument 1 of sort_array requires array, but got map<string,int>");
    expect((await errorOf(() => df.selectExpr('sort_array(array(m))'))).message)
      .toBe("Cannot resolve 'sort_array(array(m), true)' due to data type mismatch: sort_array does not support ordering on type array<map<string,int>>");
    expect((await errorOf(() => df.selectExpr('sort_array(arr, n > 0)'))).message)
      .toBe("Cannot resolve 'sort_array(arr, (n > 0))': argument 2 of sort_array must be a constant literal");
    expect((await errorOf(() => df.selectExpr("sort_array(arr, 'true')"))).message)
      .toBe("Cannot resolve 'sort_array(arr, true)' due to data type mismatch: argument 2 of sort_array requires boolean, but got string");
    expect((await errorOf(() => df.selectExpr('array_sort(arr, 1)'))).message)
      .toBe("Cannot resolve 'array_sort(arr, 1)': array_sort with a comparator function is not supported; use array_sort(arr) or sort_array(arr, asc)");
    expect((await errorOf(() => df.selectExpr('array_sort(s)'))).message)
      .toBe("Cannot resolve 'array_sort(s, " + 'lambdafunction((IF(((namedlambdavariable() IS NULL) AND (namedlambdavariable() IS NULL)), 0, (IF((namedlambdavariable() IS NULL), 1, '
      + '(IF((namedlambdavariable() IS NULL), -1, (IF((namedlambdavariable() < namedlambdavariable()), -1, (IF((namedlambdavariable() > namedlambdavariable()), 1, 0)))))))))), '
      + "namedlambdavariable(), namedlambdavariable()))' due to data type mismatch: argument 1 of array_sort requires array, but got string");
  });

  it('fails the query for element_at index 0 (arrays are 1-based)', async () => {
    const err = await errorOf(() => df.select(element_at('arr', 0)).collect());
    expect(err.message).toBe('[INVALID_INDEX_OF_ZERO] The index 0 is invalid. An index shall be either < 0 or > 0 (the first element has index 1).');
  });

  it('fails the query for a null map key', async () => {
    const err = await errorOf(() => valuesOf(df, create_map('s', 'n')));
    expect(err.message).toBe('[NULL_MAP_KEY] Cannot use null as map key.');
  });

  it('checks argument types', async () => {
    const err = await errorOf(() => df.select(size('s')));
    expect(err).toBeInstanceOf(AnalysisError);
    expect(err.message).toBe("Cannot resolve 'size(s)' due to data type mismatch: argument 1 of size requires (array or map), but got string");
    expect((await errorOf(() => df.selectExpr("array_contains(arr, 'x')"))).message)
      .toBe("Cannot resolve 'array_contains(arr, x)' due to data type mismatch: Input to function array_contains should have been array followed by a value with same element type, but it's [array<int>, string]");
    // Spark 4.0.1 rejects an untyped NULL on either side; a typed null is fine (a null result).
    expect((await errorOf(() => df.selectExpr('array_contains(arr, NULL)'))).message)
      .toBe("Cannot resolve 'array_contains(arr, NULL)' due to data type mismatch: Null typed values cannot be used as arguments of `array_contains`");
    expect((await errorOf(() => df.selectExpr('array_contains(NULL, 1)'))).message)
      .toBe("Cannot resolve 'array_contains(NULL, 1)' due to data type mismatch: Null typed values cannot be used as arguments of `array_contains`");
    expect((await df.selectExpr('array_contains(arr, CAST(NULL AS INT)) AS v').collect()).map((r) => r.v)).toEqual([null, null, null, null]);
    expect((await errorOf(() => df.selectExpr('element_at(s, 1)'))).message)
      .toBe("Cannot resolve 'element_at(s, 1)' due to data type mismatch: argument 1 of element_at requires (array or map), but got string");
    expect((await errorOf(() => df.selectExpr("array(n, m)"))).message)
      .toBe("Cannot resolve 'array(n, m)' due to data type mismatch: input to function array should all be the same type, but it's [int, map<string,int>]");
    expect((await errorOf(() => df.selectExpr("named_struct(s, n)"))).message)
      .toBe("Cannot resolve 'named_struct(s, n)': argument 1 of named_struct must be a constant literal");
  });
});
