import { afterEach, describe, expect, it } from 'vitest';
import {
  MemoryStream, STRING, Session, StructType, TIMESTAMP, col, count, explode, split, upper, window, type DataFrame, type StreamingQuery,
} from 'caudal';

const sessions: Session[] = [];
afterEach(async () => {
  for (const s of sessions.splice(0)) await s.stop();
});

function newSession(): Session {
  const s = Session.builder().create();
  sessions.push(s);
  return s;
}

function expectSamePlan(sql: DataFrame, df: DataFrame): void {
  expect(sql.explainString()).toBe(df.explainString());
  expect(sql.plan).toStrictEqual(df.plan);
}

/** The error `start()` (or building the query) throws, as text. */
async function startError(build: () => Promise<StreamingQuery>): Promise<string> {
  try {
    const q = await build();
    await q.stop();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected the query to fail');
}

/** Word counts of `lines`, computed directly. */
function countWords(lines: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const w of lines.flatMap((l) => l.split(' '))) counts.set(w, (counts.get(w) ?? 0) + 1);
  return counts;
}

describe('session.sql over streaming views', () => {
  it('word count in SQL over a MemoryStream view into the memory sink, then select * from the memory table', async () => {
    const session = newSession();
    const lines = new MemoryStream(session, new StructType().add('value', STRING));
    lines.toDF().createOrReplaceTempView('lines');
    const wordCounts = session.sql("SELECT word, count(*) AS count FROM (SELECT explode(split(value, ' ')) AS word FROM lines) GROUP BY word");
    expect(wordCounts.isStreaming).toBe(true);
    expectSamePlan(wordCounts, session.table('lines').select(explode(split(col('value'), ' ')).alias('word')).groupBy('word').count());
    expect(wordCounts.explainString()).toBe([
      'Aggregate [word], [count(1)] (stateful)',
      '+- Project [col AS word]',
      "   +- Generate explode(split(value, ' ')) [col]",
      '      +- SubqueryAlias lines',
      '         +- StreamingRelation memory-stream [value]',
    ].join('\n'));

    const query = await wordCounts.writeStream.outputMode('complete').format('memory').queryName('wordcounts').start();
    const sent: string[] = [];
    const send = async (...ls: string[]): Promise<void> => {
      sent.push(...ls);
      lines.addData(ls.map((value) => ({ value })));
      await query.processAllAvailable();
    };
    const expected = (): { word: string; count: number }[] =>
      [...countWords(sent)].map(([word, n]) => ({ word, count: n })).sort((a, b) => b.count - a.count);

    await send('spark streams', 'caudal streams too', 'caudal streams');
    expect(await session.sql('select * from wordcounts order by count desc').collect()).toEqual(expected());
    expect(expected()[0]).toEqual({ word: 'streams', count: 3 });
    await send('caudal caudal');
    expect(await session.sql('select * from wordcounts order by count desc').collect()).toEqual(expected());
    expect(await session.sql('SELECT word FROM wordcounts WHERE count = 1 ORDER BY word').collect()).toEqual([{ word: 'spark' }, { word: 'too' }]);
    await query.stop();
  });

  it('applies the streaming rules to SQL exactly as to the DataFrame API', async () => {
    const session = newSession();
    const lines = new MemoryStream(session, new StructType().add('value', STRING));
    lines.toDF().createOrReplaceTempView('lines');
    const counts = session.sql('SELECT value, count(*) AS n FROM lines GROUP BY value');
    const dfCounts = session.table('lines').groupBy('value').agg(count('*').alias('n'));
    expectSamePlan(counts, dfCounts);
    const appendError = await startError(() => counts.writeStream.outputMode('append').format('noop').start());
    expect(appendError).toBe(
      "Append output mode not supported when there are streaming aggregations on streaming DataFrames/DataSets without watermark. Use outputMode('update') or outputMode('complete').",
    );
    expect(await startError(() => dfCounts.writeStream.outputMode('append').format('noop').start())).toBe(appendError);

    const sorted = session.sql('SELECT upper(value) AS v FROM lines ORDER BY v');
    const dfSorted = session.table('lines').select(upper(col('value')).alias('v')).orderBy('v');
    expectSamePlan(sorted, dfSorted);
    const sortError = await startError(() => sorted.writeStream.outputMode('append').format('noop').start());
    expect(sortError).toBe('Sorting is not supported on streaming DataFrames/Datasets, unless it is on aggregated DataFrame/Dataset in Complete output mode');
    expect(await startError(() => dfSorted.writeStream.outputMode('append').format('noop').start())).toBe(sortError);

    const limitError = await startError(() => session.sql('SELECT value FROM lines LIMIT 3').writeStream.outputMode('append').format('noop').start());
    expect(limitError).toBe('Limits are not supported on streaming DataFrames/Datasets in Append output mode');

    await expect(session.sql('SELECT * FROM lines').collect()).rejects.toThrow(
      "Queries with streaming sources must be executed with writeStream.start(); 'collect' is not supported on a streaming DataFrame.",
    );
    expect(() => session.sql('SELECT 1 AS one').writeStream).toThrow("'writeStream' can be called only on streaming Dataset/DataFrame");

    // Sorting an aggregation is allowed in complete mode, in SQL too.
    const top = await session.sql('SELECT value, count(*) AS n FROM lines GROUP BY value ORDER BY n DESC, value LIMIT 2')
      .writeStream.outputMode('complete').format('memory').queryName('top2').start();
    lines.addData([{ value: 'b' }, { value: 'a' }, { value: 'b' }, { value: 'c' }, { value: 'a' }, { value: 'b' }]);
    await top.processAllAvailable();
    expect(await session.sql('SELECT * FROM top2').collect()).toEqual([{ value: 'b', n: 3 }, { value: 'a', n: 2 }]);
    await top.stop();
  });

  it('window grouping over a watermarked view: the DataFrame program\'s plan and output, in append mode', async () => {
    const session = newSession();
    const events = new MemoryStream(session, new StructType().add('word', STRING).add('ts', TIMESTAMP));
    // withWatermark stays in the DataFrame API; SQL reads the watermarked view.
    events.toDF().withWatermark('ts', '10 minutes').createOrReplaceTempView('events');
    const sql = session.sql("SELECT window, word, count(*) AS count FROM events GROUP BY window(ts, '10 minutes'), word");
    const df = session.table('events').groupBy(window(col('ts'), '10 minutes'), col('word')).agg(count('*').alias('count'));
    expectSamePlan(sql, df);
    // The window expression itself may be selected; as a whole item it is named `window`.
    expectSamePlan(session.sql("SELECT window(ts, '10 minutes'), word, count(*) AS count FROM events GROUP BY window(ts, '10 minutes'), word"), df);

    const run = async (d: DataFrame) => {
      const out: Record<string, unknown>[][] = [];
      const query = await d.writeStream.outputMode('append').foreachBatch(async (batch) => {
        out.push((await batch.collect()).map((r) => {
          const w = r.window as { start: Date; end: Date };
          return { window: `${w.start.toISOString().slice(11, 16)}-${w.end.toISOString().slice(11, 16)}`, word: r.word, count: r.count };
        }));
      }).start();
      return { query, out };
    };
    const a = await run(sql);
    const b = await run(df);
    const at = (hhmm: string): Date => new Date(`2024-01-01T${hhmm}:00Z`);
    const feed = async (rows: { word: string; ts: Date }[]): Promise<void> => {
      events.addData(rows);
      await a.query.processAllAvailable();
      await b.query.processAllAvailable();
    };
    await feed([{ word: 'owl', ts: at('12:02') }, { word: 'cat', ts: at('12:07') }, { word: 'owl', ts: at('12:08') }]);
    await feed([{ word: 'owl', ts: at('12:21') }]);
    // 12:05 is behind the watermark (12:11) and dropped; [12:20, 12:30) closes when the watermark passes 12:30.
    await feed([{ word: 'cat', ts: at('12:05') }, { word: 'owl', ts: at('12:44') }]);
    const emitted = a.out.flat();
    expect(emitted).toEqual([
      { window: '12:00-12:10', word: 'owl', count: 2 },
      { window: '12:00-12:10', word: 'cat', count: 1 },
      { window: '12:20-12:30', word: 'owl', count: 1 },
    ]);
    expect(b.out).toEqual(a.out);
    await a.query.stop();
    await b.query.stop();
  });

  it('joins a streaming view with a static one, as the DataFrame program does', async () => {
    const session = newSession();
    const clicks = new MemoryStream(session, new StructType().add('user', STRING).add('page', STRING));
    clicks.toDF().createOrReplaceTempView('clicks');
    session.createDataFrame([{ user: 'ana', country: 'ES' }, { user: 'bob', country: 'UK' }], 'user STRING, country STRING').createOrReplaceTempView('users');
    const sql = session.sql('SELECT c.page, u.country FROM clicks c JOIN users u ON c.user = u.user');
    expectSamePlan(sql, session.table('clicks').alias('c').join(session.table('users').alias('u'), col('c.user').eq(col('u.user'))).select('c.page', 'u.country'));
    const query = await sql.writeStream.format('memory').queryName('enriched').start();
    const perCountry = await session.sql('SELECT u.country, count(*) AS n FROM clicks c LEFT JOIN users u USING (user) GROUP BY u.country')
      .writeStream.outputMode('complete').format('memory').queryName('per_country').start();
    clicks.addData([{ user: 'ana', page: '/a' }, { user: 'zed', page: '/z' }, { user: 'bob', page: '/b' }, { user: 'ana', page: '/c' }]);
    await query.processAllAvailable();
    await perCountry.processAllAvailable();
    expect(await session.sql('SELECT * FROM enriched ORDER BY page').collect()).toEqual([
      { page: '/a', country: 'ES' }, { page: '/b', country: 'UK' }, { page: '/c', country: 'ES' },
    ]);
    expect(await session.sql('SELECT * FROM per_country ORDER BY n DESC, country').collect()).toEqual([
      { country: 'ES', n: 2 }, { country: null, n: 1 }, { country: 'UK', n: 1 },
    ]);
    // The static side may not be the preserved side of an outer join with a stream, in SQL as in the DataFrame API.
    expect(await startError(() => session.sql('SELECT * FROM users u LEFT JOIN clicks c USING (user)').writeStream.format('noop').start())).toBe(
      'LeftOuter join with a streaming DataFrame/Dataset on the right and a static DataFrame/Dataset on the left is not supported',
    );
    await query.stop();
    await perCountry.stop();
  });

  it('window columns by name: window.start and window.end', async () => {
    const session = newSession();
    const events = new MemoryStream(session, new StructType().add('word', STRING).add('ts', TIMESTAMP));
    events.toDF().createOrReplaceTempView('events');
    const sql = session.sql("SELECT window.start AS start, window.end AS end, count(*) AS n FROM events GROUP BY window(ts, '5 minutes') ORDER BY start");
    const query = await sql.writeStream.outputMode('complete').format('memory').queryName('per5').start();
    events.addData([
      { word: 'a', ts: new Date('2024-01-01T12:01:00Z') }, { word: 'b', ts: new Date('2024-01-01T12:04:59Z') },
      { word: 'c', ts: new Date('2024-01-01T12:05:00Z') },
    ]);
    await query.processAllAvailable();
    expect(await session.table('per5').collect()).toEqual([
      { start: new Date('2024-01-01T12:00:00Z'), end: new Date('2024-01-01T12:05:00Z'), n: 2 },
      { start: new Date('2024-01-01T12:05:00Z'), end: new Date('2024-01-01T12:10:00Z'), n: 1 },
    ]);
    await query.stop();
  });
});
