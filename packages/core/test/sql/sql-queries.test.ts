import { afterEach, describe, expect, it } from 'vitest';
import {
  AnalysisError, Session, avg, col, count, explode, lower, max, posexplode, split, sum, type DataFrame,
} from 'caudal';

interface Person { name: string; age: number | null; city: string }
interface Order { order_id: number; name: string; item: string; amount: number }

const PEOPLE: Person[] = [
  { name: 'Ana', age: 34, city: 'Valencia' },
  { name: 'Juan', age: 25, city: 'Madrid' },
  { name: 'Maria', age: 41, city: 'Valencia' },
  { name: 'Pepe', age: null, city: 'Madrid' },
  { name: 'Rosa', age: 19, city: 'Sevilla' },
  { name: 'Jorge', age: 34, city: 'Madrid' },
];
const ORDERS: Order[] = [
  { order_id: 1, name: 'Ana', item: 'book', amount: 12.5 },
  { order_id: 2, name: 'Ana', item: 'pen', amount: 3 },
  { order_id: 3, name: 'Juan', item: 'lamp', amount: 40 },
  { order_id: 4, name: 'Maria', item: 'book', amount: 12.5 },
  { order_id: 5, name: 'Nobody', item: 'cup', amount: 7 },
];
const DOCS = [{ id: 1, text: 'to be or not to be' }, { id: 2, text: 'be quick' }];

const sessions: Session[] = [];
afterEach(async () => {
  for (const s of sessions.splice(0)) await s.stop();
});

function setup() {
  const session = Session.builder().create();
  sessions.push(session);
  session.createDataFrame(PEOPLE, 'name STRING, age INT, city STRING').createOrReplaceTempView('people');
  session.createDataFrame(ORDERS, 'order_id INT, name STRING, item STRING, amount DOUBLE').createOrReplaceTempView('orders');
  session.createDataFrame(DOCS, 'id INT, text STRING').createOrReplaceTempView('docs');
  return { session, people: session.table('people'), orders: session.table('orders'), docs: session.table('docs') };
}

/** The SQL query and the DataFrame program build the same logical plan, so they print the same explain. */
function expectSamePlan(sql: DataFrame, df: DataFrame): void {
  expect(sql.explainString()).toBe(df.explainString());
  expect(sql.plan).toStrictEqual(df.plan);
}

/** Same plan, and both return `expected` (computed independently, in plain TypeScript). */
async function expectSame(sql: DataFrame, df: DataFrame, expected: readonly object[]): Promise<void> {
  expectSamePlan(sql, df);
  const rows = await sql.collect();
  expect(rows).toEqual(expected);
  expect(await df.collect()).toEqual(rows);
}

const byKey = <T,>(key: (x: T) => string) => (a: T, b: T): number => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);

