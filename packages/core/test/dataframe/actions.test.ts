import { afterEach, describe, expect, it } from 'vitest';
import { Session, col } from 'caudal';

// Actions on a static DataFrame: collect, count, first, take, head.

let session: Session | undefined;
afterEach(async () => { await session?.stop(); session = undefined; });

describe('actions', () => {
  it('collect, count, first, take and head', async () => {
    session = Session.builder().create();
    const df = session.createDataFrame([{ n: 3 }, { n: 1 }, { n: 2 }], 'n INT');
    expect(await df.collect()).toEqual([{ n: 3 }, { n: 1 }, { n: 2 }]);
    expect(await df.count()).toBe(3);
    expect(await df.first()).toEqual({ n: 3 });
    expect(await df.take(2)).toEqual([{ n: 3 }, { n: 1 }]);
    expect(await df.take(0)).toEqual([]);
    expect(await df.take(10)).toEqual([{ n: 3 }, { n: 1 }, { n: 2 }]);
    expect(await df.head()).toEqual([{ n: 3 }]);
    expect(await df.head(2)).toEqual([{ n: 3 }, { n: 1 }]);

    const none = df.filter(col('n').gt(5));
    expect(await none.collect()).toEqual([]);
    expect(await none.count()).toBe(0);
    expect(await none.first()).toBeNull();
  });

  it('a DataFrame is immutable: transformations return new ones and leave the original as it was', async () => {
    session = Session.builder().create();
    const df = session.createDataFrame([{ n: 1 }, { n: 2 }], 'n INT');
    const filtered = df.filter(col('n').gt(1));
    const widened = df.withColumn('m', col('n').plus(1));
    expect(await df.collect()).toEqual([{ n: 1 }, { n: 2 }]);
    expect(await filtered.collect()).toEqual([{ n: 2 }]);
    expect(await widened.collect()).toEqual([{ n: 1, m: 2 }, { n: 2, m: 3 }]);
    expect(df.columns).toEqual(['n']);
  });
});
