import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  ColumnBatch, LONG, MemoryStream, STRING, Session, StreamingQueryException, StructType, registerSource, type Row,
} from 'caudal';
import { TempDirs } from './support/temp-dirs.ts';

// A failure anywhere in a batch ends the query: exception(), awaitTermination() and processAllAvailable()
// all report the same StreamingQueryException, nothing hangs, and a stateful query's state is unharmed.

const schema = new StructType().add('word', STRING).add('n', LONG);
const dirs = new TempDirs();
let session: Session | undefined;
afterEach(async () => { await session?.stop(); session = undefined; dirs.removeAll(); });

describe('a query whose foreachBatch function throws', () => {
  it('terminates with a StreamingQueryException that every waiter sees', async () => {
    session = Session.builder().create();
    const stream = new MemoryStream(session, schema);
    const got: number[] = [];
    const query = await stream.toDF().writeStream.queryName('fragile')
      .foreachBatch((_df, batchId) => {
        if (batchId === 1) throw new Error('cannot write batch 1');
        got.push(batchId);
      })
      .start();
    const terminated = query.awaitTermination();
    stream.addData([{ word: 'a', n: 1 }]);
    await query.processAllAvailable();
    expect(query.exception()).toBeNull();

    stream.addData([{ word: 'b', n: 2 }]);
    const pending = query.processAllAvailable();
    await expect(pending).rejects.toBeInstanceOf(StreamingQueryException);

    const e = query.exception();
    expect(e).toBeInstanceOf(StreamingQueryException);
    expect(e!.message).toBe(`Query fragile [id = ${query.id}, runId = ${query.runId}] terminated with exception: cannot write batch 1`);
    expect(e!.cause.message).toBe('cannot write batch 1');
    expect([e!.queryName, e!.queryId, e!.runId]).toEqual(['fragile', query.id, query.runId]);
    await expect(pending).rejects.toBe(e);
    await expect(terminated).rejects.toBe(e);
    await expect(query.awaitTermination()).rejects.toBe(e);
    await expect(query.awaitTermination(1)).rejects.toBe(e);
    await expect(query.processAllAvailable()).rejects.toBe(e);
    expect(query.isActive).toBe(false);
    expect(query.status.message).toBe('Stopped');
    expect(session.streams.active).toEqual([]);
    expect(got).toEqual([0]);
    expect(query.recentProgress.map((p) => p.batchId)).toEqual([0]);
    // stop() on a failed query is harmless.
    await query.stop();
  });

  it('names an unnamed query by its ids only, as Spark does', async () => {
    session = Session.builder().create();
    const stream = new MemoryStream(session, schema);
    const query = await stream.toDF().writeStream.foreachBatch(() => { throw new TypeError('bad row'); }).start();
    stream.addData([{ word: 'a', n: 1 }]);
    const e = await query.awaitTermination().then(() => null, (x: unknown) => x as Error);
    expect(e!.message).toBe(`Query [id = ${query.id}, runId = ${query.runId}] terminated with exception: bad row`);
  });
});

describe('a query whose source fails', () => {
  it('terminates before the sink sees the batch', async () => {
    session = Session.builder().create();
    const valueSchema = new StructType().add('value', STRING);
    registerSource({
      format: 'failing-source',
      streamSchema: () => valueSchema,
      createStreamSource: () => ({
        schema: valueSchema,
        description: 'FailingSource',
        start: async () => {},
        initialOffset: () => 0,
        latestOffset: async () => 1,
        getBatch: async (): Promise<ColumnBatch[]> => { throw new Error('connection reset'); },
        commit: async () => {},
        stop: async () => {},
      }),
    });
    const sunk: number[] = [];
    const query = await session.readStream.format('failing-source').load().writeStream
      .foreachBatch((_df, id) => { sunk.push(id); }).start();
    await expect(query.awaitTermination()).rejects.toThrow(
      `Query [id = ${query.id}, runId = ${query.runId}] terminated with exception: connection reset`,
    );
    expect(sunk).toEqual([]);
  });
});

describe('a failure inside a stateful batch', () => {
  it('leaves the state as before the batch: the restarted query re-runs it and counts each row once', async () => {
    session = Session.builder().create();
    const checkpointLocation = dirs.make('stateful-failure');
    const stream = new MemoryStream(session, schema);
    let failNext = false;
    const outputs: { batchId: number; rows: Row[] }[] = [];
    const start = () => stream.toDF().groupBy('word').count().writeStream.outputMode('complete')
      .option('checkpointLocation', checkpointLocation)
      .foreachBatch(async (df, batchId) => {
        const rows = await df.orderBy('word').collect();
        if (failNext) { failNext = false; throw new Error('sink down'); }
        outputs.push({ batchId, rows });
      })
      .start();

    let query = await start();
    stream.addData([{ word: 'a', n: 1 }, { word: 'b', n: 1 }]);
    await query.processAllAvailable();

    failNext = true;
    stream.addData([{ word: 'a', n: 1 }, { word: 'c', n: 1 }]);
    await expect(query.awaitTermination()).rejects.toThrow('sink down');
    // Batch 1 was planned (offsets/1) but never committed, and its state was not saved.
    expect(existsSync(join(checkpointLocation, 'offsets', '1'))).toBe(true);
    expect(existsSync(join(checkpointLocation, 'commits', '1'))).toBe(false);
    expect(readdirSync(join(checkpointLocation, 'state', '0')).filter((f) => !f.startsWith('.')).sort()).toEqual(['1.delta']);
    expect(outputs).toEqual([{ batchId: 0, rows: [{ word: 'a', count: 1 }, { word: 'b', count: 1 }] }]);

    query = await start();
    await query.processAllAvailable();
    expect(outputs.slice(1)).toEqual([
      { batchId: 1, rows: [{ word: 'a', count: 2 }, { word: 'b', count: 1 }, { word: 'c', count: 1 }] },
    ]);
    stream.addData([{ word: 'c', n: 1 }]);
    await query.processAllAvailable();
    expect(outputs.slice(2)).toEqual([
      { batchId: 2, rows: [{ word: 'a', count: 2 }, { word: 'b', count: 1 }, { word: 'c', count: 2 }] },
    ]);
  });
});
