import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LONG, MemoryStream, STRING, Session, StructType, col, explode, split, type DataFrame } from 'caudal';

const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function newSession(): Session {
  const session = Session.builder().create();
  cleanups.push(() => session.stop());
  return session;
}

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'caudal-memory-e2e-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function wordCounts(session: Session): { input: MemoryStream; counts: DataFrame } {
  const input = new MemoryStream(session, new StructType().add('value', STRING));
  return { input, counts: input.toDF().select(explode(split(col('value'), ' ')).alias('word')).groupBy('word').count() };
}

describe('memory sink in a running query', () => {
  it('appends each batch to the table named by queryName, readable with session.table', async () => {
    const session = newSession();
    const input = new MemoryStream(session, new StructType().add('n', LONG));
    const doubled = input.toDF().select(col('n'), col('n').multiply(2).alias('twice'));
    const query = await doubled.writeStream.format('memory').queryName('doubled').start();
    // The table exists from start, before any batch.
    expect(await session.table('doubled').collect()).toEqual([]);
    input.addData([[1], [2]]);
    await query.processAllAvailable();
    expect(await session.table('doubled').collect()).toEqual([{ n: 1, twice: 2 }, { n: 2, twice: 4 }]);
    input.addData([[3]]);
    await query.processAllAvailable();
    expect(await session.table('doubled').collect()).toEqual([{ n: 1, twice: 2 }, { n: 2, twice: 4 }, { n: 3, twice: 6 }]);
    // It is an ordinary table for static queries, and outlives the query.
    await query.stop();
    expect(await session.table('DOUBLED').filter(col('n').gt(1)).select('twice').collect()).toEqual([{ twice: 4 }, { twice: 6 }]);
  });

  it('replaces the table with the whole result in complete mode', async () => {
    const session = newSession();
    const { input, counts } = wordCounts(session);
    const query = await counts.writeStream.outputMode('complete').format('memory').queryName('counts').start();
    input.addData([['a b a']]);
    await query.processAllAvailable();
    expect(await session.table('counts').collect()).toEqual([{ word: 'a', count: 2 }, { word: 'b', count: 1 }]);
    input.addData([['b c']]);
    await query.processAllAvailable();
    expect(await session.table('counts').orderBy('word').collect()).toEqual([
      { word: 'a', count: 2 }, { word: 'b', count: 2 }, { word: 'c', count: 1 },
    ]);
    await query.stop();
  });

  it('adds each batch of changed groups in update mode (update as append)', async () => {
    const session = newSession();
    const { input, counts } = wordCounts(session);
    const query = await counts.writeStream.outputMode('update').format('memory').queryName('updates').start();
    input.addData([['a b a']]);
    await query.processAllAvailable();
    input.addData([['b c']]);
    await query.processAllAvailable();
    await query.stop();
    expect(await session.table('updates').collect()).toEqual([
      { word: 'a', count: 2 }, { word: 'b', count: 1 },
      { word: 'b', count: 2 }, { word: 'c', count: 1 },
    ]);
  });

  it('does not add a replayed batch twice when a complete-mode query restarts from its checkpoint', async () => {
    const session = newSession();
    const checkpointLocation = tempDir();
    const { input, counts } = wordCounts(session);
    const start = () => counts.writeStream.outputMode('complete').format('memory').queryName('counts')
      .option('checkpointLocation', checkpointLocation).start();

    let query = await start();
    input.addData([['a b']]);
    await query.processAllAvailable();
    input.addData([['a c']]);
    await query.processAllAvailable();
    await query.stop();
    const expected = [{ word: 'a', count: 2 }, { word: 'b', count: 1 }, { word: 'c', count: 1 }];
    expect(await session.table('counts').orderBy('word').collect()).toEqual(expected);

    // A crash after the sink took batch 1 but before commits/1 was written: the restart runs batch 1 again.
    const commit1 = join(checkpointLocation, 'commits', '1');
    expect(existsSync(commit1)).toBe(true);
    rmSync(commit1);
    query = await start();
    await query.processAllAvailable();
    expect(query.lastProgress?.batchId).toBe(1);
    expect(query.lastProgress?.numInputRows).toBe(1);
    expect(await session.table('counts').orderBy('word').collect()).toEqual(expected);

    input.addData([['c']]);
    await query.processAllAvailable();
    expect(query.lastProgress?.batchId).toBe(2);
    expect(await session.table('counts').orderBy('word').collect()).toEqual([
      { word: 'a', count: 2 }, { word: 'b', count: 1 }, { word: 'c', count: 2 },
    ]);
    await query.stop();
  });

  it('requires a query name', async () => {
    const session = newSession();
    const { counts } = wordCounts(session);
    await expect(counts.writeStream.outputMode('complete').format('memory').start()).rejects.toThrow('queryName must be specified for memory sink');
  });
});
