import { afterEach, describe, expect, it } from 'vitest';
import { Session, col, expr, lit, lower, type Row } from 'caudal';

// Static DataFrame transformations, each checked against the same computation on plain arrays.

type Person = { name: string; city: string | null; age: number; score: number };
const people: Person[] = [
  { name: 'Ana', city: 'Madrid', age: 34, score: 7.5 },
  { name: 'Bo', city: 'Oslo', age: 19, score: 9 },
  { name: 'Cy', city: null, age: 51, score: 6.25 },
  { name: 'Di', city: 'Madrid', age: 19, score: 8 },
  { name: 'Ana', city: 'Madrid', age: 34, score: 7.5 },
];

let session: Session | undefined;
afterEach(async () => { await session?.stop(); session = undefined; });

function df() {
  session = Session.builder().create();
  return session.createDataFrame(people, 'name STRING, city STRING, age BIGINT, score DOUBLE');
}

describe('static transformations', () => {
  it('select with expressions and aliases', async () => {
    const rows = await df().select(col('name'), col('age').plus(1).alias('next'), col('score').multiply(2), lit('k').alias('tag')).collect();
    expect(rows).toEqual(people.map((p) => ({ name: p.name, next: p.age + 1, '(score * 2)': p.score * 2, tag: 'k' })));
  });

  it('a cast of a column is named after the column, as in Spark; a cast of anything else keeps CAST(...)', async () => {
    const d = df().selectExpr('age', 'named_struct(\'zip\', name) AS info');
    expect(d.selectExpr('cast(age AS STRING)', 'CAST(cast(AGE AS INT) AS DOUBLE)', 'cast(age + 1 AS STRING)', 'cast(info AS STRING)').columns)
      .toEqual(['age', 'AGE', 'CAST((age + 1) AS STRING)', 'info']);
    expect(d.select(col('age').cast('string')).columns).toEqual(['age']);
    // Grouping keys keep the expression's text (Spark: groupBy(df.age.cast('string')) is `CAST(age AS STRING)`).
    expect(d.groupBy(col('age').cast('string')).count().columns).toEqual(['CAST(age AS STRING)', 'count']);
  });

  it('expr() text may carry an alias, as in Spark: in select, withColumn, groupBy keys and agg', async () => {
    const d = df();
    expect(await d.select(expr('age + 1 AS next'), expr('upper(name) n')).collect())
      .toEqual(people.map((p) => ({ next: p.age + 1, n: p.name.toUpperCase() })));
    const grouped = await d.groupBy(expr('age % 2 AS odd')).agg(expr('count(*) AS n'), expr('max(score) AS top')).orderBy('odd').collect();
    const byParity = (odd: number) => people.filter((p) => p.age % 2 === odd);
    expect(grouped).toEqual([0, 1].map((odd) => ({ odd, n: byParity(odd).length, top: Math.max(...byParity(odd).map((p) => p.score)) })));
  });

  it('filter and where, with a Column or a SQL string', async () => {
    const d = df();
    const expected = people.filter((p) => p.age < 30 || p.city === null).map((p) => p.name);
    expect((await d.filter(col('age').lt(30).or(col('city').isNull())).collect()).map((r) => r.name)).toEqual(expected);
    expect((await d.where('age < 30 OR city IS NULL').collect()).map((r) => r.name)).toEqual(expected);
    expect(await d.where(col('city').eq('Lima')).collect()).toEqual([]);
    // A comparison with null is unknown, so the row is filtered out either way.
    expect((await d.filter(col('city').ne('Madrid')).collect()).map((r) => r.name)).toEqual(['Bo']);
  });

  it('withColumn adds a column at the end, or replaces one in place; withColumnRenamed and drop', async () => {
    const d = df();
    const added = d.withColumn('senior', col('age').geq(50));
    expect(added.columns).toEqual(['name', 'city', 'age', 'score', 'senior']);
    expect((await added.collect()).map((r) => r.senior)).toEqual(people.map((p) => p.age >= 50));
    const replaced = d.withColumn('NAME', lower(col('name')));
    expect(replaced.columns).toEqual(['NAME', 'city', 'age', 'score']);
    expect((await replaced.collect()).map((r) => r.NAME)).toEqual(people.map((p) => p.name.toLowerCase()));
    expect(d.withColumnRenamed('city', 'town').columns).toEqual(['name', 'town', 'age', 'score']);
    expect(d.withColumnRenamed('nope', 'x').columns).toEqual(d.columns);
    expect(d.drop('city', 'score', 'nope').columns).toEqual(['name', 'age']);
    expect(await d.drop(col('age')).select('name').count()).toBe(5);
  });

  it('union (by position, widening types), limit, distinct and dropDuplicates', async () => {
    const d = df();
    const extra = session!.createDataFrame([['Ed', 'Rome', 40, 5]], 'n STRING, c STRING, a INT, s INT');
    const u = d.union(extra);
    expect(u.columns).toEqual(['name', 'city', 'age', 'score']);
    expect(u.schema.fields.map((f) => f.dataType.kind)).toEqual(['string', 'string', 'long', 'double']);
    expect((await u.collect()).at(-1)).toEqual({ name: 'Ed', city: 'Rome', age: 40, score: 5 });
    expect(await u.count()).toBe(6);

    expect((await d.limit(2).collect()).map((r) => r.name)).toEqual(['Ana', 'Bo']);
    expect(await d.limit(0).collect()).toEqual([]);
    expect(await d.limit(100).count()).toBe(5);

    const distinct = await d.distinct().collect();
    const seen = new Set<string>();
    const expected: Row[] = [];
    for (const p of people) if (!seen.has(JSON.stringify(p))) { seen.add(JSON.stringify(p)); expected.push(p); }
    expect(distinct).toEqual(expected);
    // dropDuplicates on a subset keeps the first row of each key.
    expect((await d.dropDuplicates(['city']).collect()).map((r) => r.name)).toEqual(['Ana', 'Bo', 'Cy']);
    expect((await d.dropDuplicates(['age', 'city']).collect()).map((r) => r.name)).toEqual(['Ana', 'Bo', 'Cy', 'Di']);
  });
});
