import { afterEach, describe, expect, it } from 'vitest';
import {
  BOOLEAN, DOUBLE, INT, MemoryStream, STRING, Session, StructType, col, explode, lit, lower, split, upper, type Row,
} from 'caudal';

// Stateless queries in append mode: each batch's rows go through the projection/filter chain once.

type Order = { line: string; qty: number | null; price: number; rush: boolean };

const schema = new StructType().add('line', STRING).add('qty', INT).add('price', DOUBLE).add('rush', BOOLEAN);

const batches: Order[][] = [
  [
    { line: 'Red Apple', qty: 3, price: 2.5, rush: false },
    { line: 'green Pear', qty: 0, price: 12, rush: true },
    { line: 'Big Melon', qty: 2, price: 15, rush: false },
  ],
  [
    { line: 'Lime', qty: 5, price: 1, rush: true },
    { line: 'Fig Jam', qty: null, price: 30, rush: true },
    { line: 'Plum', qty: 1, price: 3, rush: false },
  ],
];

let session: Session | undefined;
afterEach(async () => { await session?.stop(); session = undefined; });

describe('stateless streaming queries (append mode)', () => {
  it('select, filter, withColumn, withColumnRenamed, drop, cast, arithmetic, comparisons and boolean logic', async () => {
    session = Session.builder().create();
    const stream = new MemoryStream(session, schema);
    const df = stream.toDF()
      .withColumn('total', col('qty').multiply(col('price')))
      .withColumnRenamed('line', 'item')
      // Kept: an order with a positive quantity that is rushed or expensive, or one with no quantity.
      .filter(col('qty').gt(0).and(col('rush').or(col('price').geq(10))).or(col('qty').isNull()))
      .select(
        upper(col('item')).alias('shout'), lower('item').alias('quiet'), col('total'),
        col('qty').cast('string').alias('qtyText'), col('qty').mod(2).eq(0).alias('even'),
        col('price').minus(1).divide(2).alias('half'), col('price').lt(lit(10)).not().alias('pricey'),
        col('rush').alias('rushed'), col('qty').plus(1).negate().alias('neg'),
      )
      .drop('rushed');
    expect(df.isStreaming).toBe(true);
    expect(df.columns).toEqual(['shout', 'quiet', 'total', 'qtyText', 'even', 'half', 'pricey', 'neg']);

    const query = await df.writeStream.format('memory').queryName('orders').start();
    const expected: Row[] = [];
    for (const batch of batches) {
      stream.addData(batch);
      await query.processAllAvailable();
      for (const o of batch) {
        const keep = (o.qty !== null && o.qty > 0 && (o.rush || o.price >= 10)) || o.qty === null;
        if (!keep) continue;
        expected.push({
          shout: o.line.toUpperCase(), quiet: o.line.toLowerCase(),
          total: o.qty === null ? null : o.qty * o.price,
          qtyText: o.qty === null ? null : String(o.qty),
          even: o.qty === null ? null : o.qty % 2 === 0,
          half: (o.price - 1) / 2,
          pricey: !(o.price < 10),
          neg: o.qty === null ? null : -(o.qty + 1),
        });
      }
      expect(await session.table('orders').collect()).toEqual(expected);
    }
    // Exactly these rows: Big Melon (expensive), Lime (rushed), Fig Jam (null quantity).
    expect(expected.map((r) => r.quiet)).toEqual(['big melon', 'lime', 'fig jam']);
    expect(query.recentProgress.map((p) => [p.batchId, p.numInputRows, p.sink.numOutputRows])).toEqual([[0, 3, 1], [1, 3, 2]]);
  });

  it('filter and where with SQL strings, selectExpr', async () => {
    session = Session.builder().create();
    const stream = new MemoryStream(session, schema);
    const df = stream.toDF().where('qty >= 1 AND NOT rush').selectExpr('upper(line) AS item', 'qty * 10 AS tens').filter("item != 'PLUM'");
    const query = await df.writeStream.format('memory').queryName('sql_strings').start();
    for (const b of batches) stream.addData(b);
    await query.processAllAvailable();
    expect(await session.table('sql_strings').orderBy('item').collect()).toEqual([
      { item: 'BIG MELON', tens: 20 },
      { item: 'RED APPLE', tens: 30 },
    ]);
  });

  it('explode(split(...)) yields one row per word, lower-cased', async () => {
    session = Session.builder().create();
    const stream = new MemoryStream(session, schema);
    const words = stream.toDF().select(explode(split(lower(col('line')), ' ')).alias('word'), col('qty'));
    const query = await words.writeStream.format('memory').queryName('words').start();
    const expected: Row[] = [];
    for (const batch of batches) {
      stream.addData(batch);
      await query.processAllAvailable();
      for (const o of batch) for (const w of o.line.toLowerCase().split(' ')) expected.push({ word: w, qty: o.qty });
      expect(await session.table('words').collect()).toEqual(expected);
    }
    expect(expected).toHaveLength(10);
  });

  it('union of two streams carries the rows of both, batch by batch', async () => {
    session = Session.builder().create();
    const left = new MemoryStream(session, new StructType().add('k', STRING).add('v', INT));
    const right = new MemoryStream(session, new StructType().add('name', STRING).add('amount', INT));
    const both = left.toDF().union(right.toDF().filter(col('amount').ne(0)));
    expect(both.columns).toEqual(['k', 'v']);
    const query = await both.writeStream.format('memory').queryName('both').start();

    left.addData([{ k: 'l1', v: 1 }, { k: 'l2', v: 2 }]);
    right.addData([{ name: 'r1', amount: 10 }, { name: 'r0', amount: 0 }]);
    await query.processAllAvailable();
    expect(await session.table('both').orderBy('k').collect()).toEqual([
      { k: 'l1', v: 1 }, { k: 'l2', v: 2 }, { k: 'r1', v: 10 },
    ]);

    right.addData([{ name: 'r2', amount: 20 }]);
    await query.processAllAvailable();
    left.addData([{ k: 'l3', v: 3 }]);
    await query.processAllAvailable();
    expect(await session.table('both').orderBy('k').collect()).toEqual([
      { k: 'l1', v: 1 }, { k: 'l2', v: 2 }, { k: 'l3', v: 3 }, { k: 'r1', v: 10 }, { k: 'r2', v: 20 },
    ]);
    // Each source reports its own rows; the query's input is their sum.
    const last = query.lastProgress!;
    expect(last.sources.map((s) => s.numInputRows)).toEqual([1, 0]);
    expect(last.numInputRows).toBe(1);
  });
});
