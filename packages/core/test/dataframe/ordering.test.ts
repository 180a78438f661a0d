import { afterEach, describe, expect, it } from 'vitest';
import { Session, asc, col, desc, type Row } from 'caudal';

// orderBy/sort: direction, null placement (Spark: nulls first ascending, last descending), several keys.

let session: Session | undefined;
afterEach(async () => { await session?.stop(); session = undefined; });

const rows = [
  { k: 'b', n: 2 }, { k: 'a', n: null }, { k: 'c', n: 2 }, { k: 'a', n: 10 }, { k: null, n: -1 }, { k: 'b', n: 1 },
];

function df() {
  session = Session.builder().create();
  return session.createDataFrame(rows, 'k STRING, n INT');
}

const ns = (r: readonly Row[]): unknown[] => r.map((x) => x.n);

describe('orderBy', () => {
  it('sorts ascending with nulls first and descending with nulls last by default', async () => {
    const d = df();
    expect(ns(await d.orderBy('n').collect())).toEqual([null, -1, 1, 2, 2, 10]);
    expect(ns(await d.orderBy(col('n').asc()).collect())).toEqual([null, -1, 1, 2, 2, 10]);
    expect(ns(await d.orderBy(col('n').desc()).collect())).toEqual([10, 2, 2, 1, -1, null]);
    expect(ns(await d.sort(desc('n')).collect())).toEqual([10, 2, 2, 1, -1, null]);
  });

  it('places nulls as asked', async () => {
    const d = df();
    expect(ns(await d.orderBy(col('n').asc_nulls_last()).collect())).toEqual([-1, 1, 2, 2, 10, null]);
    expect(ns(await d.orderBy(col('n').desc_nulls_first()).collect())).toEqual([null, 10, 2, 2, 1, -1]);
  });

  it('sorts by several keys, keeping the input order of ties (stable)', async () => {
    const d = df();
    expect(await d.orderBy(asc('k'), col('n').desc()).collect()).toEqual([
      { k: null, n: -1 }, { k: 'a', n: 10 }, { k: 'a', n: null }, { k: 'b', n: 2 }, { k: 'b', n: 1 }, { k: 'c', n: 2 },
    ]);
    expect((await d.orderBy('n').collect()).filter((r) => r.n === 2).map((r) => r.k)).toEqual(['b', 'c']);
    // Sorting by an expression.
    expect(ns(await d.orderBy(col('n').multiply(-1)).collect())).toEqual([null, 10, 2, 2, 1, -1]);
  });
});
