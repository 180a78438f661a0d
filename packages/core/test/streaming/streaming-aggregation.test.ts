import { afterEach, describe, expect, it } from 'vitest';
import { LONG, MemoryStream, STRING, Session, StructType, avg, col, count, max, min, sum, type Row } from 'caudal';
import { TempDirs } from './support/temp-dirs.ts';

// Streaming aggregation into the memory sink, checked against aggregates computed here from the raw input.

type Input = { word: string; n: number | null };

const schema = new StructType().add('word', STRING).add('n', LONG);

const batches: Input[][] = [
  [{ word: 'a', n: 1 }, { word: 'b', n: 2 }, { word: 'a', n: 3 }],
  [{ word: 'c', n: 5 }, { word: 'a', n: 10 }],
  [{ word: 'b', n: null }, { word: 'd', n: -4 }, { word: 'd', n: 7 }],
  [{ word: 'c', n: 1 }],
];

/** The expected result row of one group over `rows`, computed without the engine. */
function groupRow(word: string, rows: readonly Input[]): Row {
  const mine = rows.filter((r) => r.word === word);
  const values = mine.map((r) => r.n).filter((n): n is number => n !== null);
  let total = 0;
  for (const v of values) total += v;
  return {
    word,
    rows: mine.length,
    nonNull: values.length,
    total: values.length ? total : null,
    mean: values.length ? total / values.length : null,
    lo: values.length ? Math.min(...values) : null,
    hi: values.length ? Math.max(...values) : null,
  };
}

/** Every group over `rows`, by word. */
function allGroups(rows: readonly Input[]): Row[] {
  return [...new Set(rows.map((r) => r.word))].sort().map((w) => groupRow(w, rows));
}

function aggregated(stream: MemoryStream) {
  return stream.toDF().groupBy('word').agg(
    count('*').alias('rows'), count('n').alias('nonNull'), sum('n').alias('total'),
    avg('n').alias('mean'), min('n').alias('lo'), max(col('n')).alias('hi'),
  );
}

const dirs = new TempDirs();
let session: Session | undefined;
afterEach(async () => { await session?.stop(); session = undefined; dirs.removeAll(); });

describe('streaming aggregation into the memory sink', () => {
  it('complete mode: every group, recomputed after each batch, and rebuilt after a restart', async () => {
    session = Session.builder().create();
    const checkpointLocation = dirs.make('agg-complete');
    const stream = new MemoryStream(session, schema);
    const start = () => aggregated(stream).writeStream.format('memory').queryName('totals').outputMode('complete')
      .option('checkpointLocation', checkpointLocation).start();
    const seen: Input[] = [];

    let query = await start();
    for (const batch of batches.slice(0, 3)) {
      stream.addData(batch);
      seen.push(...batch);
      await query.processAllAvailable();
      expect(await session.table('totals').orderBy('word').collect()).toEqual(allGroups(seen));
      expect(query.lastProgress?.sink.numOutputRows).toBe(allGroups(seen).length);
    }
    expect(query.recentProgress.map((p) => p.batchId)).toEqual([0, 1, 2]);
    await query.stop();

    // Restart from the checkpoint: the state continues and the table is rebuilt from it.
    stream.addData(batches[3]!);
    seen.push(...batches[3]!);
    query = await start();
    await query.processAllAvailable();
    expect(await session.table('totals').orderBy('word').collect()).toEqual(allGroups(seen));
    expect(query.lastProgress?.batchId).toBe(3);
    expect(query.recentProgress).toHaveLength(1);
  });

  it('update mode: each batch emits only the groups it changed, with their totals so far', async () => {
    session = Session.builder().create();
    const stream = new MemoryStream(session, schema);
    const query = await aggregated(stream).writeStream.format('memory').queryName('changes').outputMode('update').start();
    const seen: Input[] = [];
    const emitted: Row[] = [];

    for (const [batchId, batch] of batches.entries()) {
      stream.addData(batch);
      seen.push(...batch);
      await query.processAllAvailable();
      const changed = [...new Set(batch.map((r) => r.word))].sort().map((w) => groupRow(w, seen));
      emitted.push(...changed);
      // The memory sink appends update-mode output, so the table holds every batch's changed groups.
      const table = await session.table('changes').orderBy('word', 'rows').collect();
      expect(table).toEqual([...emitted].sort((x, y) => String(x.word).localeCompare(String(y.word)) || Number(x.rows) - Number(y.rows)));
      expect(query.lastProgress?.batchId).toBe(batchId);
      expect(query.lastProgress?.sink.numOutputRows).toBe(changed.length);
      expect(query.lastProgress?.stateOperators[0]?.numRowsUpdated).toBe(changed.length);
      expect(query.lastProgress?.stateOperators[0]?.numRowsTotal).toBe(allGroups(seen).length);
    }
    // Spot-check a value the helper computes: group a after batch 1 is 1 + 3 + 10 over 3 rows.
    expect(emitted[2]).toEqual({ word: 'a', rows: 3, nonNull: 3, total: 14, mean: 14 / 3, lo: 1, hi: 10 });
  });

  it('complete mode allows orderBy and limit after the aggregation (top groups so far)', async () => {
    session = Session.builder().create();
    const stream = new MemoryStream(session, schema);
    const top = stream.toDF().groupBy('word').agg(count('*').alias('rows')).orderBy(col('rows').desc(), col('word')).limit(2);
    const query = await top.writeStream.format('memory').queryName('top2').outputMode('complete').start();
    const seen: Input[] = [];
    for (const batch of batches) {
      stream.addData(batch);
      seen.push(...batch);
      await query.processAllAvailable();
      const expected = allGroups(seen).map((g) => ({ word: g.word, rows: g.rows }))
        .sort((x, y) => Number(y.rows) - Number(x.rows) || String(x.word).localeCompare(String(y.word))).slice(0, 2);
      expect(await session.table('top2').collect()).toEqual(expected);
    }
    expect(await session.table('top2').collect()).toEqual([{ word: 'a', rows: 3 }, { word: 'b', rows: 2 }]);
  });

  it('a global aggregation (no keys) emits one row, in complete and update mode alike', async () => {
    session = Session.builder().create();
    const stream = new MemoryStream(session, schema);
    const df = stream.toDF().agg(count('*').alias('rows'), sum('n').alias('total'), max('word').alias('last'));
    const complete = await df.writeStream.format('memory').queryName('g_complete').outputMode('complete').start();
    const update = await df.writeStream.format('memory').queryName('g_update').outputMode('update').start();
    const seen: Input[] = [];
    const updates: Row[] = [];
    for (const batch of batches) {
      stream.addData(batch);
      seen.push(...batch);
      await complete.processAllAvailable();
      await update.processAllAvailable();
      let total = 0;
      for (const r of seen) total += r.n ?? 0;
      const expected = { rows: seen.length, total, last: seen.map((r) => r.word).sort().at(-1) };
      updates.push(expected);
      expect(await session.table('g_complete').collect()).toEqual([expected]);
      expect(await session.table('g_update').orderBy('rows').collect()).toEqual(updates);
    }
  });
});
