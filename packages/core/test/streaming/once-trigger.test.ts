import { afterEach, describe, expect, it } from 'vitest';
import { LONG, MemoryStream, Session, StructType } from 'caudal';
import { TempDirs } from './support/temp-dirs.ts';

// Trigger.Once: one batch with everything available (rate limits ignored), then the query stops itself.

const schema = new StructType().add('n', LONG);
const dirs = new TempDirs();
let session: Session | undefined;
afterEach(async () => { await session?.stop(); session = undefined; dirs.removeAll(); });

describe('trigger({ once: true })', () => {
  it('processes everything in one batch, ignoring maxBatchesPerTrigger, and stops by itself', async () => {
    session = Session.builder().create();
    const checkpointLocation = dirs.make('once');
    const stream = new MemoryStream(session, schema);
    stream.maxBatchesPerTrigger = 1;
    stream.addData([{ n: 1 }, { n: 2 }]);
    stream.addData([{ n: 3 }]);
    stream.addData([{ n: 4 }]);
    const runs: { batchId: number; rows: number[] }[] = [];
    const run = () => stream.toDF().writeStream.trigger({ once: true }).option('checkpointLocation', checkpointLocation)
      .foreachBatch(async (df, batchId) => { runs.push({ batchId, rows: (await df.collect()).map((r) => r.n as number) }); })
      .start();

    const query = await run();
    await expect(query.awaitTermination()).resolves.toBe(true);
    expect(query.isActive).toBe(false);
    expect(query.exception()).toBeNull();
    expect(session.streams.active).toEqual([]);
    expect(runs).toEqual([{ batchId: 0, rows: [1, 2, 3, 4] }]);
    expect(query.recentProgress.map((p) => p.numInputRows)).toEqual([4]);

    // Run again from the same checkpoint: only what arrived since, again in one batch.
    stream.addData([{ n: 5 }]);
    stream.addData([{ n: 6 }]);
    const again = await run();
    await again.awaitTermination();
    expect(again.id).toBe(query.id);
    expect(runs).toEqual([{ batchId: 0, rows: [1, 2, 3, 4] }, { batchId: 1, rows: [5, 6] }]);

    // With nothing new, a once query runs no batch and still stops.
    const idle = await run();
    await idle.awaitTermination();
    expect(runs).toHaveLength(2);
    expect(idle.recentProgress).toEqual([]);
  });
});
