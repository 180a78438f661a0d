import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LONG, ManualClock, MemoryStream, Session, StructType, col } from 'caudal';
import { TempDirs } from './support/temp-dirs.ts';

// Restarting a stateless query from its checkpoint: it continues where it stopped, and a batch that was
// planned but not committed (a crash between offsets/N and commits/N) runs again exactly as planned.

const schema = new StructType().add('n', LONG);
const T0 = 1_700_000_000_000;
const dirs = new TempDirs();
let session: Session | undefined;
afterEach(async () => { await session?.stop(); session = undefined; dirs.removeAll(); });

interface Run { batchId: number; rows: number[]; runId: string }

function setup() {
  const clock = new ManualClock(T0);
  session = Session.builder().clock(clock).create();
  const dir = dirs.make('restart');
  const stream = new MemoryStream(session, schema);
  const runs: Run[] = [];
  let runId = '';
  const start = async () => {
    const q = await stream.toDF().select(col('n').multiply(10).alias('n')).writeStream.option('checkpointLocation', dir)
      .foreachBatch(async (df, batchId) => { runs.push({ batchId, rows: (await df.collect()).map((r) => r.n as number), runId }); })
      .start();
    runId = q.runId;
    return q;
  };
  return { clock, dir, stream, runs, start };
}

describe('restart from a checkpoint', () => {
  it('continues with batch N+1 and reprocesses nothing', async () => {
    const { stream, runs, start } = setup();
    let query = await start();
    stream.addData([{ n: 1 }]);
    await query.processAllAvailable();
    stream.addData([{ n: 2 }, { n: 3 }]);
    await query.processAllAvailable();
    await query.stop();
    expect(runs.map((r) => [r.batchId, r.rows])).toEqual([[0, [10]], [1, [20, 30]]]);

    // Data that arrived while the query was down is the next batch; nothing before it is read again.
    stream.addData([{ n: 4 }]);
    query = await start();
    await query.processAllAvailable();
    expect(runs.slice(2).map((r) => [r.batchId, r.rows])).toEqual([[2, [40]]]);
    stream.addData([{ n: 5 }]);
    await query.processAllAvailable();
    expect(runs.slice(3).map((r) => [r.batchId, r.rows])).toEqual([[3, [50]]]);
    expect(query.recentProgress.map((p) => p.batchId)).toEqual([2, 3]);
    expect(query.lastProgress!.sources[0]).toMatchObject({ startOffset: 3, endOffset: 4 });

    // A restart with nothing new runs no batch.
    await query.stop();
    query = await start();
    await query.processAllAvailable();
    expect(runs).toHaveLength(4);
    expect(query.recentProgress).toEqual([]);
  });

  it('re-runs an uncommitted batch with the same id, offsets, rows and batch timestamp', async () => {
    const { clock, dir, stream, runs, start } = setup();
    let query = await start();
    stream.addData([{ n: 1 }]);
    await query.processAllAvailable();
    clock.advance(1_000);
    stream.addData([{ n: 2 }]);
    stream.addData([{ n: 3 }]);
    await query.processAllAvailable();
    await query.stop();
    const offsetsBefore = readFileSync(join(dir, 'offsets', '1'), 'utf8');
    expect(offsetsBefore).toBe(`v1\n{"batchWatermarkMs":0,"batchTimestampMs":${T0 + 1_000},"conf":{}}\n{"0":3}\n`);

    // Simulate a crash after offsets/1 was written and before commits/1 was.
    rmSync(join(dir, 'commits', '1'));
    stream.addData([{ n: 4 }]); // arrived while down: must not join the replayed batch
    clock.advance(60_000);
    query = await start();
    await query.processAllAvailable();

    expect(runs.map((r) => [r.batchId, r.rows])).toEqual([[0, [10]], [1, [20, 30]], [1, [20, 30]], [2, [40]]]);
    expect(runs[2]!.runId).toBe(query.runId);
    // The replay used offsets/1 as written (same end offset and batch timestamp, not the clock's new time).
    expect(readFileSync(join(dir, 'offsets', '1'), 'utf8')).toBe(offsetsBefore);
    expect(readFileSync(join(dir, 'offsets', '2'), 'utf8')).toBe(
      `v1\n{"batchWatermarkMs":0,"batchTimestampMs":${T0 + 61_000},"conf":{}}\n{"0":4}\n`,
    );
    expect(readFileSync(join(dir, 'commits', '1'), 'utf8')).toBe('v1\n{"nextBatchWatermarkMs":0}\n');
    expect(query.recentProgress.map((p) => [p.batchId, p.numInputRows])).toEqual([[1, 2], [2, 1]]);
  });
});
