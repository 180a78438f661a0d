import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MemoryStream, Session, StructType, expr, type DataFrame, type StreamingQuery } from 'caudal';

const impSchema = new StructType([
  { name: 'adId', dataType: { kind: 'int' }, nullable: true },
  { name: 'impTime', dataType: { kind: 'timestamp' }, nullable: true },
]);
const clickSchema = new StructType([
  { name: 'clickAdId', dataType: { kind: 'int' }, nullable: true },
  { name: 'clickTime', dataType: { kind: 'timestamp' }, nullable: true },
]);
const at = (hhmm: string): Date => new Date(`2024-01-01T${hhmm}:00Z`);
const hhmm = (v: unknown): unknown => (v instanceof Date ? v.toISOString().slice(11, 16) : v);
const RANGE = 'clickAdId = adId AND clickTime >= impTime AND clickTime <= impTime + INTERVAL 1 HOUR';

const sessions: Session[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const s of sessions.splice(0)) await s.stop();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function setup() {
  const session = Session.builder().create();
  sessions.push(session);
  const impressions = new MemoryStream(session, impSchema);
  const clicks = new MemoryStream(session, clickSchema);
  const imps = impressions.toDF().withWatermark('impTime', '10 minutes');
  const clk = clicks.toDF().withWatermark('clickTime', '20 minutes');
  return { session, impressions, clicks, imps, clk };
}

/** Runs the query into foreachBatch; each batch's rows as arrays in column order, times as HH:MM. */
async function run(df: DataFrame, checkpointLocation?: string) {
  const batches: { batchId: number; rows: unknown[][] }[] = [];
  let w = df.writeStream.outputMode('append').foreachBatch(async (b, batchId) => {
    batches.push({ batchId, rows: (await b.collect()).map((r) => b.columns.map((c) => hhmm(r[c]))) });
  });
  if (checkpointLocation) w = w.option('checkpointLocation', checkpointLocation);
  const q = await w.start();
  return { q, batches };
}

function stateOf(q: StreamingQuery) {
  const op = q.lastProgress!.stateOperators[0]!;
  return { name: op.operatorName, total: op.numRowsTotal, updated: op.numRowsUpdated, removed: op.numRowsRemoved, dropped: op.numRowsDroppedByWatermark };
}

