import { afterEach, describe, expect, it } from 'vitest';
import { LONG, ManualClock, MemoryStream, Session, StructType } from 'caudal';
import { captureStderr } from './support/capture-output.ts';
import { nextTurn, untilWaitingOnClock } from './support/wait-for.ts';

// Trigger.ProcessingTime under a manual clock: batches start only on multiples of the interval,
// only when the clock gets there, and only when there is new data.

const schema = new StructType().add('n', LONG);

let session: Session | undefined;
afterEach(async () => { await session?.stop(); session = undefined; });

function setup(startMs: number) {
  const clock = new ManualClock(startMs);
  session = Session.builder().clock(clock).create();
  const stream = new MemoryStream(session, schema);
  const runs: { batchId: number; at: number; rows: number[] }[] = [];
  return { clock, stream, runs, session };
}

describe("trigger({ processingTime: '10 seconds' })", () => {
  it('runs at aligned times, only when the clock is advanced there and data is waiting', async () => {
    const { clock, stream, runs, session: s } = setup(103_000);
    stream.addData([{ n: 1 }]);
    const query = await stream.toDF().writeStream.trigger({ processingTime: '10 seconds' })
      .foreachBatch(async (df, batchId) => { runs.push({ batchId, at: clock.now(), rows: (await df.collect()).map((r) => r.n as number) }); })
      .start();

    // The first trigger fires at start.
    await untilWaitingOnClock(clock, query);
    expect(runs).toEqual([{ batchId: 0, at: 103_000, rows: [1] }]);
    expect(query.status).toEqual({ message: 'Waiting for next trigger', isDataAvailable: false, isTriggerActive: false });

    // New data alone does not start a batch; neither does time short of the next multiple of 10 s.
    stream.addData([{ n: 2 }]);
    for (let i = 0; i < 50; i++) await nextTurn();
    clock.advance(6_999);
    await untilWaitingOnClock(clock, query);
    expect(runs).toHaveLength(1);

    clock.advance(1); // 110 000: aligned to the interval, not to the start time
    await untilWaitingOnClock(clock, query);
    expect(runs).toEqual([{ batchId: 0, at: 103_000, rows: [1] }, { batchId: 1, at: 110_000, rows: [2] }]);

    // A trigger with no new data runs no batch.
    clock.advance(10_000);
    await untilWaitingOnClock(clock, query);
    expect(runs).toHaveLength(2);

    stream.addData([{ n: 3 }]);
    stream.addData([{ n: 4 }]);
    clock.advance(9_000);
    await untilWaitingOnClock(clock, query);
    expect(runs).toHaveLength(2);
    clock.advance(1_000); // 130 000
    await untilWaitingOnClock(clock, query);
    expect(runs.slice(2)).toEqual([{ batchId: 2, at: 130_000, rows: [3, 4] }]);
    expect(query.recentProgress.map((p) => p.timestamp)).toEqual([
      new Date(103_000).toISOString(), new Date(110_000).toISOString(), new Date(130_000).toISOString(),
    ]);
    await s.stop();
    expect(query.isActive).toBe(false);
  });

  it('after an overrun the next batch starts at once, and the query says it is falling behind', async () => {
    const { clock, stream, runs } = setup(0);
    stream.addData([{ n: 1 }]);
    const query = await stream.toDF().writeStream.trigger({ processingTime: '10 seconds' })
      .foreachBatch(async (df, batchId) => {
        runs.push({ batchId, at: clock.now(), rows: (await df.collect()).map((r) => r.n as number) });
        if (batchId === 1) {
          // This batch takes 25 s, and more data arrives meanwhile.
          clock.advance(25_000);
          stream.addData([{ n: 3 }]);
        }
      })
      .start();
    await untilWaitingOnClock(clock, query);
    expect(runs).toEqual([{ batchId: 0, at: 0, rows: [1] }]);

    stream.addData([{ n: 2 }]);
    const { text } = await captureStderr(async () => {
      clock.advance(10_000);
      await untilWaitingOnClock(clock, query);
    });
    // Batch 2 ran at 35 s, right after the overrun (no waiting for 40 s, no catch-up burst).
    expect(runs).toEqual([
      { batchId: 0, at: 0, rows: [1] },
      { batchId: 1, at: 10_000, rows: [2] },
      { batchId: 2, at: 35_000, rows: [3] },
    ]);
    expect(text).toBe('Current batch is falling behind. The trigger interval is 10000 milliseconds, but spent 25000 milliseconds\n');
    expect(clock.now()).toBe(35_000);

    // Back on the 10 s grid: the next trigger is at 40 s.
    stream.addData([{ n: 4 }]);
    clock.advance(4_999);
    await untilWaitingOnClock(clock, query);
    expect(runs).toHaveLength(3);
    clock.advance(1);
    await untilWaitingOnClock(clock, query);
    expect(runs.at(-1)).toEqual({ batchId: 3, at: 40_000, rows: [4] });
  });
});
