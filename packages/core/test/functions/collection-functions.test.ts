import { afterAll, describe, expect, it } from 'vitest';
import {
  AnalysisError, Session, array, array_contains, col, concat, create_map, element_at, lit, size, struct,
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
];

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
    expect((await errorOf(() => df.selectExpr('element_at(s, 1)'))).message)
      .toBe("Cannot resolve 'element_at(s, 1)' due to data type mismatch: argument 1 of element_at requires (array or map), but got string");
    expect((await errorOf(() => df.selectExpr("array(n, m)"))).message)
      .toBe("Cannot resolve 'array(n, m)' due to data type mismatch: input to function array should all be the same type, but it's [int, map<string,int>]");
    expect((await errorOf(() => df.selectExpr("named_struct(s, n)"))).message)
      .toBe("Cannot resolve 'named_struct(s, n)': argument 1 of named_struct must be a constant literal");
  });
});
