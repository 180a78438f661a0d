import { afterEach, describe, expect, it } from 'vitest';
import { Session, col, window, type StreamingQueryProgress } from 'caudal';

const sessions: Session[] = [];
afterEach(async () => { for (const s of sessions.splice(0)) await s.stop(); });

const ROWS_PER_BATCH = 100_000;
const BATCHES = 12;

describe('a windowed aggregation with a watermark keeps bounded state', () => {
  it(`holds at most 3 windows × 100 keys while ${(ROWS_PER_BATCH * BATCHES).toLocaleString('en')} rows go through, and emits each closed window once`, async () => {
    const session = Session.builder().create();
    sessions.push(session);
    // Batch k: values k·100,000 .. k·100,000 + 99,999, all at event time 5k s. A 10-second window holds two
    // batches; the watermark after batch k is 5k − 10 s, so window [10j, 10j + 10) closes in batch 2j + 5.
    const counts = session.readStream.format('rate-micro-batch')
      .option('rowsPerBatch', ROWS_PER_BATCH)
      .option('advanceMillisPerBatch', 5_000)
      .load()
      .withWatermark('timestamp', '10 seconds')
      .groupBy(window(col('timestamp'), '10 seconds'), col('value').mod(100))
      .count();
    const progress: StreamingQueryProgress[] = [];
    let enough!: () => void;
    const done = new Promise<void>((resolve) => (enough = resolve));
    session.streams.addListener({
      onQueryProgress: ({ progress: p }) => {
        progress.push(p);
        if (progress.length === BATCHES) enough();
      },
    });
    const q = await counts.writeStream.outputMode('append').format('memory').queryName('closed_windows').start();
    await done;
    await q.stop();

    const batches = progress.slice(0, BATCHES);
    expect(batches.map((p) => p.batchId)).toEqual([...Array(BATCHES).keys()]);
    expect(batches.reduce((n, p) => n + p.numInputRows, 0)).toBe(ROWS_PER_BATCH * BATCHES);
    const total = batches.map((p) => p.stateOperators[0]!.numRowsTotal);
    // Growing while the first windows fill (100 keys per window), then flat once they start to close.
    expect(total.slice(0, 5)).toEqual([100, 100, 200, 200, 300]);
    for (const n of total.slice(5)) expect(n).toBeLessThanOrEqual(300);
    expect(Math.max(...total)).toBe(300);

    // Every window closed by the last batch, once, each key with its 2 × 1,000 rows; state removed as much as it emitted.
    const last = progress.at(-1)!.batchId;
    const closedWindows = Math.floor((last - 5) / 2) + 1;
    const rows = await session.table('closed_windows').collect();
    expect(rows.length).toBe(closedWindows * 100);
    const byWindow = new Map<number, number[]>();
    for (const r of rows) {
      const start = (r.window as { start: Date }).start.getTime();
      byWindow.set(start, [...(byWindow.get(start) ?? []), r['(value % 100)'] as number]);
      expect(r.count).toBe(2_000);
    }
    expect([...byWindow.keys()]).toEqual(Array.from({ length: closedWindows }, (_, j) => j * 10_000));
    for (const keys of byWindow.values()) expect([...keys].sort((a, b) => a - b)).toEqual([...Array(100).keys()]);
    expect(progress.reduce((n, p) => n + p.stateOperators[0]!.numRowsRemoved, 0)).toBe(closedWindows * 100);
  });
});
