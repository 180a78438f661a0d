import { afterAll, describe, expect, it } from 'vitest';
import { Session, col, expr, type DataFrame } from 'caudal';

const session = Session.builder().create();
afterAll(async () => { await session.stop(); });

type Tuple = (number | string | null)[];
const L: Tuple[] = [[1, 'a'], [2, 'b'], [null, 'n'], [4, 'd'], [1, 'e']];
const R: Tuple[] = [[1, 'x'], [3, 'z'], [1, 'y'], [null, 'm']];
const left = session.createDataFrame(L, 'id INT, l STRING');
const right = session.createDataFrame(R, 'id INT, r STRING');

async function tuples(df: DataFrame): Promise<Tuple[]> {
  return (await df.collect()).map((row) => df.columns.map((c) => row[c] as number | string | null));
}

/** An independent nested-loop join over plain arrays: pairs in left order, then unmatched right rows. */
function reference(l: Tuple[], r: Tuple[], match: (a: Tuple, b: Tuple) => boolean, how: string): Tuple[] {
  const out: Tuple[] = [];
  const rightMatched = new Set<number>();
  const nullsL = l[0]!.map(() => null);
  const nullsR = r[0]!.map(() => null);
  for (const a of l) {
    const hits = r.flatMap((b, j) => (match(a, b) ? [j] : []));
    hits.forEach((j) => rightMatched.add(j));
    if (how === 'semi') { if (hits.length) out.push(a); continue; }
    if (how === 'anti') { if (!hits.length) out.push(a); continue; }
    for (const j of hits) out.push([...a, ...r[j]!]);
    if (!hits.length && (how === 'left' || how === 'full')) out.push([...a, ...nullsR]);
  }
  if (how === 'right' || how === 'full') r.forEach((b, j) => { if (!rightMatched.has(j)) out.push([...nullsL, ...b]); });
  return out;
}

const sqlEq = (a: Tuple, b: Tuple): boolean => a[0] !== null && b[0] !== null && a[0] === b[0];