describe('stream-stream joins', () => {
  it('inner join with watermarks and a time range: every pair once, state evicted as the watermark passes', async () => {
    const { impressions, clicks, imps, clk } = setup();
    const { q, batches } = await run(imps.join(clk, expr(RANGE)));

    impressions.addData([{ adId: 1, impTime: at('12:00') }, { adId: 2, impTime: at('12:05') }, { adId: 3, impTime: at('12:10') }]);
    clicks.addData([{ clickAdId: 1, clickTime: at('12:20') }]);
    await q.processAllAvailable();
    expect(batches).toEqual([{ batchId: 0, rows: [[1, '12:00', 1, '12:20']] }]);
    expect(stateOf(q)).toEqual({ name: 'symmetricHashJoin', total: 4, updated: 4, removed: 0, dropped: 0 });

    // Watermark 12:00 (min of 12:10 - 10 min and 12:20 - 20 min). A new click joins a buffered impression.
    impressions.addData([{ adId: 4, impTime: at('13:30') }]);
    clicks.addData([{ clickAdId: 2, clickTime: at('12:40') }, { clickAdId: 5, clickTime: at('13:40') }]);
    await q.processAllAvailable();
    // The watermark moved to 13:20: a no-data batch evicts impressions at or before 12:20 (13:20 - 1 hour)
    // and clicks at or before 13:20; the state keeps only what can still match.
    expect(batches).toEqual([
      { batchId: 0, rows: [[1, '12:00', 1, '12:20']] },
      { batchId: 1, rows: [[2, '12:05', 2, '12:40']] },
      { batchId: 2, rows: [] },
    ]);
    expect(stateOf(q)).toEqual({ name: 'symmetricHashJoin', total: 2, updated: 0, removed: 5, dropped: 0 });
    expect(q.lastProgress!.eventTime.watermark).toBe('2024-01-01T13:20:00.000Z');

    // Rows at or before the watermark (13:20) are late: dropped and counted; later ones still join.
    impressions.addData([{ adId: 5, impTime: at('12:30') }, { adId: 5, impTime: at('13:35') }]);
    await q.processAllAvailable();
    expect(batches[3]).toEqual({ batchId: 3, rows: [[5, '13:35', 5, '13:40']] });
    expect(q.recentProgress.find((p) => p.batchId === 3)!.stateOperators[0]!.numRowsDroppedByWatermark).toBe(1);
  });

  it('left outer join emits each unmatched left row once, NULL-padded, after the watermark passes its range', async () => {
    const { impressions, clicks, imps, clk } = setup();
    const { q, batches } = await run(imps.join(clk, expr(RANGE), 'left_outer'));
    impressions.addData([{ adId: 1, impTime: at('12:00') }, { adId: 2, impTime: at('12:05') }, { adId: 3, impTime: at('12:10') }]);
    clicks.addData([{ clickAdId: 1, clickTime: at('12:20') }]);
    await q.processAllAvailable();
    impressions.addData([{ adId: 4, impTime: at('13:30') }]);
    clicks.addData([{ clickAdId: 2, clickTime: at('12:40') }, { clickAdId: 5, clickTime: at('13:40') }]);
    await q.processAllAvailable();
    expect(batches).toEqual([
      { batchId: 0, rows: [[1, '12:00', 1, '12:20']] },
      { batchId: 1, rows: [[2, '12:05', 2, '12:40']] },
      // Impression 3 (12:10) can no longer match once the watermark is past 13:10: emitted by the no-data batch.
      { batchId: 2, rows: [[3, '12:10', null, null]] },
    ]);
    // More batches never emit it again; impression 4 is emitted once its range has passed too.
    clicks.addData([{ clickAdId: 9, clickTime: at('14:00') }]);
    impressions.addData([{ adId: 9, impTime: at('14:45') }]);
    await q.processAllAvailable();
    clicks.addData([{ clickAdId: 9, clickTime: at('15:00') }]);
    await q.processAllAvailable();
    const all = batches.flatMap((b) => b.rows);
    expect(all.filter((r) => r[2] === null)).toEqual([[3, '12:10', null, null], [4, '13:30', null, null]]);
    expect(all.filter((r) => r[0] === 9)).toEqual([[9, '14:45', 9, '15:00']]);
  });

  it('right outer join mirrors the left outer join', async () => {
    const { impressions, clicks, imps, clk } = setup();
    const { q, batches } = await run(imps.join(clk, expr(RANGE), 'right'));
    impressions.addData([{ adId: 1, impTime: at('12:00') }]);
    clicks.addData([{ clickAdId: 1, clickTime: at('12:20') }, { clickAdId: 7, clickTime: at('12:25') }]);
    await q.processAllAvailable();
    impressions.addData([{ adId: 8, impTime: at('13:00') }]);
    clicks.addData([{ clickAdId: 8, clickTime: at('13:30') }]);
    await q.processAllAvailable();
    // Watermark 12:50 after batch 1: click 7 (12:25) can no longer match any impression (those would be <= 12:25).
    expect(batches.flatMap((b) => b.rows)).toEqual([[1, '12:00', 1, '12:20'], [8, '13:00', 8, '13:30'], [null, null, 7, '12:25']]);
  });

  it('full outer join emits unmatched rows of both sides', async () => {
    const { impressions, clicks, imps, clk } = setup();
    const { q, batches } = await run(imps.join(clk, expr(RANGE), 'full'));
    impressions.addData([{ adId: 1, impTime: at('12:00') }, { adId: 2, impTime: at('12:01') }]);
    clicks.addData([{ clickAdId: 1, clickTime: at('12:20') }, { clickAdId: 7, clickTime: at('12:25') }]);
    await q.processAllAvailable();
    impressions.addData([{ adId: 9, impTime: at('15:00') }]);
    clicks.addData([{ clickAdId: 9, clickTime: at('15:30') }]);
    await q.processAllAvailable();
    expect(batches.flatMap((b) => b.rows)).toEqual([
      [1, '12:00', 1, '12:20'], [9, '15:00', 9, '15:30'], [2, '12:01', null, null], [null, null, 7, '12:25'],
    ]);
    expect(stateOf(q).total).toBe(2);
  });

  it('left semi join emits a left row on its first match only', async () => {
    const { impressions, clicks, imps, clk } = setup();
    const { q, batches } = await run(imps.join(clk, expr(RANGE), 'left_semi'));
    clicks.addData([{ clickAdId: 1, clickTime: at('12:20') }]);
    impressions.addData([{ adId: 1, impTime: at('12:00') }, { adId: 2, impTime: at('12:05') }]);
    await q.processAllAvailable();
    clicks.addData([{ clickAdId: 1, clickTime: at('12:30') }, { clickAdId: 2, clickTime: at('12:35') }, { clickAdId: 2, clickTime: at('12:36') }]);
    await q.processAllAvailable();
    expect(batches.map((b) => b.rows)).toEqual([[[1, '12:00']], [[2, '12:05']]]);
  });

  it('joins on a watermarked window key and evicts windows the watermark has closed', async () => {
    const { impressions, clicks, imps, clk } = setup();
    const left = imps.selectExpr('adId', 'window(impTime, "1 hour") AS w');
    const right = clk.selectExpr('clickAdId AS adId', 'window(clickTime, "1 hour") AS w', 'clickTime');
    const { q, batches } = await run(left.join(right, ['adId', 'w']).selectExpr('adId', 'w.start AS ws', 'clickTime'));
    impressions.addData([{ adId: 1, impTime: at('12:10') }, { adId: 2, impTime: at('12:50') }]);
    clicks.addData([{ clickAdId: 1, clickTime: at('12:40') }, { clickAdId: 2, clickTime: at('13:05') }]);
    await q.processAllAvailable();
    expect(batches[0]!.rows).toEqual([[1, '12:00', '12:40']]);
    expect(stateOf(q).total).toBe(4);
    impressions.addData([{ adId: 3, impTime: at('14:30') }]);
    clicks.addData([{ clickAdId: 3, clickTime: at('14:35') }]);
    await q.processAllAvailable();
    // Watermark 14:15: the windows ending 13:00 and 14:00 are closed on both sides.
    expect(batches.flatMap((b) => b.rows)).toEqual([[1, '12:00', '12:40'], [3, '14:00', '14:35']]);
    expect(stateOf(q).total).toBe(2);
  });

  it('keeps the join state across a restart from the checkpoint', async () => {
    const { impressions, clicks, imps, clk } = setup();
    const checkpoint = mkdtempSync(join(tmpdir(), 'caudal-join-restart-'));
    dirs.push(checkpoint);
    const query = imps.join(clk, expr(RANGE), 'left');
    let { q, batches } = await run(query, checkpoint);
    impressions.addData([{ adId: 1, impTime: at('12:00') }, { adId: 2, impTime: at('12:05') }, { adId: 3, impTime: at('12:10') }]);
    clicks.addData([{ clickAdId: 1, clickTime: at('12:20') }]);
    await q.processAllAvailable();
    await q.stop();
    expect(batches.flatMap((b) => b.rows)).toEqual([[1, '12:00', 1, '12:20']]);

    // Buffered impressions 2 and 3 survive the restart and join new clicks; impression 1 keeps its match.
    clicks.addData([{ clickAdId: 2, clickTime: at('12:40') }, { clickAdId: 5, clickTime: at('14:40') }]);
    impressions.addData([{ adId: 5, impTime: at('14:30') }]);
    ({ q, batches } = await run(query, checkpoint));
    await q.processAllAvailable();
    expect(batches).toEqual([
      { batchId: 1, rows: [[2, '12:05', 2, '12:40'], [5, '14:30', 5, '14:40']] },
      { batchId: 2, rows: [[3, '12:10', null, null]] },
    ]);
    expect(stateOf(q).total).toBe(2);
  });

  it('a failed batch leaves the join state as it was: the replayed batch gives the same rows', async () => {
    const { impressions, clicks, imps, clk } = setup();
    const checkpoint = mkdtempSync(join(tmpdir(), 'caudal-join-replay-'));
    dirs.push(checkpoint);
    const query = imps.join(clk, expr(RANGE), 'left');
    const seen: { batchId: number; rows: unknown[][] }[] = [];
    let fail = true;
    const start = () => query.writeStream.option('checkpointLocation', checkpoint).foreachBatch(async (b, batchId) => {
      const rows = (await b.collect()).map((r) => b.columns.map((c) => hhmm(r[c])));
      if (batchId === 1 && fail) { fail = false; throw new Error('sink down'); }
      seen.push({ batchId, rows });
    }).start();
    let q = await start();
    impressions.addData([{ adId: 1, impTime: at('12:00') }, { adId: 2, impTime: at('12:05') }]);
    await q.processAllAvailable();
    clicks.addData([{ clickAdId: 2, clickTime: at('12:30') }, { clickAdId: 1, clickTime: at('14:00') }]);
    await expect(q.processAllAvailable()).rejects.toThrow('sink down');
    q = await start();
    await q.processAllAvailable();
    expect(seen).toEqual([
      { batchId: 0, rows: [] },
      { batchId: 1, rows: [[2, '12:05', 2, '12:30']] },
      // After the restart only the clicks have moved a watermark (14:00 - 20 min = 13:40, as Spark, which
      // keeps just the global watermark): impressions up to 12:40 expire and the unmatched one is emitted.
      { batchId: 2, rows: [[1, '12:00', null, null]] },
    ]);
    impressions.addData([{ adId: 3, impTime: at('14:30') }]);
    clicks.addData([{ clickAdId: 3, clickTime: at('14:50') }]);
    await q.processAllAvailable();
    expect(seen.flatMap((b) => b.rows)).toEqual([[2, '12:05', 2, '12:30'], [1, '12:00', null, null], [3, '14:30', 3, '14:50']]);
  });
});
