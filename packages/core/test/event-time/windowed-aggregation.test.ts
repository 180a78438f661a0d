import { afterEach, describe, expect, it } from 'vitest';
import { MemoryStream, Session, StructType, col, count, window, window_time, sum, type DataFrame } from 'caudal';

const schema = new StructType([
  { name: 'word', dataType: { kind: 'string' }, nullable: true },
  { name: 'ts', dataType: { kind: 'timestamp' }, nullable: true },
]);
const at = (hhmm: string): Date => new Date(`2024-01-01T${hhmm}:00Z`);
const sessions: Session[] = [];
afterEach(async () => { for (const s of sessions.splice(0)) await s.stop(); });

interface Captured { batchId: number; rows: Record<string, unknown>[] }

/** Runs a query into foreachBatch and returns every batch's rows (window rendered as start–end HH:MM). */
async function start(df: DataFrame, mode: string) {
  const batches: Captured[] = [];
  const q = await df.writeStream.outputMode(mode).foreachBatch(async (b, batchId) => {
    const rows = (await b.collect()).map((r) => {
      const w = r.window as { start: Date; end: Date } | undefined;
      const out: Record<string, unknown> = { ...r };
      if (w) out.window = `${w.start.toISOString().slice(11, 16)}-${w.end.toISOString().slice(11, 16)}`;
      return out;
    });
    batches.push({ batchId, rows });
  }).start();
  return { q, batches };
}

function setup() {
  const session = Session.builder().create();
  sessions.push(session);
  const stream = new MemoryStream(session, schema);
  return { session, stream };
}

