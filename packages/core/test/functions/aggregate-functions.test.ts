import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  AnalysisError, DOUBLE, MemoryStream, STRING, Session, StructType, approxCountDistinct, approx_count_distinct, bool_and,
  bool_or, col, collect_list, collect_set, count_if, every, expr, first, last, mean, some, stddev, stddev_pop, stddev_samp,
  var_pop, var_samp, variance,
} from 'caudal';
import { errorOf } from './helpers/function-cases.ts';

const sessions: Session[] = [];
afterAll(async () => { for (const s of sessions) await s.stop(); });
const session = Session.builder().config('spark.sql.session.timeZone', 'UTC').create();
sessions.push(session);

const df = session.createDataFrame([
  { k: 'a', v: 1.0, s: 'x' },
  { k: 'a', v: null, s: 'y' },
  { k: 'a', v: 3.0, s: 'x' },
  { k: 'b', v: 5.0, s: null },
  { k: 'c', v: null, s: null },
  { k: 'b', v: 5.0, s: 'z' },
  { k: 'd', v: 2.0, s: 'w' },
], 'k STRING, v DOUBLE, s STRING');

describe('aggregate functions on static data', () => {
  it('first, last, collect_list and collect_set per group, through the Column API and SQL text', async () => {
    const expected = [
      { k: 'a', f: 1, fi: 1, l: 3, li: 'x', cl: [1, 3], cs: ['x', 'y'] },
      { k: 'b', f: 5, fi: 5, l: 5, li: 'z', cl: [5, 5], cs: ['z'] },
      { k: 'c', f: null, fi: null, l: null, li: null, cl: [], cs: [] },
      { k: 'd', f: 2, fi: 2, l: 2, li: 'w', cl: [2], cs: ['w'] },
    ];
    const viaColumns = await df.groupBy('k').agg(
      first('v').alias('f'), first('v', true).alias('fi'), last('v').alias('l'), last('s', true).alias('li'),
      collect_list('v').alias('cl'), collect_set('s').alias('cs'),
    ).orderBy('k').collect();
    expect(viaColumns).toEqual(expected);
    const viaSql = await df.groupBy('k').agg(
      expr('first(v)').alias('f'), expr('first(v, true)').alias('fi'), expr('last(v)').alias('l'), expr('last(s, true)').alias('li'),
      expr('collect_list(v)').alias('cl'), expr('collect_set(s)').alias('cs'),
    ).orderBy('k').collect();
    expect(viaSql).toEqual(expected);
  });

  it('min and max order NaN above every number, whichever row comes first (Spark: min(NaN, 1) = 1)', async () => {
    const nan = session.createDataFrame([
      { k: 'nan-first', v: Number.NaN }, { k: 'nan-first', v: 1 }, { k: 'nan-first', v: -2 },
      { k: 'nan-last', v: 4 }, { k: 'nan-last', v: Number.NaN },
      { k: 'only-nan', v: Number.NaN },
    ], 'k STRING, v DOUBLE');
    const rows = await nan.groupBy('k').agg(expr('min(v) AS lo'), expr('max(v) AS hi')).orderBy('k').collect();
    expect(rows).toEqual([
      { k: 'nan-first', lo: -2, hi: Number.NaN },
      { k: 'nan-last', lo: 4, hi: Number.NaN },
      { k: 'only-nan', lo: Number.NaN, hi: Number.NaN },
    ]);
  });

  it('first and last keep nulls unless told to ignore them', async () => {
    const rows = await df.filter(col('k').eq('a')).groupBy('k').agg(last('s'), first('s'), expr('last(v)'), expr('last(v, false)')).collect();
    expect(rows).toEqual([{ k: 'a', 'last(s)': 'x', 'first(s)': 'x', 'last(v)': 3, 'last(v, false)': 3 }]);
    const nullLast = session.createDataFrame([{ v: 1 }, { v: null }], 'v INT');
    expect(await nullLast.groupBy().agg(last('v'), last('v', true).alias('li'), first('v')).collect()).toEqual([{ 'last(v)': null, li: 1, 'first(v)': 1 }]);
  });

  it('count_if, bool_and / every and bool_or / some / any per group, through the Column API and SQL text', async () => {
    // Groups: a = [1, null, 3], b = [5, 5], c = [null], d = [2]. count_if counts true rows only; the boolean
    // aggregates skip nulls and are null for a group without values.
    const big = col('v').gt(2);
    const viaColumns = await df.groupBy('k').agg(
      count_if(big), bool_and(big), every(big), bool_or(big), some(big), count_if(col('s').isNull()), bool_or(col('s').eq('x')),
    ).orderBy('k').collect();
    const viaSql = await df.groupBy('k').agg(
      expr('count_if(v > 2)'), expr('bool_and(v > 2)'), expr('EVERY(v > 2)'), expr('bool_or(v > 2)'), expr('some(v > 2)'),
      expr('count_if(s IS NULL)'), expr("any(s = 'x')"),
    ).orderBy('k').collect();
    const cols = ['k', 'count_if((v > 2))', 'bool_and((v > 2))', 'every((v > 2))', 'bool_or((v > 2))', 'some((v > 2))', 'count_if((s IS NULL))'];
    const rows = [
      ['a', 1, false, false, true, true, 0, true],
      ['b', 2, true, true, true, true, 1, false],
      ['c', 0, null, null, null, null, 1, null],
      ['d', 0, false, false, false, false, 0, false],
    ];
    const expected = (last: string) => rows.map((r) => Object.fromEntries([...cols, last].map((c, i) => [c, r[i]])));
    expect(viaColumns).toEqual(expected('bool_or((s = x))'));
    expect(viaSql).toEqual(expected('any((s = x))'));
    expect(df.groupBy('k').agg(count_if(big), bool_and(big)).schema.simpleString())
      .toBe('struct<k:string,count_if((v > 2)):bigint,bool_and((v > 2)):boolean>');
  });

  it('count_if and the boolean aggregates over a whole DataFrame, with DISTINCT and an untyped NULL', async () => {
    expect(await df.selectExpr('count_if(v > 2) AS n', 'count_if(DISTINCT v > 2) AS d', 'bool_and(v > 0) AS all_pos', 'count_if(NULL) AS z', 'bool_or(NULL) AS o').collect())
      .toEqual([{ n: 3, d: 1, all_pos: true, z: 0, o: null }]);
    expect((await errorOf(() => df.groupBy('k').agg(expr('count_if(v)')))).message)
      .toBe("Cannot resolve 'count_if(v)' due to data type mismatch: argument 1 of count_if requires boolean, but got double");
    expect((await errorOf(() => df.groupBy('k').agg(expr("bool_and('true')")))).message)
      .toBe("Cannot resolve 'bool_and(true)' due to data type mismatch: argument 1 of bool_and requires boolean, but got string");
    expect((await errorOf(() => df.groupBy('k').agg(expr('some(v > 1, v > 2)')))).message)
      .toBe("Function some takes 1 argument, but 2 were given in 'some((v > 1), (v > 2))'");
  });

  it('standard deviation and variance: sample ones are null for a single value, all are null without values', async () => {
    const rows = await df.groupBy('k').agg(
      stddev('v'), stddev_samp('v'), stddev_pop('v'), variance('v'), var_samp('v'), var_pop('v'), mean('v'),
    ).orderBy('k').collect();
    const row = (k: string, samp: number | null, pop: number | null, avg: number | null) => ({
      k, 'stddev(v)': samp === null ? null : Math.sqrt(samp), 'stddev_samp(v)': samp === null ? null : Math.sqrt(samp),
      'stddev_pop(v)': pop === null ? null : Math.sqrt(pop), 'variance(v)': samp, 'var_samp(v)': samp, 'var_pop(v)': pop, 'avg(v)': avg,
    });
    expect(rows).toEqual([row('a', 2, 1, 2), row('b', 0, 0, 5), row('c', null, null, null), row('d', null, 0, 2)]);
    const viaSql = await df.groupBy('k').agg(expr('stddev_samp(v)'), expr('var_pop(v)')).orderBy('k').collect();
    expect(viaSql.map((r) => [r['stddev_samp(v)'], r['var_pop(v)']])).toEqual([[Math.SQRT2, 1], [0, 0], [null, null], [null, 0]]);
  });

  it('computes variance stably for large values with a small spread (Welford)', async () => {
    const big = session.createDataFrame([1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16].map((v) => ({ v })), 'v DOUBLE');
    expect(await big.groupBy().agg(var_samp('v'), var_pop('v'), stddev_pop('v')).collect()).toEqual([{ 'var_samp(v)': 30, 'var_pop(v)': 22.5, 'stddev_pop(v)': Math.sqrt(22.5) }]);
  });

  it('aggregates a whole DataFrame in select and selectExpr', async () => {
    expect(await df.select(approx_count_distinct('s'), collect_set('k')).collect()).toEqual([{ 'approx_count_distinct(s)': 4, 'collect_set(k)': ['a', 'b', 'c', 'd'] }]);
    expect(await df.selectExpr('var_samp(v) AS vs', 'approx_count_distinct(k) AS n').collect()).toEqual([{ vs: 3.2, n: 4 }]);
  });

  it('counts distinct values exactly for small sets and within the error bound for large ones', async () => {
    for (const n of [0, 1, 2, 10, 100, 400]) {
      const values = session.createDataFrame(Array.from({ length: n * 2 }, (_, i) => ({ s: `key-${i % Math.max(n, 1)}`, i: i % Math.max(n, 1) })), 's STRING, i INT');
      const [row] = await values.groupBy().agg(approx_count_distinct('s').alias('s'), approx_count_distinct('i').alias('i')).collect();
      expect(row).toEqual({ s: n, i: n });
    }
    const many = session.createDataFrame(Array.from({ length: 50_000 }, (_, i) => ({ s: `user-${i}`, i })), 's STRING, i INT');
    const [est] = await many.groupBy().agg(
      approx_count_distinct('s').alias('s'), approx_count_distinct('i').alias('i'), approxCountDistinct('i', 0.01).alias('fine'),
    ).collect();
    // Two standard deviations: 10% for the default rsd 0.05, 2% for rsd 0.01.
    expect(Math.abs((est!.s as number) - 50_000) / 50_000).toBeLessThan(0.1);
    expect(Math.abs((est!.i as number) - 50_000) / 50_000).toBeLessThan(0.1);
    expect(Math.abs((est!.fine as number) - 50_000) / 50_000).toBeLessThan(0.02);
  });

  it('gives the types Spark gives', () => {
    const schema = df.groupBy('k').agg(first('v'), collect_list('s'), approx_count_distinct('s'), stddev('v')).schema;
    expect(schema.simpleString()).toBe('struct<k:string,first(v):double,collect_list(s):array<string>,approx_count_distinct(s):bigint,stddev(v):double>');
  });

  it('checks arguments', async () => {
    expect((await errorOf(() => df.groupBy('k').agg(expr('first(v, s)')))).message)
      .toBe("The second argument in first should be a boolean literal, in 'first(v, s)'");
    const err = await errorOf(() => df.groupBy('k').agg(expr('stddev(k = s)')));
    expect(err).toBeInstanceOf(AnalysisError);
    expect(err.message).toBe("Cannot resolve 'stddev((k = s))' due to data type mismatch: function stddev requires numeric type, but got boolean");
    expect((await errorOf(() => df.groupBy('k').agg(expr('stddev(array(v))')))).message)
      .toBe("Cannot resolve 'stddev(array(v))' due to data type mismatch: function stddev requires numeric type, but got array<double>");
    expect((await errorOf(() => df.groupBy('k').agg(approx_count_distinct('s', 0.5)))).message)
      .toBe('HLL++ requires at least 4 bits for addressing. Use a lower error, at most 39%.');
    expect((await errorOf(() => df.groupBy('k').agg(expr('collect_list(v, s)')))).message)
      .toBe("Function collect_list takes 1 argument, but 2 were given in 'collect_list(v, s)'");
  });
});

