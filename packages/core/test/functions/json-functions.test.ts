import { afterAll, describe, expect, it } from 'vitest';
import {
  AnalysisError, LONG, STRING, Session, StructType, col, create_map, from_json, get_json_object, lit, struct, to_json,
} from 'caudal';
import { checkCase, errorOf, titled, valuesOf, type FunctionCase } from './helpers/function-cases.ts';

const session = Session.builder().config('spark.sql.session.timeZone', 'UTC').create();
afterAll(() => session.stop());

const df = session.createDataFrame([
  { j: '{"a": 1, "b": {"c": [10, 20.50]}, "s": "x\\ny", "d": 1e2}' },
  { j: '{"a": "notint", "b": null}' },
  { j: 'not json' },
  { j: null },
  { j: '[{"a": 2}, {"a": 3}]' },
  { j: '' },
  { j: "{'a': 7, 'e': [true, null]}" },
], 'j STRING');

const cases: FunctionCase[] = [
  { column: get_json_object('j', '$.a'), sql: "get_json_object(j, '$.a')", expected: ['1', 'notint', null, null, null, null, '7'], name: 'get_json_object(j, $.a)' },
  { column: get_json_object('j', '$.b.c[1]'), sql: "get_json_object(j, '$.b.c[1]')", expected: ['20.5', null, null, null, null, null, null] },
  { column: get_json_object('j', '$.b'), sql: "get_json_object(j, '$.b')", expected: ['{"c":[10,20.5]}', null, null, null, null, null, null] },
  { column: get_json_object('j', "$['s']"), sql: "get_json_object(j, '$[''s'']')", expected: ['x\ny', null, null, null, null, null, null] },
  { column: get_json_object('j', '$.d'), sql: "get_json_object(j, '$.d')", expected: ['100.0', null, null, null, null, null, null] },
  { column: get_json_object('j', '$[1].a'), sql: "get_json_object(j, '$[1].a')", expected: [null, null, null, null, '3', null, null] },
  { column: get_json_object('j', '$[*].a'), sql: "get_json_object(j, '$[*].a')", expected: [null, null, null, null, '[2,3]', null, null] },
  { column: get_json_object('j', '$.e'), sql: "get_json_object(j, '$.e')", expected: [null, null, null, null, null, null, '[true,null]'] },
  { column: get_json_object('j', 'a'), sql: "get_json_object(j, 'a')", expected: [null, null, null, null, null, null, null] },
  {
    // A field that does not fit its type is null and the others are kept; malformed text gives a struct of nulls.
    column: from_json('j', 'a INT, s STRING'), sql: "from_json(j, 'a INT, s STRING')",
    expected: [{ a: 1, s: 'x\ny' }, { a: null, s: null }, { a: null, s: null }, null, { a: null, s: null }, null, { a: 7, s: null }],
  },
  {
    column: from_json('j', new StructType().add('a', LONG).add('b', STRING)), sql: "from_json(j, 'struct<a:bigint,b:string>')",
    expected: [{ a: 1, b: '{"c":[10,20.5]}' }, { a: null, b: null }, { a: null, b: null }, null, { a: null, b: null }, null, { a: 7, b: null }],
  },
  {
    // A single object where an array of structs is expected is read as a one-element array.
    column: from_json('j', 'array<struct<a:int>>'), sql: "from_json(j, 'array<struct<a:int>>')",
    expected: [[{ a: 1 }], null, null, null, [{ a: 2 }, { a: 3 }], null, [{ a: 7 }]],
  },
  {
    column: from_json('j', 'map<string,string>'), sql: "from_json(j, 'map<string,string>')",
    expected: [
      new Map([['a', '1'], ['b', '{"c":[10,20.5]}'], ['s', 'x\ny'], ['d', '100.0']]),
      new Map([['a', 'notint'], ['b', null]]), null, null, null, null, new Map([['a', '7'], ['e', '[true,null]']]),
    ],
  },
  {
    column: from_json('j', 'e ARRAY<BOOLEAN>, d DOUBLE'), sql: "from_json(j, 'e ARRAY<BOOLEAN>, d DOUBLE')",
    expected: [{ e: null, d: 100 }, { e: null, d: null }, { e: null, d: null }, null, { e: null, d: null }, null, { e: [true, null], d: null }],
  },
];

