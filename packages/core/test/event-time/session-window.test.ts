import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  ManualClock, MemoryStream, Session, StructType, col, count, expr, max, min, session_window, sum, when, type DataFrame,
} from 'caudal';

// session_window(timeColumn, gapDuration): static results against an independent computation, then
// streaming append/complete batch by batch, late rows, sessions bridged by a later row, restart.

const BASE = Date.parse('2024-01-01T12:00:00Z');
/** The timestamp `s` seconds after 12:00:00. */
const at = (s: number): Date => new Date(BASE + s * 1000);
/** A session as seconds after 12:00:00, `start-end`. */
const span = (w: unknown): string => {
  const x = w as { start: Date; end: Date };
  return `${(x.start.getTime() - BASE) / 1000}-${(x.end.getTime() - BASE) / 1000}`;
};

const schema = new StructType([
  { name: 'user', dataType: { kind: 'string' }, nullable: true },
  { name: 'ts', dataType: { kind: 'timestamp' }, nullable: true },
  { name: 'v', dataType: { kind: 'long' }, nullable: true },
]);

const sessions: Session[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const s of sessions.splice(0)) await s.stop();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function newSession(): Session {
  const s = Session.builder().clock(new ManualClock(BASE)).create();
  sessions.push(s);
  return s;
}

interface Ev { user: string | null; device: string; ts: Date | null; v: number; kind: string | null }

/** Deterministic pseudo-random events: a few users and devices, times within 10 minutes, some null times. */
function events(n: number, seed: number): Ev[] {
  let x = seed;
  const next = (m: number): number => {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    return (x >>> 8) % m;
  };
  const users = ['ann', 'bob', 'cid', null];
  const kinds = ['slow', 'fast', 'off', null, 'neg'];
  return Array.from({ length: n }, () => ({
    user: users[next(users.length)]!,
    device: next(2) === 0 ? 'phone' : 'web',
    ts: next(15) === 0 ? null : at(next(600)),
    v: next(100),
    kind: kinds[next(kinds.length)]!,
  }));
}

interface Expected { key: string; start: number; end: number; n: number; total: number }

/**
 * Sessions computed independently of the engine: per key, rows whose closed ranges [t, t + gap] intersect
 * are joined (union-find over every pair), and each connected set is one session.
 */
function expectedSessions(rows: readonly Ev[], keyOf: (r: Ev) => string, gapSeconds: (r: Ev) => number | null): Expected[] {
  const usable = rows.filter((r) => r.ts !== null && (gapSeconds(r) ?? 0) > 0);
  const byKey = new Map<string, Ev[]>();
  for (const r of usable) byKey.set(keyOf(r), [...(byKey.get(keyOf(r)) ?? []), r]);
  const out: Expected[] = [];
  for (const [key, rs] of byKey) {
    const parent = rs.map((_, i) => i);
    const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
    const lo = rs.map((r) => (r.ts!.getTime() - BASE) / 1000);
    const hi = rs.map((r, i) => lo[i]! + gapSeconds(r)!);
    for (let i = 0; i < rs.length; i++) {
      for (let j = i + 1; j < rs.length; j++) if (lo[i]! <= hi[j]! && lo[j]! <= hi[i]!) parent[find(i)] = find(j);
    }
    const comps = new Map<number, number[]>();
    rs.forEach((_, i) => comps.set(find(i), [...(comps.get(find(i)) ?? []), i]));
    for (const idx of comps.values()) {
      out.push({
        key,
        start: Math.min(...idx.map((i) => lo[i]!)),
        end: Math.max(...idx.map((i) => hi[i]!)),
        n: idx.length,
        total: idx.reduce((s, i) => s + rs[i]!.v, 0),
      });
    }
  }
  return out.sort((a, b) => a.key.localeCompare(b.key) || a.start - b.start);
}

async function actual(df: DataFrame, keyOf: (r: Record<string, unknown>) => string): Promise<Expected[]> {
  const rows = await df.collect();
  return rows.map((r) => {
    const [start, end] = span(r.session_window).split('-').map(Number) as [number, number];
    return { key: keyOf(r), start, end, n: r.n as number, total: r.total as number };
  }).sort((a, b) => a.key.localeCompare(b.key) || a.start - b.start);
}