describe('static joins', () => {
  it('every join type on a condition matches a nested-loop reference, and null keys never match', async () => {
    const cond = col('id').eq(col('rid'));
    const r2 = right.withColumnRenamed('id', 'rid');
    for (const how of ['inner', 'left', 'right', 'full', 'semi', 'anti'] as const) {
      expect(await tuples(left.join(r2, cond, how)), how).toEqual(reference(L, R, sqlEq, how));
    }
    expect(await tuples(left.join(r2, cond, 'left_outer'))).toEqual(reference(L, R, sqlEq, 'left'));
    expect(await tuples(left.join(r2, cond, 'outer'))).toEqual(reference(L, R, sqlEq, 'full'));
    expect(await tuples(left.join(r2, cond, 'leftanti'))).toEqual(reference(L, R, sqlEq, 'anti'));
  });

  it('joins on column names keep one column per name (USING), as Spark', async () => {
    expect(left.join(right, 'id').columns).toEqual(['id', 'l', 'r']);
    expect(await tuples(left.join(right, 'id'))).toEqual([[1, 'a', 'x'], [1, 'a', 'y'], [1, 'e', 'x'], [1, 'e', 'y']]);
    expect(await tuples(left.join(right, ['id'], 'left'))).toEqual([
      [1, 'a', 'x'], [1, 'a', 'y'], [2, 'b', null], [null, 'n', null], [4, 'd', null], [1, 'e', 'x'], [1, 'e', 'y'],
    ]);
    // Right outer: the key comes from the right side; full outer: the coalesce of both.
    expect(await tuples(left.join(right, 'id', 'right'))).toEqual([
      [1, 'a', 'x'], [1, 'a', 'y'], [1, 'e', 'x'], [1, 'e', 'y'], [3, null, 'z'], [null, null, 'm'],
    ]);
    expect(await tuples(left.join(right, 'id', 'full_outer'))).toEqual([
      [1, 'a', 'x'], [1, 'a', 'y'], [2, 'b', null], [null, 'n', null], [4, 'd', null], [1, 'e', 'x'], [1, 'e', 'y'],
      [3, null, 'z'], [null, null, 'm'],
    ]);
    expect(await tuples(left.join(right, 'id', 'left_semi'))).toEqual([[1, 'a'], [1, 'e']]);
    expect(await tuples(left.join(right, 'id', 'anti'))).toEqual([[2, 'b'], [null, 'n'], [4, 'd']]);
    expect(left.join(right, 'id', 'full').schema.fields.map((f) => [f.name, f.nullable])).toEqual([['id', true], ['l', true], ['r', true]]);
  });

  it('joins on several key columns', async () => {
    const a = session.createDataFrame([[1, 'k', 10], [1, 'j', 11], [2, 'k', 12]], 'id INT, k STRING, v INT');
    const b = session.createDataFrame([[1, 'k', 'p'], [2, 'j', 'q'], [2, 'k', 'r']], 'id INT, k STRING, w STRING');
    expect(await tuples(a.join(b, ['id', 'k']))).toEqual([[1, 'k', 10, 'p'], [2, 'k', 12, 'r']]);
  });

  it('evaluates non-equality conditions as a nested loop, and cross joins every pair', async () => {
    const a = session.createDataFrame([[1], [5]], 'x INT');
    const b = session.createDataFrame([[2], [3], [6]], 'y INT');
    expect(await tuples(a.join(b, col('x').lt(col('y')), 'left'))).toEqual([[1, 2], [1, 3], [1, 6], [5, 6]]);
    expect(await tuples(a.join(b, expr('x > y'), 'full'))).toEqual([[1, null], [5, 2], [5, 3], [null, 6]]);
    expect(await tuples(a.crossJoin(b))).toEqual([[1, 2], [1, 3], [1, 6], [5, 2], [5, 3], [5, 6]]);
    expect(await tuples(a.join(b))).toEqual(await tuples(a.crossJoin(b)));
    expect(await a.join(b, null, 'cross').count()).toBe(6);
  });

  it('equi keys plus a time-range residual in one SQL condition', async () => {
    const at = (hhmm: string): Date => new Date(`2024-01-01T${hhmm}:00Z`);
    const impressions = session.createDataFrame([{ l_id: 1, l_ts: at('12:00') }, { l_id: 2, l_ts: at('12:00') }]);
    const clicks = session.createDataFrame([
      { r_id: 1, r_ts: at('12:30') }, { r_id: 1, r_ts: at('13:01') }, { r_id: 2, r_ts: at('11:59') }, { r_id: 2, r_ts: at('13:00') },
    ]);
    const joined = impressions.join(clicks, expr('l_id = r_id AND r_ts BETWEEN l_ts AND l_ts + INTERVAL 1 HOUR'));
    const rows = (await joined.collect()).map((r) => [r.l_id, (r.r_ts as Date).toISOString().slice(11, 16)]);
    expect(rows).toEqual([[1, '12:30'], [2, '13:00']]);
  });

  it('timestamp plus or minus an interval (used by time-range join conditions)', async () => {
    const df = session.createDataFrame([{ ts: new Date('2024-01-31T10:00:00Z') }, { ts: null }], 'ts TIMESTAMP');
    const rows = await df.select(
      expr('ts + INTERVAL 1 HOUR').alias('h'), expr('ts - INTERVAL 90 MINUTES').alias('m'),
      expr('ts + INTERVAL 1 MONTH').alias('mo'), expr('INTERVAL 2 DAYS + ts').alias('d'),
    ).collect();
    expect(rows).toEqual([
      { h: new Date('2024-01-31T11:00:00Z'), m: new Date('2024-01-31T08:30:00Z'), mo: new Date('2024-02-29T10:00:00Z'), d: new Date('2024-02-02T10:00:00Z') },
      { h: null, m: null, mo: null, d: null },
    ]);
    expect(df.select(expr('ts + INTERVAL 1 HOUR')).columns).toEqual(["(ts + INTERVAL '1 hours')"]);
  });

  it('null-safe equality matches nulls with nulls', async () => {
    const r2 = right.withColumnRenamed('id', 'rid');
    expect(await tuples(left.join(r2, col('id').eqNullSafe(col('rid'))))).toEqual([
      [1, 'a', 1, 'x'], [1, 'a', 1, 'y'], [null, 'n', null, 'm'], [1, 'e', 1, 'x'], [1, 'e', 1, 'y'],
    ]);
  });

  it('qualifies columns with DataFrame aliases when both sides have the name', async () => {
    const joined = left.alias('a').join(right.alias('b'), col('a.id').eq(col('b.id')), 'left');
    expect(joined.columns).toEqual(['id', 'l', 'id', 'r']);
    expect(await joined.showString()).toBe([
      '+----+---+----+----+',
      '|  id|  l|  id|   r|',
      '+----+---+----+----+',
      '|   1|  a|   1|   x|',
      '|   1|  a|   1|   y|',
      '|   2|  b|null|null|',
      '|null|  n|null|null|',
      '|   4|  d|null|null|',
      '|   1|  e|   1|   x|',
      '|   1|  e|   1|   y|',
      '+----+---+----+----+',
      '',
    ].join('\n'));
    expect(joined.explainString()).toBe([
      "Join LeftOuter, (a.id = b.id)",
      ':- SubqueryAlias a',
      ':  +- LocalRelation [id, l]',
      '+- SubqueryAlias b',
      '   +- LocalRelation [id, r]',
    ].join('\n'));
  });

  it('reports ambiguous and unknown names, bad join types and bad USING columns', () => {
    expect(() => left.join(right, col('id').eq(col('id')))).toThrow('Reference `id` is ambiguous, could be: `id`, `id`');
    expect(() => left.alias('a').join(right.alias('b'), col('id').eq(col('b.id')))).toThrow(
      'Reference `id` is ambiguous, could be: `a`.`id`, `b`.`id`');
    expect(() => left.join(right, col('a.nope').eq(col('id')))).toThrow(
      'A column or function parameter with name `a.nope` cannot be resolved. Available columns: `id`, `l`, `id`, `r`');
    expect(() => left.join(right, 'id', 'sideways')).toThrow(
      "Unsupported join type 'sideways'. Supported join types include: 'inner', 'outer', 'full', 'fullouter', 'full_outer', " +
      "'leftouter', 'left', 'left_outer', 'rightouter', 'right', 'right_outer', 'leftsemi', 'left_semi', 'semi', " +
      "'leftanti', 'left_anti', 'anti', 'cross'.");
    expect(() => left.join(right, 'l')).toThrow(
      'USING column `l` cannot be resolved on the right side of the join. The right-side columns: [`id`, `r`]');
    expect(() => left.join(right, col('l'))).toThrow("Join condition 'l' must be a boolean, but has type string");
  });
});