describe('JSON functions', () => {
  it.each(titled(cases))('%s', async (_title, c) => {
    await checkCase(df, c);
  });

  it('writes structs, arrays and maps as Spark does, leaving null fields out', async () => {
    const typed = session.createDataFrame([
      { name: 'a"b\u0001', score: 1, ts: new Date('2024-01-02T03:04:05.678Z'), d: '2024-01-02', tags: ['x', null], props: { k: 1 } },
      { name: null, score: NaN, ts: null, d: null, tags: null, props: null },
    ], 'name STRING, score DOUBLE, ts TIMESTAMP, d DATE, tags ARRAY<STRING>, props MAP<STRING,INT>');
    const all = struct('name', 'score', 'ts', 'd', 'tags', 'props');
    const expected = [
      '{"name":"a\\"b\\u0001","score":1.0,"ts":"2024-01-02T03:04:05.678Z","d":"2024-01-02","tags":["x",null],"props":{"k":1}}',
      '{"score":"NaN"}',
    ];
    expect(await valuesOf(typed, to_json(all))).toEqual(expected);
    expect(await valuesOf(typed, 'to_json(struct(name, score, ts, d, tags, props))')).toEqual(expected);
    expect(await valuesOf(typed, to_json('tags'))).toEqual(['["x",null]', null]);
    expect(await valuesOf(typed, 'to_json(props)')).toEqual(['{"k":1}', null]);
    expect(await valuesOf(typed, to_json(struct('ts'), { timestampFormat: 'yyyy/MM/dd HH:mm' }))).toEqual(['{"ts":"2024/01/02 03:04"}', '{}']);
    expect(await valuesOf(typed, "to_json(struct(name, ts), map('ignoreNullFields', 'false'))"))
      .toEqual(['{"name":"a\\"b\\u0001","ts":"2024-01-02T03:04:05.678Z"}', '{"name":null,"ts":null}']);
    expect(typed.select(to_json(all)).columns).toEqual(['to_json(struct(name, score, ts, d, tags, props))']);
  });

  it('gives null for blank text and a struct of nulls for a JSON null, as Spark 3', async () => {
    const odd = session.createDataFrame([{ j: '   ' }, { j: 'null' }, { j: '{"a": 1} trailing' }], 'j STRING');
    expect(await valuesOf(odd, from_json('j', 'a INT'))).toEqual([null, { a: null }, { a: 1 }]);
    expect(await valuesOf(odd, "from_json(j, 'array<int>')")).toEqual([null, null, null]);
  });

  it('reads back what to_json wrote', async () => {
    const typed = session.createDataFrame([{ n: 1, s: 'x', l: [1.5, 2] }, { n: null, s: 'y', l: [] }], 'n INT, s STRING, l ARRAY<DOUBLE>');
    const rows = await typed.select(from_json(to_json(struct('n', 's', 'l')), 'n INT, s STRING, l ARRAY<DOUBLE>').alias('v')).collect();
    expect(rows).toEqual([{ v: { n: 1, s: 'x', l: [1.5, 2] } }, { v: { n: null, s: 'y', l: [] } }]);
  });

  it('reads timestamps and dates with the session zone or the given formats', async () => {
    const ts = session.createDataFrame([{ j: '{"t": "2024-05-06 07:08:09", "d": "06/05/2024", "e": 0}' }], 'j STRING');
    const rows = await ts.select(
      from_json('j', 't TIMESTAMP, e TIMESTAMP').alias('a'),
      from_json('j', 'd DATE', { dateFormat: 'dd/MM/yyyy' }).alias('b'),
    ).collect();
    expect(rows).toEqual([{ a: { t: new Date('2024-05-06T07:08:09Z'), e: new Date(0) }, b: { d: new Date('2024-05-06T00:00:00Z') } }]);
  });

  it('fails on the first malformed record in FAILFAST mode', async () => {
    const expected = "[MALFORMED_RECORD_IN_PARSING] Malformed records are detected in record parsing: not json. Parse Mode: FAILFAST. To process malformed records as null result, try setting the option 'mode' as 'PERMISSIVE'.";
    const bad = df.filter(col('j').eq('not json'));
    expect((await errorOf(() => bad.select(from_json('j', 'a INT', { mode: 'FAILFAST' })).collect())).message).toBe(expected);
    expect((await errorOf(() => bad.selectExpr("from_json(j, 'a INT', map('mode', 'FAILFAST'))").collect())).message).toBe(expected);
    const notInt = df.filter(col('j').like('%notint%'));
    expect((await errorOf(() => notInt.select(from_json('j', 'a INT', { mode: 'FAILFAST' })).collect())).message)
      .toBe(expected.replace('not json', '{"a": "notint", "b": null}'));
    expect((await errorOf(() => df.select(from_json('j', 'a INT', { mode: 'DROPMALFORMED' })).collect())).message)
      .toBe("from_json() doesn't support the DROPMALFORMED mode. Acceptable modes are PERMISSIVE and FAILFAST.");
  });

  it('checks schemas and argument types', async () => {
    const err = await errorOf(() => df.select(from_json('j', 'int')));
    expect(err).toBeInstanceOf(AnalysisError);
    expect(err.message).toBe("Cannot resolve 'from_json(j, int)' due to data type mismatch: Input schema int must be a struct, an array or a map.");
    expect((await errorOf(() => df.selectExpr('from_json(j, j)'))).message)
      .toBe("Cannot resolve 'from_json(j, j)': argument 2 of from_json must be a constant literal");
    expect((await errorOf(() => df.select(to_json('j')))).message)
      .toBe("Cannot resolve 'to_json(j)' due to data type mismatch: argument 1 of to_json requires struct, array or map, but got string");
    expect((await errorOf(() => df.selectExpr("to_json(array(1), 'x')"))).message)
      .toBe("Cannot resolve 'to_json(array(1), x)' due to data type mismatch: argument 2 of to_json requires map<string,string>, but got string");
    expect((await errorOf(() => df.select(to_json(create_map(lit('a'), lit(1)), { a: 'b' }), from_json('j', 'a INT, b')))).message)
      .toBe("Cannot parse the schema of 'from_json(j, a INT, b)': Syntax error at or near end of input (line 1, column 9)\n\n== DDL ==\na INT, b\n--------^");
  });
});