describe('session.sql: queries and their DataFrame programs', () => {
  it('projection and filter', async () => {
    const { session, people } = setup();
    await expectSame(
      session.sql("SELECT name, age + 1 AS next_age FROM people WHERE age >= 30 AND city = 'Valencia'"),
      people.filter(col('age').geq(30).and(col('city').eq('Valencia'))).select(col('name'), col('age').plus(1).alias('next_age')),
      PEOPLE.filter((p) => p.age !== null && p.age >= 30 && p.city === 'Valencia').map((p) => ({ name: p.name, next_age: p.age! + 1 })),
    );
    expect(session.sql("SELECT name, age + 1 AS next_age FROM people WHERE age >= 30 AND city = 'Valencia'").explainString()).toBe([
      'Project [name, (age + 1) AS next_age]',
      "+- Filter ((age >= 30) AND (city = 'Valencia'))",
      '   +- SubqueryAlias people',
      '      +- LocalRelation [name, age, city]',
    ].join('\n'));
  });

  it('SELECT * and qualified t.* and t.col', async () => {
    const { session, people } = setup();
    await expectSame(
      session.sql("SELECT * FROM people WHERE name LIKE 'J%'"),
      people.filter(col('name').like('J%')).select('*'),
      PEOPLE.filter((p) => p.name.startsWith('J')),
    );
    await expectSame(
      session.sql('SELECT p.*, p.age * 2 AS twice FROM people AS p WHERE p.city = "Madrid"'),
      people.alias('p').filter(col('p.city').eq('Madrid')).selectExpr('p.*', 'p.age * 2 AS twice'),
      PEOPLE.filter((p) => p.city === 'Madrid').map((p) => ({ ...p, twice: p.age === null ? null : p.age * 2 })),
    );
  });

  it('group by, having, order by and limit', async () => {
    const { session, people } = setup();
    const cities = [...new Set(PEOPLE.map((p) => p.city))].map((city) => {
      const ps = PEOPLE.filter((p) => p.city === city);
      const ages = ps.flatMap((p) => (p.age === null ? [] : [p.age]));
      return { city, n: ps.length, avg_age: ages.reduce((a, b) => a + b, 0) / ages.length };
    });
    await expectSame(
      session.sql('SELECT city, count(*) AS n, avg(age) AS avg_age FROM people GROUP BY city HAVING count(*) >= 2 ORDER BY n DESC, city LIMIT 2'),
      people.groupBy('city').agg(count('*').alias('n'), avg('age').alias('avg_age')).filter(col('n').geq(2)).orderBy(col('n').desc(), col('city')).limit(2),
      cities.filter((c) => c.n >= 2).sort((a, b) => b.n - a.n || byKey<typeof a>((x) => x.city)(a, b)).slice(0, 2),
    );
  });

  it('HAVING and ORDER BY over aggregates that are not selected: hidden, then projected away', async () => {
    const { session, people } = setup();
    const sql = session.sql('SELECT city FROM people GROUP BY city HAVING max(age) > 30 ORDER BY count(*) DESC, city');
    await expectSame(
      sql,
      people.groupBy('city').agg(max('age'), count('*')).filter(col('max(age)').gt(30)).orderBy(col('count(1)').desc(), col('city')).select('city'),
      [{ city: 'Madrid' }, { city: 'Valencia' }],
    );
    expect(sql.explainString()).toBe([
      'Project [city]',
      '+- Sort [count(1) DESC NULLS LAST, city ASC NULLS FIRST]',
      '   +- Filter (max(age) > 30)',
      '      +- Aggregate [city], [max(age), count(1)]',
      '         +- SubqueryAlias people',
      '            +- LocalRelation [name, age, city]',
    ].join('\n'));
  });

  it('HAVING on a select alias and on a grouping column that is not selected', async () => {
    const { session, people } = setup();
    // The DataFrame API always puts the keys first, so this plan has no DataFrame twin; `city` is a hidden result.
    const sql = session.sql("SELECT sum(age) AS total FROM people GROUP BY city HAVING total > 30 AND city <> 'Valencia'");
    expect(await sql.collect()).toEqual([{ total: 59 }]);
    expect(sql.explainString()).toBe([
      'Project [total]',
      "+- Filter ((total > CAST(30 AS LONG)) AND (city != 'Valencia'))",
      '   +- Aggregate [city], [sum(age)]',
      '      +- SubqueryAlias people',
      '         +- LocalRelation [name, age, city]',
    ].join('\n'));
    await expectSame(
      session.sql("SELECT city, sum(age) AS total FROM people GROUP BY city HAVING total > 30 AND city <> 'Valencia'"),
      people.groupBy('city').agg(sum('age').alias('total')).filter(col('total').gt(30).and(col('city').ne('Valencia'))),
      [{ city: 'Madrid', total: 59 }],
    );
  });

  it('GROUP BY an expression, by position and by alias; ORDER BY position', async () => {
    const { session, people } = setup();
    const expected = [...new Set(PEOPLE.map((p) => p.city.toLowerCase()))]
      .map((c) => ({ 'lower(city)': c, n: PEOPLE.filter((p) => p.city.toLowerCase() === c).length }))
      .sort((a, b) => b.n - a.n || byKey<typeof a>((x) => x['lower(city)'])(a, b));
    const df = people.groupBy(lower(col('city'))).agg(count('*').alias('n')).orderBy(col('n').desc(), col('lower(city)'));
    await expectSame(session.sql('SELECT lower(city), count(*) AS n FROM people GROUP BY 1 ORDER BY 2 DESC, 1'), df, expected);
    await expectSame(session.sql('SELECT lower(city), count(*) AS n FROM people GROUP BY lower(city) ORDER BY n DESC, lower(city)'), df, expected);
    const aliased = session.sql('SELECT lower(city) AS c, count(*) AS n FROM people GROUP BY c ORDER BY c');
    expect(await aliased.collect()).toEqual([...expected].sort(byKey((x) => x['lower(city)'])).map((r) => ({ c: r['lower(city)'], n: r.n })));
    expect(() => session.sql('SELECT city, count(*) FROM people GROUP BY 3')).toThrow(new AnalysisError('GROUP BY position 3 is not in select list (valid range is [1, 2])'));
    expect(() => session.sql('SELECT city, count(*) FROM people GROUP BY 2')).toThrow(
      new AnalysisError('GROUP BY 2 refers to an expression count(1) that contains an aggregate function. Aggregate functions are not allowed in GROUP BY.'),
    );
    expect(() => session.sql('SELECT name, city FROM people GROUP BY city')).toThrow(
      "Expression 'name' is neither present in the group by, nor is it an aggregate function.",
    );
  });

  it('a global aggregate without GROUP BY', async () => {
    const { session, people } = setup();
    await expectSame(
      session.sql('SELECT count(*) AS n, max(age) AS oldest FROM people'),
      people.agg(count('*').alias('n'), max('age').alias('oldest')),
      [{ n: 6, oldest: 41 }],
    );
  });

  it('ORDER BY a select alias and a column that is not selected', async () => {
    const { session, people } = setup();
    await expectSame(
      session.sql('SELECT upper(name) AS who FROM people ORDER BY age DESC NULLS LAST, who'),
      people.selectExpr('upper(name) AS who', 'age').orderBy(col('age').desc_nulls_last(), col('who')).select('who'),
      ['MARIA', 'ANA', 'JORGE', 'JUAN', 'ROSA', 'PEPE'].map((who) => ({ who })),
    );
  });

  it('DISTINCT, and UNION as distinct rows', async () => {
    const { session, people, orders } = setup();
    await expectSame(
      session.sql('SELECT DISTINCT city FROM people ORDER BY city'),
      people.select('city').distinct().orderBy('city'),
      [{ city: 'Madrid' }, { city: 'Sevilla' }, { city: 'Valencia' }],
    );
    await expectSame(
      session.sql('SELECT name FROM people UNION SELECT name FROM orders ORDER BY 1'),
      people.select('name').union(orders.select('name')).distinct().orderBy('name'),
      [...new Set([...PEOPLE, ...ORDERS].map((r) => r.name))].sort().map((name) => ({ name })),
    );
  });

  it('UNION ALL keeps duplicates and takes ORDER BY and LIMIT for the whole union', async () => {
    const { session, people, orders } = setup();
    const names = [...PEOPLE.filter((p) => p.city === 'Madrid').map((p) => p.name), ...ORDERS.map((o) => o.name)];
    await expectSame(
      session.sql("SELECT name FROM people WHERE city = 'Madrid' UNION ALL SELECT name FROM orders ORDER BY name LIMIT 4"),
      people.filter(col('city').eq('Madrid')).select('name').union(orders.select('name')).orderBy('name').limit(4),
      names.sort().slice(0, 4).map((name) => ({ name })),
    );
  });

  it('a subquery in FROM, with and without an alias', async () => {
    const { session, people } = setup();
    const perCity = people.groupBy('city').agg(count('*').alias('n'));
    await expectSame(
      session.sql('SELECT t.city, t.n FROM (SELECT city, count(*) AS n FROM people GROUP BY city) t WHERE t.n > 1 ORDER BY t.city'),
      perCity.alias('t').filter(col('t.n').gt(1)).select('t.city', 't.n').orderBy('t.city'),
      [{ city: 'Madrid', n: 3 }, { city: 'Valencia', n: 2 }],
    );
    await expectSame(
      session.sql('SELECT max(n) AS most FROM (SELECT city, count(*) AS n FROM people GROUP BY city)'),
      perCity.agg(max('n').alias('most')),
      [{ most: 3 }],
    );
  });

  it('common table expressions, each visible to the later ones', async () => {
    const { session, people } = setup();
    const adults = people.filter(col('age').geq(21)).select('*');
    const byCity = adults.alias('adults').groupBy('city').agg(count('*').alias('n'));
    await expectSame(
      session.sql([
        'WITH adults AS (SELECT * FROM people WHERE age >= 21),',
        '     by_city AS (SELECT city, count(*) AS n FROM adults GROUP BY city)',
        'SELECT * FROM by_city ORDER BY city',
      ].join('\n')),
      byCity.alias('by_city').select('*').orderBy('city'),
      [{ city: 'Madrid', n: 2 }, { city: 'Valencia', n: 2 }],
    );
    // A CTE shadows a view of the same name.
    expect(await session.sql('WITH people AS (SELECT 1 AS one) SELECT * FROM people').collect()).toEqual([{ one: 1 }]);
  });

  it('LATERAL VIEW explode and posexplode', async () => {
    const { session, docs } = setup();
    const words = DOCS.flatMap((d) => d.text.split(' ').map((word, pos) => ({ id: d.id, pos, word })));
    await expectSame(
      session.sql("SELECT id, w.word FROM docs LATERAL VIEW explode(split(text, ' ')) w AS word WHERE w.word <> 'to'"),
      docs.select(col('*'), explode(split(col('text'), ' ')).alias('word')).filter(col('word').ne('to')).select('id', 'word'),
      words.filter((w) => w.word !== 'to').map(({ id, word }) => ({ id, word })),
    );
    await expectSame(
      session.sql("SELECT id, pos, word FROM docs LATERAL VIEW posexplode(split(text, ' ')) t AS pos, word"),
      docs.select(col('*'), posexplode(split(col('text'), ' '))).withColumnRenamed('col', 'word').select('id', 'pos', 'word'),
      words,
    );
    await expectSame(
      session.sql("SELECT word, count(*) AS n FROM docs LATERAL VIEW explode(split(text, ' ')) t AS word GROUP BY word ORDER BY n DESC, word LIMIT 2"),
      docs.select(col('*'), explode(split(col('text'), ' ')).alias('word')).groupBy('word').agg(count('*').alias('n'))
        .orderBy(col('n').desc(), col('word')).limit(2),
      [{ word: 'be', n: 3 }, { word: 'to', n: 2 }],
    );
    expect(() => session.sql("SELECT * FROM docs LATERAL VIEW posexplode(split(text, ' ')) t AS word")).toThrow(
      'The number of aliases supplied in the AS clause does not match the number of columns output by the UDTF: posexplode produces 2 (pos, col), but got 1 (word)',
    );
  });

  it('inner joins on a condition with qualified names, and with USING', async () => {
    const { session, people, orders } = setup();
    const joined = PEOPLE.flatMap((p) => ORDERS.filter((o) => o.name === p.name).map((o) => ({ p, o })));
    await expectSame(
      session.sql('SELECT p.name, o.item, o.amount FROM people p JOIN orders o ON p.name = o.name WHERE o.amount > 10 ORDER BY o.amount DESC, o.item'),
      people.alias('p').join(orders.alias('o'), col('p.name').eq(col('o.name')), 'inner').filter(col('o.amount').gt(10))
        .select('p.name', 'o.item', 'o.amount').orderBy(col('o.amount').desc(), col('o.item')),
      joined.filter(({ o }) => o.amount > 10).sort((a, b) => b.o.amount - a.o.amount || byKey<typeof a>((x) => x.o.item)(a, b))
        .map(({ p, o }) => ({ name: p.name, item: o.item, amount: o.amount })),
    );
    await expectSame(
      session.sql('SELECT name, city, item FROM people JOIN orders USING (name) ORDER BY order_id'),
      people.join(orders, ['name'], 'inner').select('name', 'city', 'item', 'order_id').orderBy('order_id').select('name', 'city', 'item'),
      [...joined].sort((a, b) => a.o.order_id - b.o.order_id).map(({ p, o }) => ({ name: p.name, city: p.city, item: o.item })),
    );
  });

  it('outer, semi, anti and cross joins', async () => {
    const { session, people, orders } = setup();
    const hasOrder = (p: Person): boolean => ORDERS.some((o) => o.name === p.name);
    await expectSame(
      session.sql('SELECT people.name, orders.item FROM people LEFT OUTER JOIN orders ON people.name = orders.name ORDER BY people.name, orders.item'),
      people.join(orders, col('people.name').eq(col('orders.name')), 'left_outer').select('people.name', 'orders.item').orderBy('people.name', 'orders.item'),
      PEOPLE.flatMap((p): { name: string; item: string | null }[] =>
        (hasOrder(p) ? ORDERS.filter((o) => o.name === p.name).map((o) => ({ name: p.name, item: o.item })) : [{ name: p.name, item: null }]))
        .sort((a, b) => byKey<typeof a>((x) => `${x.name} ${x.item ?? ''}`)(a, b)),
    );
    await expectSame(
      session.sql('SELECT * FROM people p LEFT SEMI JOIN orders o ON p.name = o.name'),
      people.alias('p').join(orders.alias('o'), col('p.name').eq(col('o.name')), 'left_semi').select('*'),
      PEOPLE.filter(hasOrder),
    );
    await expectSame(
      session.sql('SELECT name FROM people ANTI JOIN orders USING (name)'),
      people.join(orders, ['name'], 'left_anti').select('name'),
      PEOPLE.filter((p) => !hasOrder(p)).map((p) => ({ name: p.name })),
    );
    await expectSame(
      session.sql('SELECT o.name, o.item, p.name AS person FROM orders o FULL OUTER JOIN people p ON o.name = p.name WHERE p.name IS NULL OR o.name IS NULL ORDER BY 1, 3'),
      orders.alias('o').join(people.alias('p'), col('o.name').eq(col('p.name')), 'full_outer')
        .filter(col('p.name').isNull().or(col('o.name').isNull())).select(col('o.name'), col('o.item'), col('p.name').alias('person')).orderBy('name', 'person'),
      [
        { name: null, item: null, person: 'Jorge' }, { name: null, item: null, person: 'Pepe' }, { name: null, item: null, person: 'Rosa' },
        { name: 'Nobody', item: 'cup', person: null },
      ],
    );
    const pairs = PEOPLE.length * ORDERS.length;
    await expectSame(
      session.sql('SELECT count(*) AS n FROM people CROSS JOIN orders'),
      people.crossJoin(orders).agg(count('*').alias('n')),
      [{ n: pairs }],
    );
    // A comma is an inner join without a condition; WHERE then filters the pairs.
    await expectSame(
      session.sql('SELECT count(*) AS n FROM people p, orders o WHERE p.name = o.name'),
      people.alias('p').join(orders.alias('o')).filter(col('p.name').eq(col('o.name'))).agg(count('*').alias('n')),
      [{ n: 4 }],
    );
  });

  it('names columns of both sides of a join by qualifier; an unqualified shared name is ambiguous', async () => {
    const { session } = setup();
    const all = session.sql('SELECT * FROM people p JOIN orders o ON p.name = o.name');
    expect(all.columns).toEqual(['name', 'age', 'city', 'order_id', 'name', 'item', 'amount']);
    expect(await all.count()).toBe(4);
    expect(session.sql('SELECT o.*, p.city FROM people p JOIN orders o ON p.name = o.name').columns).toEqual(['order_id', 'name', 'item', 'amount', 'city']);
    expect(() => session.sql('SELECT name FROM people p JOIN orders o ON p.name = o.name')).toThrow(
      new AnalysisError('Reference `name` is ambiguous, could be: `p`.`name`, `o`.`name`'),
    );
    expect(() => session.sql('SELECT x.name FROM people p')).toThrow(
      new AnalysisError('A column or function parameter with name `x.name` cannot be resolved. Available columns: `name`, `age`, `city`'),
    );
  });

  it('struct columns: s.* expands the fields, GROUP BY a field, ORDER BY position', async () => {
    const { session } = setup();
    const lines = session.createDataFrame(
      [{ id: 1, item: { code: 'A', qty: 2 } }, { id: 2, item: { code: 'B', qty: 1 } }, { id: 3, item: { code: 'A', qty: 5 } }],
      'id INT, item STRUCT<code: STRING, qty: INT>',
    );
    lines.createOrReplaceTempView('lines');
    await expectSame(
      session.sql('SELECT id, item.* FROM lines WHERE item.qty > 1'),
      session.table('lines').filter(col('item.qty').gt(1)).selectExpr('id', 'item.*'),
      [{ id: 1, code: 'A', qty: 2 }, { id: 3, code: 'A', qty: 5 }],
    );
    expect(await session.sql('SELECT l.item.code AS code, sum(item.qty) AS total FROM lines l GROUP BY l.item.code ORDER BY 2 DESC').collect()).toEqual([
      { code: 'A', total: 7 }, { code: 'B', total: 1 },
    ]);
    expect(() => session.sql('SELECT id FROM lines ORDER BY 2')).toThrow(new AnalysisError('ORDER BY position 2 is not in select list (valid range is [1, 1])'));
    expect(() => session.sql('SELECT x.* FROM lines')).toThrow(
      new AnalysisError('Cannot resolve `x`.* given input columns `id`, `item`: it is neither a table alias nor a struct column'),
    );
  });

  it('CAST, CASE, intervals, timestamp literals and library functions; SELECT without FROM', async () => {
    const { session, people } = setup();
    expect(await session.sql([
      "SELECT CAST('42' AS INT) AS n, CASE WHEN 1 > 2 THEN 'a' ELSE 'b' END AS c,",
      "       TIMESTAMP '2024-01-01 10:00:00' + INTERVAL 90 MINUTES AS t, concat_ws('-', 'x', 'y') AS j",
    ].join('\n')).collect()).toEqual([{ n: 42, c: 'b', t: new Date('2024-01-01T11:30:00Z'), j: 'x-y' }]);
    await expectSame(
      session.sql("SELECT name, CASE WHEN age IS NULL THEN 'unknown' WHEN age < 30 THEN 'young' ELSE 'senior' END AS band, length(name) AS len FROM people WHERE city IN ('Madrid', 'Sevilla')"),
      people.filter("city IN ('Madrid', 'Sevilla')").selectExpr("name", "CASE WHEN age IS NULL THEN 'unknown' WHEN age < 30 THEN 'young' ELSE 'senior' END AS band", 'length(name) AS len'),
      PEOPLE.filter((p) => p.city === 'Madrid' || p.city === 'Sevilla')
        .map((p) => ({ name: p.name, band: p.age === null ? 'unknown' : p.age < 30 ? 'young' : 'senior', len: p.name.length })),
    );
  });

  it('reports unknown tables and columns as analysis errors', () => {
    const { session } = setup();
    expect(() => session.sql('SELECT * FROM nowhere')).toThrow(
      new AnalysisError('Table or view not found: nowhere. Known tables and views: docs, orders, people'),
    );
    expect(() => session.sql('SELECT agee FROM people')).toThrow(
      new AnalysisError('A column or function parameter with name `agee` cannot be resolved. Available columns: `name`, `age`, `city`'),
    );
    expect(() => session.sql('SELECT DISTINCT name FROM people ORDER BY age')).toThrow(
      'A column or function parameter with name `age` cannot be resolved. Available columns: `name`',
    );
  });
});
