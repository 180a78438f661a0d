import { afterAll, describe, expect, it } from 'vitest';
import { Session, col, count, explode, explode_outer, lit, posexplode, split, type Row } from 'caudal';
import { GroupTable } from '../../src/aggregate/group-table.ts';
import { STRING } from '../../src/types/data-type.ts';

// Fast paths for string work (split by a plain pattern, string keys in the group table, comparison with a
// string constant, generators under a projection): each gives exactly what the general path gives.

const session = Session.builder().config('spark.sql.session.timeZone', 'UTC').create();
afterAll(() => session.stop());

const texts = ['a b', ' a  b ', '', ' ', 'uno', 'x, y,, z', 'é ü 😀 x', '\u2028 \u00a0 b', null];
const df = session.createDataFrame(texts.map((s, i) => ({ id: i, s })), 'id INT, s STRING');

const values = (rows: Row[]): unknown[][] => rows.map((r) => Object.values(r));

describe('split by a plain pattern', () => {
  it('splits as the regular expression does, keeping leading and trailing empty strings', async () => {
    const rows = await df.select('id', split(col('s'), ' ').alias('plain'), split(col('s'), '[ ]').alias('regex'),
      split(col('s'), ', ').alias('plain2'), split(col('s'), '(, )').alias('regex2')).collect();
    for (const r of rows) {
      expect(r['plain']).toEqual(r['regex']);
      expect(r['plain2']).toEqual(r['regex2']);
    }
    expect(rows.map((r) => r['plain'])).toEqual([
      ['a', 'b'], ['', 'a', '', 'b', ''], [''], ['', ''], ['uno'], ['x,', 'y,,', 'z'], ['é', 'ü', '😀', 'x'], ['\u2028', '\u00a0', 'b'], null,
    ]);
    expect(rows[5]!['plain2']).toEqual(['x', 'y,', 'z']);
  });

  it('with a positive limit keeps the rest in the last element', async () => {
    const rows = await df.filter(col('id').eq(1)).select(split(col('s'), ' ', 3).alias('p')).collect();
    expect(rows[0]!['p']).toEqual(['', 'a', ' b ']);
  });
});

describe('string grouping keys', () => {
  it('count every distinct key, null, empty, long and non-ASCII ones included, as a Map counts them', async () => {
    const keys: (string | null)[] = [];
    for (let i = 0; i < 5000; i++) {
      const k = i % 7 === 0 ? null : i % 11 === 0 ? '' : i % 13 === 0 ? `long-${'x'.repeat(70)}-${i % 3}` : `k${(i * 7919) % 1500}${i % 5 === 0 ? 'é' : ''}`;
      keys.push(k);
    }
    const expected = new Map<string | null, number>();
    for (const k of keys) expected.set(k, (expected.get(k) ?? 0) + 1);
    const rows = await session.createDataFrame(keys.map((k) => ({ k })), 'k STRING').groupBy('k').agg(count('*').alias('n')).collect();
    expect(rows.length).toBe(expected.size);
    for (const r of rows) expect(r['n']).toBe(expected.get(r['k'] as string | null));
  });

  it('give a removed key a new slot when it comes back, and keep the others', () => {
    const table = new GroupTable([STRING]);
    const vec = (xs: (string | null)[]) => [{ kind: 'obj' as const, type: STRING, values: xs }];
    const first = table.findOrInsert(vec(['a', 'b', null, 'a', 'c'.repeat(80)]), 5);
    expect([...first]).toEqual([0, 1, 2, 0, 3]);
    table.remove(1);
    const inserted: number[] = [];
    const second = table.findOrInsert(vec(['b', 'a', 'c'.repeat(80), null, 'd']), 5, inserted);
    // 'b' reuses the freed slot 1; 'd' is new.
    expect([...second]).toEqual([1, 0, 3, 2, 4]);
    expect(inserted).toEqual([1, 4]);
    expect(table.find(['b'])).toBe(1);
    expect(table.size).toBe(5);
  });
});

describe('comparison with a string constant', () => {
  it('gives the rows the column-to-column comparison gives, nulls never matching', async () => {
    const withConst = df.withColumn('k', lit(' '));
    for (const [fast, general] of [
      [col('s').ne(''), col('s').ne(col('e'))],
      [col('s').eq(' '), col('s').eq(col('k'))],
      [col('s').lt('b'), col('s').lt(col('b'))],
      [lit('b').leq(col('s')), col('b').leq(col('s'))],
      [col('s').gt('a b'), col('s').gt(col('ab'))],
      [lit('uno').geq(col('s')), col('u').geq(col('s'))],
    ] as const) {
      const base = withConst.withColumn('e', lit('')).withColumn('b', lit('b')).withColumn('ab', lit('a b')).withColumn('u', lit('uno'));
      expect(values(await base.filter(fast).select('id').collect())).toEqual(values(await base.filter(general).select('id').collect()));
    }
    expect(values(await df.filter(col('s').ne('')).select('id').collect())).toEqual([[0], [1], [3], [4], [5], [6], [7]]);
  });
});

describe('generators under a projection', () => {
  it('repeat only the columns the projection reads, with the same rows', async () => {
    const words = df.select(col('id'), explode(split(col('s'), ' ')).alias('w'));
    expect(values(await words.filter(col('id').leq(2)).collect())).toEqual([[0, 'a'], [0, 'b'], [1, ''], [1, 'a'], [1, ''], [1, 'b'], [1, ''], [2, '']]);
    const onlyWords = await df.select(explode(split(col('s'), ' ')).alias('w')).collect();
    expect(onlyWords.map((r) => r['w'])).toEqual((await words.collect()).map((r) => r['w']));
    const outer = await df.filter(col('id').geq(7)).select(explode_outer(split(col('s'), ' ')).alias('w'), col('id')).collect();
    expect(values(outer)).toEqual([['\u2028', 7], ['\u00a0', 7], ['b', 7], [null, 8]]);
    const pos = await df.filter(col('id').eq(0)).select(posexplode(split(col('s'), ' '))).collect();
    expect(values(pos)).toEqual([[0, 'a'], [1, 'b']]);
  });

  it('explode maps with and without the other columns', async () => {
    const maps = session.createDataFrame([{ id: 1, m: { x: 1, y: null } }, { id: 2, m: {} }], 'id INT, m MAP<STRING,INT>');
    expect(values(await maps.select(explode(col('m'))).collect())).toEqual([['x', 1], ['y', null]]);
    expect(values(await maps.select(explode(col('m')), col('id')).collect())).toEqual([['x', 1, 1], ['y', null, 1]]);
    expect(values(await maps.select(col('id').plus(1).alias('next'), explode_outer(col('m'))).collect())).toEqual([[2, 'x', 1], [2, 'y', null], [3, null, null]]);
  });
});
