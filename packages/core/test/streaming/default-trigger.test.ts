import { afterEach, describe, expect, it } from 'vitest';
import { LONG, MemoryStream, Session, StructType } from 'caudal';
import { waitFor } from './support/wait-for.ts';

// The default trigger: the next batch runs as soon as new data is there; no data, no batch.

const schema = new StructType().add('n', LONG);
let session: Session | undefined;
afterEach(async () => { await session?.stop(); session = undefined; });

describe('the default trigger', () => {
  it('runs a batch after addData, without processAllAvailable, and none while idle', async () => {
    session = Session.builder().create();
    const stream = new MemoryStream(session, schema);
    const runs: { batchId: number; rows: number[] }[] = [];
    const query = await stream.toDF().writeStream
      .foreachBatch(async (df, batchId) => { runs.push({ batchId, rows: (await df.collect()).map((r) => r.n as number) }); })
      .start();

    await waitFor(() => query.status.message === 'Waiting for data to arrive', 'the query to go idle');
    expect(runs).toEqual([]);
    expect(query.lastProgress).toBeNull();

    stream.addData([{ n: 1 }, { n: 2 }]);
    await waitFor(() => runs.length === 1, 'batch 0');
    stream.addData([{ n: 3 }]);
    await waitFor(() => runs.length === 2, 'batch 1');
    expect(runs).toEqual([{ batchId: 0, rows: [1, 2] }, { batchId: 1, rows: [3] }]);
    await waitFor(() => query.status.message === 'Waiting for data to arrive', 'the query to go idle again');
    expect(query.recentProgress.map((p) => p.batchId)).toEqual([0, 1]);
  });

  it('respects the source rate limit: one added batch per micro-batch with maxBatchesPerTrigger = 1', async () => {
    session = Session.builder().create();
    const stream = new MemoryStream(session, schema);
    stream.maxBatchesPerTrigger = 1;
    stream.addData([{ n: 1 }]);
    stream.addData([{ n: 2 }, { n: 3 }]);
    stream.addData([{ n: 4 }]);
    const runs: number[][] = [];
    const query = await stream.toDF().writeStream
      .foreachBatch(async (df) => { runs.push((await df.collect()).map((r) => r.n as number)); })
      .start();
    await query.processAllAvailable();
    expect(runs).toEqual([[1], [2, 3], [4]]);
  });
});
