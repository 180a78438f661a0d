import { appendFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import type { StreamingQueryProgress } from 'caudal';
import { SettleTracker } from '../../src/file/stream/settle-tracker.ts';
import { BatchRecorder, T0, TestContext } from './support/stream-fixtures.ts';

const t = new TestContext();
afterEach(() => t.close());

const file = (path: string, size: number, modificationTimeMs: number) => ({ path, size, modificationTimeMs });

describe('SettleTracker', () => {
  it('takes a file whose modification time is at least the settle time old', () => {
    const s = new SettleTracker(200);
    expect(s.split([file('/a', 1, 1000), file('/b', 1, 1801)], 2000)).toEqual({ settled: [file('/a', 1, 1000)], waitMs: 1 });
  });

  it('takes a file unchanged across listings for the settle time, even with a modification time in the future', () => {
    const s = new SettleTracker(200);
    const future = file('/f', 10, 9000);
    expect(s.split([future], 1000)).toEqual({ settled: [], waitMs: 200 });
    expect(s.split([future], 1150)).toEqual({ settled: [], waitMs: 50 });
    expect(s.split([future], 1200)).toEqual({ settled: [future], waitMs: undefined });
  });

  it('starts over when the size or modification time changes', () => {
    const s = new SettleTracker(200);
    expect(s.split([file('/g', 10, 5000)], 1000).settled).toEqual([]);
    expect(s.split([file('/g', 20, 5000)], 1150)).toEqual({ settled: [], waitMs: 200 });
    expect(s.split([file('/g', 20, 5000)], 1350).settled).toEqual([file('/g', 20, 5000)]);
  });

  it('with settle time 0 takes every file at once', () => {
    expect(new SettleTracker(0).split([file('/h', 1, 99_999)], 0)).toEqual({ settled: [file('/h', 1, 99_999)], waitMs: undefined });
  });
});

/** Resolves with the first progress report of a batch that read rows. */
function firstDataBatch(session: ReturnType<TestContext['session']>): Promise<StreamingQueryProgress> {
  return new Promise((resolve) => {
    const listener = {
      onQueryProgress: ({ progress }: { progress: StreamingQueryProgress }) => {
        if (progress.numInputRows === 0) return;
        session.streams.removeListener(listener);
        resolve(progress);
      },
    };
    session.streams.addListener(listener);
  });
}

describe('files still being written', () => {
  it('a fresh file waits for fileSettleTime, then is read', async () => {
    const spark = t.session();
    const dir = t.dir();
    const rec = new BatchRecorder();
    const q = t.query(await spark.readStream.schema('v STRING').option('fileSettleTime', '1500ms').csv(dir.input)
      .writeStream.foreachBatch(rec.sink).option('checkpointLocation', dir.checkpoint).start());
    const batch = firstDataBatch(spark);
    dir.write('fresh.csv', 'x\n');
    await q.processAllAvailable();
    expect(rec.list()).toEqual([]);
    expect((await batch).numInputRows).toBe(1);
    expect(rec.list()).toEqual([[['x']]]);
  });

  it('a file written slowly in pieces is read whole, in one batch', async () => {
    const spark = t.session();
    const dir = t.dir();
    const rec = new BatchRecorder();
    const q = t.query(await spark.readStream.schema('v INT').option('fileSettleTime', '1s').csv(dir.input)
      .writeStream.foreachBatch(rec.sink).option('checkpointLocation', dir.checkpoint).start());
    const batch = firstDataBatch(spark);
    const path = dir.write('slow.csv', '');
    for (let i = 0; i < 10; i++) {
      appendFileSync(path, `${i}\n`);
      await sleep(50);
    }
    await batch;
    await q.processAllAvailable();
    expect(rec.list()).toEqual([Array.from({ length: 10 }, (_, i) => [i])]);
  });

  it('a file last modified long ago is taken at once, whatever the settle time', async () => {
    const spark = t.session();
    const dir = t.dir();
    dir.write('old.csv', 'y\n', T0);
    const rec = new BatchRecorder();
    const q = t.query(await spark.readStream.schema('v STRING').option('fileSettleTime', '1h').csv(dir.input)
      .writeStream.foreachBatch(rec.sink).option('checkpointLocation', dir.checkpoint).start());
    await q.processAllAvailable();
    expect(rec.list()).toEqual([[['y']]]);
  });
});