describe('aggregate functions in a streaming query', () => {
  it('update incrementally across micro-batches (update mode, memory sink)', async () => {
    const s = Session.builder().config('spark.sql.session.timeZone', 'UTC').create();
    sessions.push(s);
    const stream = new MemoryStream(s, new StructType().add('k', STRING).add('v', DOUBLE).add('s', STRING));
    const q = await stream.toDF().groupBy('k').agg(
      first('v').alias('f'), last('v').alias('l'), collect_list('v').alias('cl'), collect_set('s').alias('cs'),
      approx_count_distinct('s').alias('n'), stddev_pop('v').alias('sd'), var_samp('v').alias('vs'),
    ).writeStream.format('memory').queryName('agg_updates').outputMode('update').start();

    stream.addData([{ k: 'a', v: 1, s: 'x' }, { k: 'b', v: 10, s: 'p' }, { k: 'a', v: 3, s: 'y' }]);
    await q.processAllAvailable();
    stream.addData([{ k: 'a', v: 5, s: 'x' }, { k: 'c', v: null, s: null }]);
    await q.processAllAvailable();
    stream.addData([{ k: 'b', v: 20, s: 'q' }, { k: 'a', v: null, s: 'z' }]);
    await q.processAllAvailable();
    await q.stop();

    // Update mode appends the groups each batch changed; values carry over between batches.
    const rows = await s.table('agg_updates').collect();
    expect(rows).toEqual([
      { k: 'a', f: 1, l: 3, cl: [1, 3], cs: ['x', 'y'], n: 2, sd: 1, vs: 2 },
      { k: 'b', f: 10, l: 10, cl: [10], cs: ['p'], n: 1, sd: 0, vs: null },
      { k: 'a', f: 1, l: 5, cl: [1, 3, 5], cs: ['x', 'y'], n: 2, sd: Math.sqrt(8 / 3), vs: 4 },
      { k: 'c', f: null, l: null, cl: [], cs: [], n: 0, sd: null, vs: null },
      { k: 'b', f: 10, l: 20, cl: [10, 20], cs: ['p', 'q'], n: 2, sd: 5, vs: 50 },
      { k: 'a', f: 1, l: null, cl: [1, 3, 5], cs: ['x', 'y', 'z'], n: 3, sd: Math.sqrt(8 / 3), vs: 4 },
    ]);
  });

  it('count_if, bool_and and bool_or carry their state across batches and a restart from the checkpoint', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'caudal-fn-bool-agg-'));
    try {
      const s = Session.builder().config('spark.sql.session.timeZone', 'UTC').create();
      sessions.push(s);
      const stream = new MemoryStream(s, new StructType().add('k', STRING).add('v', DOUBLE).add('s', STRING));
      const start = () => stream.toDF().groupBy('k').agg(
        count_if(col('v').gt(2)).alias('n'), bool_and(col('v').gt(0)).alias('all'), bool_or(col('s').eq('x')).alias('any'),
      ).writeStream.format('memory').queryName('bool_agg_restart').outputMode('update').option('checkpointLocation', dir).start();

      let q = await start();
      stream.addData([{ k: 'a', v: 3, s: 'y' }, { k: 'b', v: null, s: null }]);
      await q.processAllAvailable();
      stream.addData([{ k: 'a', v: 5, s: null }, { k: 'b', v: 1, s: 'z' }]);
      await q.processAllAvailable();
      await q.stop();

      stream.addData([{ k: 'a', v: -1, s: 'x' }, { k: 'b', v: null, s: null }]);
      q = await start();
      await q.processAllAvailable();
      await q.stop();
      // The memory sink of the restarted query holds its own batch only: state from before the restart.
      expect(await s.table('bool_agg_restart').orderBy('k').collect()).toEqual([
        { k: 'a', n: 2, all: false, any: true },
        { k: 'b', n: 0, all: true, any: false },
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('carry their state through a checkpoint across a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'caudal-fn-agg-'));
    try {
      const s = Session.builder().config('spark.sql.session.timeZone', 'UTC').create();
      sessions.push(s);
      const stream = new MemoryStream(s, new StructType().add('k', STRING).add('v', DOUBLE).add('s', STRING));
      const start = () => stream.toDF().groupBy('k').agg(
        last('v').alias('l'), collect_set('s').alias('cs'), approx_count_distinct('s').alias('n'), var_pop('v').alias('vp'),
      ).writeStream.format('memory').queryName('agg_restart').outputMode('complete').option('checkpointLocation', dir).start();

      let q = await start();
      // Enough distinct values in group b for its sketch to switch from the exact to the dense form.
      stream.addData([{ k: 'a', v: 1, s: 'x' }, ...Array.from({ length: 700 }, (_, i) => ({ k: 'b', v: i, s: `s${i}` }))]);
      await q.processAllAvailable();
      await q.stop();

      stream.addData([{ k: 'a', v: 3, s: 'y' }, { k: 'b', v: 700, s: 's0' }]);
      q = await start();
      await q.processAllAvailable();
      await q.stop();
      const rows = await s.table('agg_restart').orderBy('k').collect();
      expect(rows[0]).toEqual({ k: 'a', l: 3, cs: ['x', 'y'], n: 2, vp: 1 });
      const b = rows[1]!;
      expect([b.k, b.l, (b.cs as unknown[]).length, b.vp]).toEqual(['b', 700, 700, (701 * 701 - 1) / 12]);
      expect(Math.abs((b.n as number) - 700) / 700).toBeLessThan(0.1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