describe('session_window on static DataFrames', () => {
  const evSchema = new StructType([
    { name: 'user', dataType: { kind: 'string' }, nullable: true },
    { name: 'device', dataType: { kind: 'string' }, nullable: true },
    { name: 'ts', dataType: { kind: 'timestamp' }, nullable: true },
    { name: 'v', dataType: { kind: 'long' }, nullable: true },
    { name: 'kind', dataType: { kind: 'string' }, nullable: true },
  ]);

  it('merges overlapping and touching ranges per key, as an independent computation does', async () => {
    const s = newSession();
    const data = events(400, 7);
    const df = s.createDataFrame(data, evSchema);
    const got = await actual(
      df.groupBy(session_window(col('ts'), '20 seconds'), col('user')).agg(count('*').alias('n'), sum('v').alias('total')),
      (r) => String(r.user),
    );
    const want = expectedSessions(data, (r) => String(r.user), () => 20);
    expect(got).toEqual(want);
    // Some sessions really merged several rows, and rows with a null time are left out.
    expect(want.some((w) => w.n >= 3)).toBe(true);
    expect(want.reduce((a, w) => a + w.n, 0)).toBe(data.filter((r) => r.ts !== null).length);
  });

  it('groups by several keys besides the session window', async () => {
    const s = newSession();
    const data = events(300, 11);
    const df = s.createDataFrame(data, evSchema);
    const key = (u: unknown, d: unknown): string => `${String(u)}/${String(d)}`;
    const got = await actual(
      df.groupBy(col('user'), session_window('ts', '15 seconds'), col('device')).agg(count('*').alias('n'), sum('v').alias('total')),
      (r) => key(r.user, r.device),
    );
    expect(got).toEqual(expectedSessions(data, (r) => key(r.user, r.device), () => 15));
    expect(df.groupBy(col('user'), session_window('ts', '15 seconds'), col('device')).count().columns)
      .toEqual(['user', 'session_window', 'device', 'count']);
  });

  it('takes a gap per row; rows whose gap is null, zero or negative are dropped', async () => {
    const s = newSession();
    const data = events(300, 23);
    const df = s.createDataFrame(data, evSchema);
    const gapOf = (r: Ev): number | null => (r.kind === 'slow' ? 30 : r.kind === 'fast' ? 5 : r.kind === 'off' ? 0 : r.kind === 'neg' ? -5 : null);
    const want = expectedSessions(data, (r) => String(r.user), gapOf);
    const gapColumn = when(col('kind').eq('slow'), '30 seconds').when(col('kind').eq('fast'), '5 seconds')
      .when(col('kind').eq('off'), '0 seconds').when(col('kind').eq('neg'), '-5 seconds');
    const viaColumn = df.groupBy(session_window(col('ts'), gapColumn), col('user')).agg(count('*').alias('n'), sum('v').alias('total'));
    expect(await actual(viaColumn, (r) => String(r.user))).toEqual(want);
    const viaSql = df.groupBy(
      expr("session_window(ts, CASE WHEN kind = 'slow' THEN '30 seconds' WHEN kind = 'fast' THEN '5 seconds' WHEN kind = 'off' THEN '0 seconds' WHEN kind = 'neg' THEN '-5 seconds' END)"),
      col('user'),
    ).agg(count('*').alias('n'), sum('v').alias('total'));
    expect(await actual(viaSql, (r) => String(r.user))).toEqual(want);
  });

  it('a later row bridges two sessions; a longer gap on an earlier row keeps the session open past a later one', async () => {
    const s = newSession();
    const df = s.createDataFrame([
      { user: 'a', ts: at(0), v: 1 }, { user: 'a', ts: at(20), v: 2 }, { user: 'a', ts: at(10), v: 4 },
      { user: 'b', ts: at(0), v: 1 }, { user: 'b', ts: at(10), v: 2 }, { user: 'b', ts: null, v: 100 },
      { user: 'c', ts: at(100), v: 1 },
    ], schema);
    const rows = await df.groupBy(session_window('ts', '10 seconds'), 'user')
      .agg(count('*').alias('n'), sum('v').alias('total'), min('ts').alias('first'), max('ts').alias('last')).collect();
    const seen = rows.map((r) => [r.user, span(r.session_window), r.n, r.total, (r.first as Date).getTime(), (r.last as Date).getTime()])
      .sort((x, y) => String(x[0]).localeCompare(String(y[0])));
    expect(seen).toEqual([
      // [0,10) and [20,30) are joined by the later row's [10,20), which touches both.
      ['a', '0-30', 3, 7, at(0).getTime(), at(20).getTime()],
      // [0,10) and [10,20) touch: one session; the null time is left out.
      ['b', '0-20', 2, 3, at(0).getTime(), at(10).getTime()],
      ['c', '100-110', 1, 1, at(100).getTime(), at(100).getTime()],
    ]);
    const dynamic = await s.createDataFrame([
      { user: 'a', ts: at(0), v: 60 }, { user: 'a', ts: at(10), v: 5 }, { user: 'a', ts: at(40), v: 5 },
    ], schema).groupBy(session_window('ts', expr("concat(cast(v AS string), ' seconds')")), 'user').count().collect();
    // [0,60) swallows [10,15) and [40,45): the session ends at 60, not at the last row's end.
    expect(dynamic.map((r) => [span(r.session_window), r.count])).toEqual([['0-60', 3]]);
  });

  it('names the column session_window, a struct<start, end>; a projection gives each row its own range', async () => {
    const s = newSession();
    const df = s.createDataFrame([{ user: 'a', ts: at(5), v: 1 }, { user: 'a', ts: at(7), v: 1 }, { user: 'a', ts: null, v: 1 }], schema);
    const grouped = df.groupBy(session_window('ts', '10 seconds'), 'user').count();
    expect(grouped.schema.fields[0]).toEqual({
      name: 'session_window',
      dataType: { kind: 'struct', fields: [
        { name: 'start', dataType: { kind: 'timestamp' }, nullable: true },
        { name: 'end', dataType: { kind: 'timestamp' }, nullable: true },
      ] },
      nullable: false,
    });
    const projected = await df.select(session_window(col('ts'), '10 seconds'), col('v')).collect();
    expect(projected.map((r) => span(r.session_window))).toEqual(['5-15', '7-17']);
    const fields = await df.groupBy(session_window('ts', '10 seconds').alias('s'), 'user').agg(count('*').alias('n'))
      .select(col('s.start'), col('s.end'), 'n').collect();
    expect(fields).toEqual([{ start: at(5), end: at(17), n: 2 }]);
  });

  it('SQL: GROUP BY session_window(...) over a view, and selectExpr', async () => {
    const s = newSession();
    const data = events(200, 5);
    s.createDataFrame(data, evSchema).createOrReplaceTempView('clicks');
    const df = s.sql("SELECT user, session_window(ts, '20 seconds') AS sw, count(*) AS n, sum(v) AS total FROM clicks GROUP BY user, session_window(ts, '20 seconds')");
    expect(df.columns).toEqual(['user', 'sw', 'n', 'total']);
    const renamed = df.withColumnRenamed('sw', 'session_window');
    expect(await actual(renamed, (r) => String(r.user))).toEqual(expectedSessions(data, (r) => String(r.user), () => 20));
    // selectExpr: each row's own range in a projection; fields of the merged session after the aggregation.
    const own = await s.table('clicks').selectExpr('v', "session_window(ts, '20 seconds') AS sw").limit(3).collect();
    expect(own.map((r) => span(r.sw))).toEqual(data.filter((r) => r.ts !== null).slice(0, 3)
      .map((r) => `${(r.ts!.getTime() - BASE) / 1000}-${(r.ts!.getTime() - BASE) / 1000 + 20}`));
    const starts = await renamed.selectExpr('user', 'session_window.start AS start', 'n').collect();
    expect(starts.map((r) => (r.start as Date).getTime()).sort()).toEqual((await renamed.collect()).map((r) => (r.session_window as { start: Date }).start.getTime()).sort());
    const plain = s.sql("SELECT session_window(ts, '20 seconds'), count(*) AS n FROM clicks GROUP BY session_window(ts, '20 seconds')");
    expect(plain.columns).toEqual(['session_window', 'n']);
    expect((await plain.collect()).reduce((a, r) => a + (r.n as number), 0)).toBe(data.filter((r) => r.ts !== null).length);
  });

  it('rejects invalid gaps and time columns with messages that name them', () => {
    const s = newSession();
    const df = s.createDataFrame([{ user: 'a', ts: at(0), v: 1 }], schema);
    expect(() => df.groupBy(session_window('ts', 'ten minutes'), 'user').count()).toThrow(
      "The gapDuration of session_window must be an interval string such as '10 minutes' or '1 day 12 hours', but got ten minutes");
    expect(() => df.groupBy(session_window('user', '1 minute')).count()).toThrow(
      'The time column of session_window must be of timestamp type, but user is of type string');
    expect(() => df.groupBy(session_window('ts', col('v')), 'user').count()).toThrow(
      'The gapDuration of session_window must be an interval or an interval string, but v is of type bigint');
    expect(() => df.filter(expr("session_window(ts, '1 minute') IS NULL"))).toThrow(
      'session_window(...) is only allowed as a select item or a grouping key');
  });
});

