import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock, Session, type Row } from 'caudal';
import { untilClockWaited } from './helpers/clock-waiting.ts';
import { ProgressWatch } from './helpers/progress-watch.ts';

const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function newSession(clock?: ManualClock): { session: Session; watch: ProgressWatch } {
  const builder = Session.builder();
  const session = (clock ? builder.clock(clock) : builder).create();
  cleanups.push(() => session.stop());
  const watch = new ProgressWatch(session);
  cleanups.push(() => watch.close());
  return { session, watch };
}

/** The offset (whole seconds since start) a rate batch ended at. */
const endSecond = (p: { sources: readonly { endOffset: unknown }[] }): unknown => p.sources[0]?.endOffset;

describe('rate source through the engine', () => {
  it('delivers exactly rowsPerSecond rows per second of the session clock, values 0.. in order', async () => {
    const t0 = Date.UTC(2024, 0, 1, 12, 0, 0);
    const clock = new ManualClock(t0);
    const { session, watch } = newSession(clock);
    const query = await session.readStream.format('rate').option('rowsPerSecond', 100).load()
      .writeStream.format('memory').queryName('ticks').trigger({ processingTime: '1 second' }).start();

    await untilClockWaited(clock);
    clock.advance(30_000);
    await watch.untilReport((p) => endSecond(p) === 30);
    await untilClockWaited(clock);
    clock.advance(30_000);
    await watch.untilReport((p) => endSecond(p) === 60);
    await query.stop();

    expect(watch.totalInputRows).toBe(6000);
    const rows = await session.table('ticks').collect();
    expect(rows).toHaveLength(6000);
    // Spark's rate source spreads a second's rows evenly: value v is stamped t0 + v * (1000 / rowsPerSecond) ms.
    expect(rows).toEqual(Array.from({ length: 6000 }, (_, v) => ({ timestamp: new Date(t0 + v * 10), value: v })));
    expect(watch.reports.map((p) => [p.numInputRows, p.sources[0]?.startOffset, endSecond(p)])).toEqual([[3000, null, 30], [3000, 30, 60]]);
  });

  it('on the real clock, reads rowsPerSecond rows for every whole second its offsets moved', async () => {
    const { session, watch } = newSession();
    const query = await session.readStream.format('rate').option('rowsPerSecond', 200).load()
      .writeStream.format('memory').queryName('ticks').trigger({ processingTime: '500 milliseconds' }).start();
    // About three seconds, measured by the source itself rather than by the test.
    await watch.untilReport((p) => (endSecond(p) as number) >= 3);
    await query.stop();

    const last = endSecond(watch.reports.at(-1)!) as number;
    const rows = await session.table('ticks').collect();
    expect(rows).toHaveLength(200 * last);
    expect(rows.map((r) => r['value'])).toEqual(Array.from({ length: 200 * last }, (_, v) => v));
    for (const p of watch.reports) {
      const start = (p.sources[0]?.startOffset ?? 0) as number;
      expect(p.numInputRows).toBe(200 * ((endSecond(p) as number) - start));
    }
  });
});

describe('rate-micro-batch source through the engine', () => {
  /** Five batches on a manual clock, one per trigger; returns each batch's rows by batch id. */
  async function fiveBatches(): Promise<Map<number, Row[]>> {
    const clock = new ManualClock(Date.UTC(2024, 0, 1));
    const { session, watch } = newSession(clock);
    const batches = new Map<number, Row[]>();
    const query = await session.readStream.format('rate-micro-batch')
      .options({ rowsPerBatch: 7, numPartitions: 2, startTimestamp: 1_000_000, advanceMillisPerBatch: 250 }).load()
      .writeStream.trigger({ processingTime: '1 second' })
      .foreachBatch(async (df, batchId) => void batches.set(batchId, await df.collect()))
      .start();
    for (let k = 0; k < 5; k++) {
      await watch.untilReport((p) => p.batchId === k);
      if (k === 4) break;
      await untilClockWaited(clock);
      clock.advance(1000);
    }
    await query.stop();
    return batches;
  }

  it('puts values k*rowsPerBatch .. (k+1)*rowsPerBatch - 1 in batch k, all at the event time of batch k', async () => {
    const batches = await fiveBatches();
    expect([...batches.keys()]).toEqual([0, 1, 2, 3, 4]);
    for (const [k, rows] of batches) {
      const values = rows.map((r) => r['value'] as number).sort((a, b) => a - b);
      expect(values).toEqual(Array.from({ length: 7 }, (_, i) => k * 7 + i));
      expect(new Set(rows.map((r) => (r['timestamp'] as Date).getTime()))).toEqual(new Set([1_000_000 + k * 250]));
    }
  });

  it('gives identical batches, row for row, in two independent runs', async () => {
    const first = await fiveBatches();
    const second = await fiveBatches();
    expect(second).toEqual(first);
  });
});
