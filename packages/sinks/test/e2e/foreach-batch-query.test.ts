import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MemoryStream, STRING, Session, StructType, col, explode, split, type DataFrame, type Row } from 'caudal';

const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function wordCounts(): { session: Session; input: MemoryStream; counts: DataFrame } {
  const session = Session.builder().create();
  cleanups.push(() => session.stop());
  const input = new MemoryStream(session, new StructType().add('value', STRING));
  return { session, input, counts: input.toDF().select(explode(split(col('value'), ' ')).alias('word')).groupBy('word').count() };
}

describe('foreachBatch sink in a running query', () => {
  it("hands each batch's output to the function as a static DataFrame with its batch id", async () => {
    const { input, counts } = wordCounts();
    const seen: { batchId: number; streaming: boolean; rows: Row[]; total: number }[] = [];
    const query = await counts.writeStream.outputMode('complete').foreachBatch(async (df, batchId) => {
      // Any batch operation works on it: sort, filter, count, several actions.
      seen.push({
        batchId,
        streaming: df.isStreaming,
        rows: await df.orderBy(col('count').desc(), 'word').collect(),
        total: await df.filter(col('count').gt(1)).count(),
      });
    }).start();
    input.addData([['b a b']]);
    await query.processAllAvailable();
    input.addData([['a c a']]);
    await query.processAllAvailable();
    await query.stop();
    expect(seen).toEqual([
      { batchId: 0, streaming: false, rows: [{ word: 'b', count: 2 }, { word: 'a', count: 1 }], total: 1 },
      { batchId: 1, streaming: false, rows: [{ word: 'a', count: 3 }, { word: 'b', count: 2 }, { word: 'c', count: 1 }], total: 2 },
    ]);
  });

  it('passes the same batch id again when a batch is replayed after a restart', async () => {
    const { input, counts } = wordCounts();
    const checkpointLocation = mkdtempSync(join(tmpdir(), 'caudal-foreach-batch-e2e-'));
    cleanups.push(() => rmSync(checkpointLocation, { recursive: true, force: true }));
    const calls: [number, Row[]][] = [];
    const start = () => counts.writeStream.outputMode('update').option('checkpointLocation', checkpointLocation)
      .foreachBatch(async (df, batchId) => void calls.push([batchId, await df.collect()])).start();

    let query = await start();
    input.addData([['a']]);
    await query.processAllAvailable();
    input.addData([['a b']]);
    await query.processAllAvailable();
    await query.stop();
    // As if the process died after the function ran for batch 1 but before commits/1 was written.
    rmSync(join(checkpointLocation, 'commits', '1'));
    query = await start();
    await query.processAllAvailable();
    await query.stop();
    expect(calls).toEqual([
      [0, [{ word: 'a', count: 1 }]],
      [1, [{ word: 'a', count: 2 }, { word: 'b', count: 1 }]],
      [1, [{ word: 'a', count: 2 }, { word: 'b', count: 1 }]],
    ]);
  });

  it('stops the query with the error the function threw', async () => {
    const { input, counts } = wordCounts();
    const query = await counts.writeStream.outputMode('update').foreachBatch((_df, batchId) => {
      if (batchId === 1) throw new Error('downstream unavailable');
    }).start();
    input.addData([['a']]);
    await query.processAllAvailable();
    input.addData([['b']]);
    await expect(query.awaitTermination()).rejects.toThrow(/terminated with exception: downstream unavailable$/);
    expect(query.lastProgress?.batchId).toBe(0);
  });
});