interface Captured { batchId: number; rows: string[] }

/** Runs a query into foreachBatch; each batch's rows as sorted `user start-end n` strings. */
async function capture(df: DataFrame, mode: string, checkpoint?: string) {
  const batches: Captured[] = [];
  let w = df.writeStream.outputMode(mode);
  if (checkpoint !== undefined) w = w.option('checkpointLocation', checkpoint);
  const q = await w.foreachBatch(async (b, batchId) => {
    const rows = (await b.collect()).map((r) => `${String(r.user)} ${span(r.session_window)} ${String(r.n)}`).sort();
    batches.push({ batchId, rows });
  }).start();
  return { q, batches };
}

function sessionCounts(stream: MemoryStream, delay = '10 seconds'): DataFrame {
  return stream.toDF().withWatermark('ts', delay)
    .groupBy(session_window(col('ts'), '10 seconds'), col('user')).agg(count('*').alias('n'));
}

describe('session_window on streaming DataFrames', () => {
  it('append mode: each session once when the watermark passes its end; late rows dropped; a bridging row merges two sessions', async () => {
    const s = newSession();
    const stream = new MemoryStream(s, schema);
    const df = sessionCounts(stream);
    const { q, batches } = await capture(df, 'append');

    stream.addData([{ user: 'a', ts: at(0), v: 1 }, { user: 'a', ts: at(5), v: 1 }, { user: 'b', ts: at(3), v: 1 },
      { user: 'a', ts: at(30), v: 1 }, { user: 'a', ts: at(45), v: 1 }]);
    await q.processAllAvailable();
    // Batch 0 runs at watermark 0; its max time 45 moves the watermark to 35, so a no-data batch 1 closes
    // a's [0,15) and b's [3,13).
    expect(batches).toEqual([{ batchId: 0, rows: [] }, { batchId: 1, rows: ['a 0-15 2', 'b 3-13 1'] }]);
    const p1 = q.lastProgress!.stateOperators[0]!;
    expect(p1).toMatchObject({ operatorName: 'sessionWindowStateStoreSaveExec', numRowsTotal: 2, numRowsUpdated: 0, numRowsRemoved: 2 });

    // 38 joins [30,40) and [45,55) into one session; b at 20 ends at 30 <= watermark 35: late.
    stream.addData([{ user: 'a', ts: at(38), v: 1 }, { user: 'b', ts: at(20), v: 1 }, { user: 'c', ts: at(50), v: 1 }]);
    await q.processAllAvailable();
    expect(batches.slice(2)).toEqual([{ batchId: 2, rows: [] }]);
    expect(q.lastProgress!.stateOperators[0]).toMatchObject({ numRowsTotal: 2, numRowsUpdated: 2, numRowsRemoved: 0, numRowsDroppedByWatermark: 1 });

    stream.addData([{ user: 'a', ts: at(70), v: 1 }]);
    await q.processAllAvailable();
    // Batch 3 (watermark 40) closes nothing; the watermark moves to 60 and no-data batch 4 emits the merged session.
    expect(batches.slice(3)).toEqual([{ batchId: 3, rows: [] }, { batchId: 4, rows: ['a 30-55 3', 'c 50-60 1'] }]);
    expect(q.lastProgress!.stateOperators[0]).toMatchObject({ numRowsTotal: 1, numRowsRemoved: 2 });
    expect(q.lastProgress!.eventTime.watermark).toBe('2024-01-01T12:01:00.000Z');
  });

  it('complete mode: every session after every batch, merged as rows arrive', async () => {
    const s = newSession();
    const stream = new MemoryStream(s, schema);
    const df = stream.toDF().groupBy(col('user'), session_window('ts', '10 seconds')).agg(count('*').alias('n'));
    const { q, batches } = await capture(df, 'complete');
    stream.addData([{ user: 'a', ts: at(0), v: 1 }, { user: 'a', ts: at(5), v: 1 }, { user: 'b', ts: at(3), v: 1 }]);
    await q.processAllAvailable();
    stream.addData([{ user: 'a', ts: at(12), v: 1 }, { user: 'b', ts: at(30), v: 1 }, { user: 'a', ts: null, v: 1 }]);
    await q.processAllAvailable();
    stream.addData([{ user: 'b', ts: at(18), v: 1 }]);
    await q.processAllAvailable();
    expect(batches).toEqual([
      { batchId: 0, rows: ['a 0-15 2', 'b 3-13 1'] },
      { batchId: 1, rows: ['a 0-22 3', 'b 3-13 1', 'b 30-40 1'] },
      // [18,28) neither reaches b's [3,13) nor [30,40): a third session.
      { batchId: 2, rows: ['a 0-22 3', 'b 18-28 1', 'b 3-13 1', 'b 30-40 1'] },
    ]);
    expect(q.lastProgress!.stateOperators[0]).toMatchObject({ numRowsTotal: 4, numRowsUpdated: 1, numRowsRemoved: 0 });
  });

  it('routes late rows to the lateRows side output with their session_window column', async () => {
    const s = newSession();
    const stream = new MemoryStream(s, schema);
    const q = await sessionCounts(stream, '5 seconds').writeStream.outputMode('append').format('memory').queryName('sessions')
      .lateRowsSink('memory', { queryName: 'late_sessions' }).start();
    stream.addData([{ user: 'a', ts: at(0), v: 1 }, { user: 'b', ts: at(40), v: 2 }]);
    await q.processAllAvailable();
    // Watermark 35: a row at 20 (session ends 30) is late; one at 28 (ends 38) is not.
    stream.addData([{ user: 'a', ts: at(20), v: 3 }, { user: 'a', ts: at(28), v: 4 }]);
    await q.processAllAvailable();
    const late = await s.table('late_sessions').collect();
    expect(s.table('late_sessions').columns).toEqual(['user', 'ts', 'v', 'session_window']);
    expect(late.map((r) => [r.user, r.v, span(r.session_window)])).toEqual([['a', 3, '20-30']]);
    expect(q.recentProgress.find((p) => p.batchId === 2)?.stateOperators[0]?.numRowsDroppedByWatermark).toBe(1);
    expect((await s.table('sessions').collect()).map((r) => [r.user, span(r.session_window), r.n])).toEqual([['a', '0-10', 1]]);
  });

  it('restarts from the checkpoint mid-stream and produces what an uninterrupted run produces', async () => {
    const input: { user: string; ts: Date; v: number }[][] = [
      [{ user: 'a', ts: at(0), v: 1 }, { user: 'b', ts: at(2), v: 1 }, { user: 'a', ts: at(30), v: 1 }],
      [{ user: 'a', ts: at(45), v: 1 }, { user: 'b', ts: at(9), v: 1 }],
      [{ user: 'a', ts: at(38), v: 1 }, { user: 'b', ts: at(60), v: 1 }],
      [{ user: 'a', ts: at(52), v: 1 }, { user: 'c', ts: at(61), v: 1 }],
      [{ user: 'b', ts: at(120), v: 1 }],
    ];
    const run = async (stopAfter: number | null): Promise<Captured[]> => {
      const s = newSession();
      const dir = mkdtempSync(join(tmpdir(), 'caudal-session-window-'));
      dirs.push(dir);
      const stream = new MemoryStream(s, schema);
      const df = sessionCounts(stream);
      let { q, batches } = await capture(df, 'append', dir);
      const all: Captured[] = [];
      for (const [i, rows] of input.entries()) {
        stream.addData(rows);
        await q.processAllAvailable();
        if (i === stopAfter) {
          await q.stop();
          all.push(...batches);
          ({ q, batches } = await capture(df, 'append', dir));
        }
      }
      await q.processAllAvailable();
      all.push(...batches);
      await q.stop();
      return all;
    };
    const uninterrupted = await run(null);
    // b at 9 is late (its session would end at 19, the watermark is 20 by then); a's four rows merge into one.
    expect(uninterrupted.map((b) => b.batchId)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(uninterrupted.flatMap((b) => b.rows)).toEqual(['a 0-10 1', 'b 2-12 1', 'a 30-62 4', 'b 60-70 1', 'c 61-71 1']);
    for (const stopAfter of [0, 1, 2, 3]) expect(await run(stopAfter)).toEqual(uninterrupted);
  });

  it('SQL over a streaming view, in append and complete mode', async () => {
    const s = newSession();
    const stream = new MemoryStream(s, schema);
    stream.toDF().withWatermark('ts', '10 seconds').createOrReplaceTempView('clicks');
    const df = s.sql("SELECT user, session_window(ts, '10 seconds'), count(*) AS n FROM clicks GROUP BY user, session_window(ts, '10 seconds')");
    expect(df.columns).toEqual(['user', 'session_window', 'n']);
    const { q, batches } = await capture(df, 'append');
    const viaExpr = s.table('clicks').groupBy(expr("session_window(ts, '10 seconds')"), col('user')).agg(count('*').alias('n'));
    const complete = await capture(viaExpr, 'complete');
    stream.addData([{ user: 'a', ts: at(0), v: 1 }, { user: 'a', ts: at(4), v: 1 }, { user: 'b', ts: at(40), v: 1 }]);
    await q.processAllAvailable();
    await complete.q.processAllAvailable();
    expect(batches.flatMap((b) => b.rows)).toEqual(['a 0-14 2']);
    expect(complete.batches).toEqual([{ batchId: 0, rows: ['a 0-14 2', 'b 40-50 1'] }]);
  });

  it('rejects update mode, append without a watermark and a session window with no other key, with Spark\'s messages', async () => {
    const s = newSession();
    const stream = new MemoryStream(s, schema);
    const watermarked = sessionCounts(stream);
    await expect(watermarked.writeStream.outputMode('update').format('noop').start())
      .rejects.toThrow('Update output mode not supported for session window on streaming DataFrames/DataSets');
    const noWatermark = stream.toDF().groupBy(session_window('ts', '10 seconds'), 'user').count();
    await expect(noWatermark.writeStream.outputMode('append').format('noop').start())
      .rejects.toThrow('Append output mode not supported when there are streaming aggregations on streaming DataFrames/DataSets without watermark');
    const global = stream.toDF().withWatermark('ts', '10 seconds').groupBy(session_window('ts', '10 seconds')).count();
    await expect(global.writeStream.outputMode('append').format('noop').start())
      .rejects.toThrow('Global aggregation with session window in streaming query is not supported.');
    await expect(global.writeStream.outputMode('complete').format('noop').start())
      .rejects.toThrow('Global aggregation with session window in streaming query is not supported.');
    expect(s.streams.active).toEqual([]);
  });
});