describe('event-time windows with a watermark', () => {
  it('append mode emits each window once, after the watermark passes its end, then evicts it', async () => {
    const { stream } = setup();
    const counts = stream.toDF().withWatermark('ts', '10 minutes')
      .groupBy(window(col('ts'), '10 minutes'), col('word')).count();
    const { q, batches } = await start(counts, 'append');

    stream.addData([{ word: 'owl', ts: at('12:02') }, { word: 'cat', ts: at('12:07') }, { word: 'owl', ts: at('12:08') }]);
    await q.processAllAvailable();
    // Watermark after batch 0: 12:08 - 10 min = 11:58; nothing closed yet.
    expect(batches.map((b) => b.rows)).toEqual([[]]);

    stream.addData([{ word: 'owl', ts: at('12:21') }]);
    await q.processAllAvailable();
    // Batch 1 runs with watermark 11:58; its end moves the watermark to 12:11, so a no-data batch 2 emits [12:00, 12:10).
    expect(batches.map((b) => b.batchId)).toEqual([0, 1, 2]);
    expect(batches[2]!.rows).toEqual([{ window: '12:00-12:10', word: 'owl', count: 2 }, { window: '12:00-12:10', word: 'cat', count: 1 }]);
    expect(q.lastProgress?.stateOperators[0]?.numRowsTotal).toBe(1);
    expect(q.lastProgress?.stateOperators[0]?.numRowsRemoved).toBe(2);

    // 12:05 is late for the closed window (end 12:10 <= watermark 12:11): dropped and counted.
    stream.addData([{ word: 'cat', ts: at('12:05') }, { word: 'owl', ts: at('12:24') }]);
    await q.processAllAvailable();
    const last = q.recentProgress.find((p) => p.batchId === 3)!;
    expect(last.stateOperators[0]?.numRowsDroppedByWatermark).toBe(1);
    expect(last.eventTime).toEqual({
      watermark: '2024-01-01T12:11:00.000Z', min: '2024-01-01T12:05:00.000Z', max: '2024-01-01T12:24:00.000Z', avg: '2024-01-01T12:14:30.000Z',
    });
    expect(batches.flatMap((b) => b.rows).filter((r) => r.word === 'cat')).toEqual([{ window: '12:00-12:10', word: 'cat', count: 1 }]);
  });

  it('update mode emits changed windows every batch and evicts closed ones silently', async () => {
    const { stream } = setup();
    const counts = stream.toDF().withWatermark('ts', '5 minutes').groupBy(window('ts', '10 minutes')).agg(count('*').alias('n'));
    const { q, batches } = await start(counts, 'update');
    stream.addData([{ word: 'a', ts: at('12:01') }, { word: 'b', ts: at('12:03') }]);
    await q.processAllAvailable();
    stream.addData([{ word: 'c', ts: at('12:04') }, { word: 'd', ts: at('12:26') }]);
    await q.processAllAvailable();
    expect(batches[0]!.rows).toEqual([{ window: '12:00-12:10', n: 2 }]);
    expect(batches[1]!.rows).toEqual([{ window: '12:00-12:10', n: 3 }, { window: '12:20-12:30', n: 1 }]);
    // Watermark is now 12:21: the [12:00, 12:10) window is evicted by a no-data batch that emits nothing.
    expect(batches.length).toBe(3);
    expect(batches[2]!.rows).toEqual([]);
    expect(q.lastProgress?.stateOperators[0]?.numRowsTotal).toBe(1);
  });

  it('sliding windows: a row belongs to every window that covers it', async () => {
    const { session } = setup();
    const df = session.createDataFrame([{ ts: at('12:07'), v: 1 }, { ts: at('12:12'), v: 2 }]);
    const rows = await df.groupBy(window('ts', '10 minutes', '5 minutes')).agg(sum('v').alias('s')).orderBy('window').collect();
    const fmt = (w: unknown): string => {
      const x = w as { start: Date; end: Date };
      return `${x.start.toISOString().slice(11, 16)}-${x.end.toISOString().slice(11, 16)}`;
    };
    expect(rows.map((r) => [fmt(r.window), r.s])).toEqual([['12:00-12:10', 1], ['12:05-12:15', 3], ['12:10-12:20', 2]]);
  });

  it('chains a 5-minute window aggregation into a 1-hour one through window_time in append mode', async () => {
    const { stream } = setup();
    const fiveMin = stream.toDF().withWatermark('ts', '0 seconds')
      .groupBy(window('ts', '5 minutes')).agg(count('*').alias('n'));
    const hourly = fiveMin.groupBy(window(window_time(col('window')), '1 hour')).agg(sum('n').alias('total'));
    const { q, batches } = await start(hourly, 'append');
    stream.addData([{ word: 'a', ts: at('12:01') }, { word: 'b', ts: at('12:06') }, { word: 'c', ts: at('12:59') }]);
    await q.processAllAvailable();
    stream.addData([{ word: 'd', ts: at('13:30') }]);
    await q.processAllAvailable();
    stream.addData([{ word: 'e', ts: at('14:10') }]);
    await q.processAllAvailable();
    // The watermark reaches 14:10: both hours have closed, each emitted once with its final total.
    expect(batches.flatMap((b) => b.rows)).toEqual([{ window: '12:00-13:00', total: 3 }, { window: '13:00-14:00', total: 1 }]);
  });

  it('rejects append mode for an aggregation that does not group by the watermarked time', async () => {
    const { stream } = setup();
    const df = stream.toDF().withWatermark('ts', '10 minutes').groupBy('word').count();
    await expect(df.writeStream.outputMode('append').format('memory').queryName('x').start())
      .rejects.toThrow('Append output mode not supported when there are streaming aggregations on streaming DataFrames/DataSets without watermark');
  });

  it('rejects invalid window durations and a watermark on a non-timestamp column, naming them', () => {
    const { stream } = setup();
    expect(() => stream.toDF().groupBy(window('ts', '5 minutes', '10 minutes')).count()).toThrow(
      'The slide duration (600 seconds) must be less than or equal to the windowDuration (300 seconds).');
    expect(() => stream.toDF().groupBy(window('ts', 'ten minutes')).count()).toThrow(
      "The windowDuration of window must be an interval string such as '10 minutes' or '1 day 12 hours', but got ten minutes");
    expect(() => stream.toDF().withWatermark('word', '1 minute')).toThrow(
      'Event time must be defined on a window or a timestamp, but word is of type string');
  });
});
