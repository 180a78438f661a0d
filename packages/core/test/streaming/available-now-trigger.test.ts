import { afterEach, describe, expect, it } from 'vitest';
import { LONG, MemoryStream, Session, StructType } from 'caudal';
import { TempDirs } from './support/temp-dirs.ts';

// Trigger.AvailableNow: what is there at start, in as many batches as the rate limit needs, then stop.

const schema = new StructType().add('n', LONG);
const dirs = new TempDirs();
let session: Session | undefined;
afterEach(async () => { await session?.stop(); session = undefined; dirs.removeAll(); });

describe('trigger({ availableNow: true })', () => {
  it('processes the data present at start in several batches, ignores later data, and stops by itself', async () => {
    session = Session.builder().create();
    const checkpointLocation = dirs.make('available-now');
    const stream = new MemoryStream(session, schema);
    stream.maxBatchesPerTrigger = 2;
    for (let n = 1; n <= 5; n++) stream.addData([{ n }, { n: n * 10 }]);
    const runs: { batchId: number; rows: number[] }[] = [];
    const run = () => stream.toDF().writeStream.trigger({ availableNow: true }).option('checkpointLocation', checkpointLocation)
      .foreachBatch(async (df, batchId) => { runs.push({ batchId, rows: (await df.collect()).map((r) => r.n as number) }); })
      .start();

    const query = await run();
    stream.addData([{ n: 6 }]); // after start: not part of this run
    await expect(query.awaitTermination()).resolves.toBe(true);
    expect(query.isActive).toBe(false);
    expect(session.streams.active).toEqual([]);
    expect(runs).toEqual([
      { batchId: 0, rows: [1, 10, 2, 20] },
      { batchId: 1, rows: [3, 30, 4, 40] },
      { batchId: 2, rows: [5, 50] },
    ]);

    // The next run from the same checkpoint takes what was left behind.
    const next = await run();
    await next.awaitTermination();
    expect(runs.slice(3)).toEqual([{ batchId: 3, rows: [6] }]);
  });
});
