import { afterEach, describe, expect, it } from 'vitest';
import { AnalysisError, LONG, MemoryStream, STRING, Session, StructType, col } from 'caudal';

const sessions: Session[] = [];
afterEach(async () => {
  for (const s of sessions.splice(0)) await s.stop();
});

function newSession(): Session {
  const s = Session.builder().create();
  sessions.push(s);
  return s;
}

describe('temporary views', () => {
  it('createTempView refuses a name in use (in any case); createOrReplaceTempView replaces the view', async () => {
    const session = newSession();
    session.createDataFrame([{ n: 1 }], 'n INT').createTempView('numbers');
    expect(() => session.createDataFrame([{ n: 2 }], 'n INT').createTempView('numbers')).toThrow(new AnalysisError("Temporary view 'numbers' already exists"));
    expect(() => session.createDataFrame([{ n: 2 }], 'n INT').createTempView('NUMBERS')).toThrow(new AnalysisError("Temporary view 'NUMBERS' already exists"));
    expect(await session.sql('SELECT n FROM numbers').collect()).toEqual([{ n: 1 }]);
    session.createDataFrame([{ n: 2 }, { n: 3 }], 'n INT').createOrReplaceTempView('Numbers');
    expect(await session.sql('SELECT sum(n) AS total FROM NUMBERS').collect()).toEqual([{ total: 5 }]);
  });

  it('session.table reads a view by case-insensitive name, its columns qualified by the name, as Spark', async () => {
    const session = newSession();
    session.createDataFrame([{ word: 'a', n: 1 }], 'word STRING, n INT').createOrReplaceTempView('Words');
    const t = session.table('WORDS');
    expect(t.explainString()).toBe('SubqueryAlias words\n+- LocalRelation [word, n]');
    expect(await t.select(col('words.word'), col('Words.n').plus(1).alias('next')).collect()).toEqual([{ word: 'a', next: 2 }]);
    expect(session.sql('SELECT * FROM words').explainString()).toBe(session.table('words').select('*').explainString());
  });

  it('a view stores its plan: it reads the current rows of the tables under it whenever a query runs', async () => {
    const session = newSession();
    const input = new MemoryStream(session, new StructType().add('n', LONG));
    const query = await input.toDF().writeStream.format('memory').queryName('numbers').start();
    session.sql('SELECT n * 10 AS tens FROM numbers WHERE n > 1').createOrReplaceTempView('tens');
    const tens = session.sql('SELECT * FROM tens');
    expect(await tens.collect()).toEqual([]);
    input.addData([[1], [2], [3]]);
    await query.processAllAvailable();
    expect(await tens.collect()).toEqual([{ tens: 20 }, { tens: 30 }]);
    await query.stop();
  });

  it('listTables lists views and memory-sink tables; dropTempView says whether it dropped one', async () => {
    const session = newSession();
    session.createDataFrame([{ n: 1 }], 'n INT').createOrReplaceTempView('static_view');
    const input = new MemoryStream(session, new StructType().add('value', STRING));
    input.toDF().createOrReplaceTempView('lines');
    const query = await session.sql('SELECT upper(value) AS shout FROM lines').writeStream.format('memory').queryName('Shouts').start();
    expect(session.catalog.listTables()).toEqual([
      { name: 'lines', tableType: 'TEMPORARY', isTemporary: true, isStreaming: true },
      { name: 'Shouts', tableType: 'TEMPORARY', isTemporary: true, isStreaming: false },
      { name: 'static_view', tableType: 'TEMPORARY', isTemporary: true, isStreaming: false },
    ]);
    input.addData([{ value: 'hola' }]);
    await query.processAllAvailable();
    expect(await session.sql('SELECT * FROM shouts').collect()).toEqual([{ shout: 'HOLA' }]);
    expect(await session.table('SHOUTS').collect()).toEqual([{ shout: 'HOLA' }]);
    await query.stop();

    expect(session.catalog.dropTempView('STATIC_VIEW')).toBe(true);
    expect(session.catalog.dropTempView('static_view')).toBe(false);
    expect(session.catalog.listTables().map((t) => t.name)).toEqual(['lines', 'Shouts']);
    expect(() => session.sql('SELECT * FROM static_view')).toThrow(new AnalysisError('Table or view not found: static_view. Known tables and views: lines, Shouts'));
    expect(() => session.table('static_view')).toThrow(new AnalysisError('Table or view not found: static_view. Known tables and views: lines, Shouts'));
  });
});
