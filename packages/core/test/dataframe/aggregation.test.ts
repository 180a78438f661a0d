import { afterEach, describe, expect, it } from 'vitest';
import { AnalysisError, Session, avg, col, count, max, min, sum, type Row } from 'caudal';

// groupBy().agg() and groupBy().count() on static data, against sums computed here.

type Sale = { region: string | null; item: string; qty: number | null; price: number };
const sales: Sale[] = [
  { region: 'north', item: 'tea', qty: 2, price: 3.5 },
  { region: 'south', item: 'tea', qty: 1, price: 3.5 },
  { region: 'north', item: 'cake', qty: 5, price: 2 },
  { region: null, item: 'tea', qty: 4, price: 3 },
  { region: 'south', item: 'cake', qty: null, price: 2.5 },
  { region: 'north', item: 'tea', qty: 3, price: 4 },
];

let session: Session | undefined;
afterEach(async () => { await session?.stop(); session = undefined; });

function df() {
  session = Session.builder().create();
  return session.createDataFrame(sales, 'region STRING, item STRING, qty BIGINT, price DOUBLE');
}

function expectedByRegion(): Row[] {
  const regions = [...new Set(sales.map((s) => s.region))];
  return regions.map((region) => {
    const mine = sales.filter((s) => s.region === region);
    const qtys = mine.map((s) => s.qty).filter((q): q is number => q !== null);
    let total = 0;
    for (const q of qtys) total += q;
    let priceSum = 0;
    for (const s of mine) priceSum += s.price;
    return {
      region, n: mine.length, qty: qtys.length ? total : null, avgPrice: priceSum / mine.length,
      cheapest: Math.min(...mine.map((s) => s.price)), lastItem: mine.map((s) => s.item).sort().at(-1),
    };
  }).sort((a, b) => (a.region === null ? -1 : b.region === null ? 1 : a.region.localeCompare(b.region)));
}

describe('static aggregation', () => {
  it('groupBy().agg() computes count, sum, avg, min and max per group (a null key is a group)', async () => {
    const rows = await df().groupBy('region').agg(
      count('*').alias('n'), sum('qty').alias('qty'), avg(col('price')).alias('avgPrice'),
      min('price').alias('cheapest'), max('item').alias('lastItem'),
    ).orderBy('region').collect();
    expect(rows).toEqual(expectedByRegion());
  });

  it('groupBy().count(), default column names, the dict form, and several keys', async () => {
    const d = df();
    expect(await d.groupBy('item').count().orderBy('item').collect()).toEqual([{ item: 'cake', count: 2 }, { item: 'tea', count: 4 }]);
    expect(d.groupBy('item').agg(count('*'), sum('qty'), avg('price'), min('qty'), max(col('price'))).columns)
      .toEqual(['item', 'count(1)', 'sum(qty)', 'avg(price)', 'min(qty)', 'max(price)']);
    expect(await d.groupBy('item').agg({ qty: 'max', price: 'avg' }).orderBy('item').collect()).toEqual([
      { item: 'cake', 'max(qty)': 5, 'avg(price)': 2.25 },
      { item: 'tea', 'max(qty)': 4, 'avg(price)': (3.5 + 3.5 + 3 + 4) / 4 },
    ]);
    expect(await d.groupBy('region', 'item').count().orderBy('region', 'item').collect()).toEqual([
      { region: null, item: 'tea', count: 1 },
      { region: 'north', item: 'cake', count: 1 },
      { region: 'north', item: 'tea', count: 2 },
      { region: 'south', item: 'cake', count: 1 },
      { region: 'south', item: 'tea', count: 1 },
    ]);
  });

  it('aggregates the whole DataFrame, and combines aggregates in expressions', async () => {
    const d = df();
    expect(await d.agg(count('qty').alias('withQty'), sum('qty').alias('units')).collect()).toEqual([{ withQty: 5, units: 15 }]);
    expect(await d.groupBy().count().collect()).toEqual([{ count: 6 }]);
    expect(await d.groupBy('item').agg(sum('qty').divide(count('*')).alias('perRow')).orderBy('item').collect()).toEqual([
      { item: 'cake', perRow: 5 / 2 }, { item: 'tea', perRow: 10 / 4 },
    ]);
    // No rows: a global aggregate still yields one row.
    expect(await d.filter(col('qty').gt(100)).agg(count('*').alias('n'), sum('qty').alias('s')).collect()).toEqual([{ n: 0, s: null }]);
  });

  it('rejects a column that is neither grouped nor aggregated', () => {
    const d = df();
    expect(() => d.groupBy('region').agg(col('item'))).toThrow(new AnalysisError(
      "Expression 'item' is neither present in the group by, nor is it an aggregate function. " +
      'Add it to groupBy or wrap it in an aggregate such as first(). Grouping columns: `region`',
    ));
  });
});
