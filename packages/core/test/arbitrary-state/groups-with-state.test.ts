import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock, MemoryStream, Session, StructType, type GroupState, type Row } from 'caudal';

const schema = new StructType([
  { name: 'user', dataType: { kind: 'string' }, nullable: true },
  { name: 'ts', dataType: { kind: 'timestamp' }, nullable: true },
]);
const at = (hhmm: string): Date => new Date(`2024-01-01T${hhmm}:00Z`);
const sessions: Session[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const s of sessions.splice(0)) await s.stop();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function setup(clock?: ManualClock) {
  const session = (clock ? Session.builder().clock(clock) : Session.builder()).create();
  sessions.push(session);
  return { session, stream: new MemoryStream(session, schema) };
}

/** Counts events per user across batches (the DStream updateStateByKey idiom). */
const runningCount = (user: string, rows: readonly Row[], state: GroupState<{ n: number }>): Row => {
  const n = (state.getOption()?.n ?? 0) + rows.length;
  state.update({ n });
  return { user, events: n };
};

describe('mapGroupsWithState / flatMapGroupsWithState', () => {
  it('keeps per-key state across batches and emits one row per key with data (update mode)', async () => {
    const { session, stream } = setup();
    const df = stream.toDF().groupByKey((r) => r.user as string).mapGroupsWithState(runningCount, 'NoTimeout', 'user STRING, events BIGINT');
    const q = await df.writeStream.outputMode('update').format('memory').queryName('counts').start();
    stream.addData([{ user: 'ana', ts: at('12:00') }, { user: 'bo', ts: at('12:01') }, { user: 'ana', ts: at('12:02') }]);
    await q.processAllAvailable();
    stream.addData([{ user: 'ana', ts: at('12:03') }]);
    await q.processAllAvailable();
    expect(await session.table('counts').collect()).toEqual([
      { user: 'ana', events: 2 }, { user: 'bo', events: 1 }, { user: 'ana', events: 3 },
    ]);
    expect(q.lastProgress?.stateOperators[0]).toMatchObject({ operatorName: 'flatMapGroupsWithState', numRowsTotal: 2, numRowsUpdated: 1 });
  });

  it('restores the state from the checkpoint after a restart', async () => {
    const { session, stream } = setup();
    const checkpointLocation = mkdtempSync(join(tmpdir(), 'caudal-gws-'));
    dirs.push(checkpointLocation);
    const df = stream.toDF().groupByKey((r) => r.user as string).mapGroupsWithState(runningCount, 'NoTimeout', 'user STRING, events BIGINT');
    const start = () => df.writeStream.outputMode('update').format('memory').queryName('c').option('checkpointLocation', checkpointLocation).start();
    let q = await start();
    stream.addData([{ user: 'ana', ts: at('12:00') }, { user: 'ana', ts: at('12:01') }]);
    await q.processAllAvailable();
    await q.stop();
    stream.addData([{ user: 'ana', ts: at('12:05') }]);
    q = await start();
    await q.processAllAvailable();
    expect(await session.table('c').collect()).toEqual([{ user: 'ana', events: 3 }]);
  });

  it('processing-time timeout: a key without data for the duration is called with hasTimedOut and no rows', async () => {
    const clock = new ManualClock(Date.parse('2024-01-01T12:00:00Z'));
    const { session, stream } = setup(clock);
    const df = stream.toDF().groupByKey((r) => r.user as string).flatMapGroupsWithState('update', 'ProcessingTimeTimeout',
      (user: string, rows, state: GroupState<number>) => {
        if (state.hasTimedOut) {
          const total = state.get();
          state.remove();
          return [{ user, status: `expired after ${total}` }];
        }
        state.update((state.getOption() ?? 0) + rows.length);
        state.setTimeoutDuration('1 minute');
        return [{ user, status: `active ${state.get()}` }];
      }, 'user STRING, status STRING');
    const q = await df.writeStream.outputMode('update').format('memory').queryName('s').start();
    stream.addData([{ user: 'ana', ts: at('12:00') }, { user: 'bo', ts: at('12:00') }]);
    await q.processAllAvailable();
    clock.advance(30_000);
    stream.addData([{ user: 'bo', ts: at('12:00') }]);
    await q.processAllAvailable();
    clock.advance(45_000); // ana idle 75 s (expired); bo idle 45 s (not yet)
    await q.processAllAvailable();
    expect((await session.table('s').collect()).map((r) => `${String(r.user)}: ${String(r.status)}`)).toEqual([
      'ana: active 1', 'bo: active 1', 'bo: active 2', 'ana: expired after 1',
    ]);
    expect(q.lastProgress?.stateOperators[0]?.numRowsTotal).toBe(1);
  });

  it('event-time timeout fires when the watermark passes the timestamp (append mode, final rows only)', async () => {
    const { session, stream } = setup();
    const df = stream.toDF().withWatermark('ts', '0 seconds').groupByKey((r) => r.user as string)
      .flatMapGroupsWithState('append', 'EventTimeTimeout', (user: string, rows, state: GroupState<{ first: number; n: number }>) => {
        if (state.hasTimedOut) {
          const s = state.get();
          state.remove();
          return [{ user, sessionStart: new Date(s.first), events: s.n }];
        }
        const times = rows.map((r) => (r.ts as Date).getTime());
        const prev = state.getOption();
        const s = { first: Math.min(prev?.first ?? Infinity, ...times), n: (prev?.n ?? 0) + rows.length };
        state.update(s);
        state.setTimeoutTimestamp(Math.max(...times), '10 minutes');
        return [];
      }, 'user STRING, sessionStart TIMESTAMP, events BIGINT');
    const q = await df.writeStream.outputMode('append').format('memory').queryName('sessions').start();
    stream.addData([{ user: 'ana', ts: at('12:00') }, { user: 'ana', ts: at('12:04') }]);
    await q.processAllAvailable();
    stream.addData([{ user: 'bo', ts: at('12:20') }]);
    await q.processAllAvailable();
    const rows = await session.table('sessions').collect();
    expect(rows).toEqual([{ user: 'ana', sessionStart: at('12:00'), events: 2 }]);
  });

  it('enforces the output-mode rules and the watermark for event-time timeouts', async () => {
    const { stream } = setup();
    const grouped = stream.toDF().groupByKey((r) => r.user as string);
    const mapped = grouped.mapGroupsWithState(runningCount, 'NoTimeout', 'user STRING, events BIGINT');
    await expect(mapped.writeStream.outputMode('append').format('noop').start())
      .rejects.toThrow('mapGroupsWithState is not supported with Append output mode on a streaming DataFrame/Dataset');
    const flatUpdate = grouped.flatMapGroupsWithState('update', 'NoTimeout', () => [], 'user STRING');
    await expect(flatUpdate.writeStream.outputMode('append').format('noop').start())
      .rejects.toThrow('flatMapGroupsWithState in update mode is not supported with Append output mode on a streaming DataFrame/Dataset');
    const eventTime = grouped.flatMapGroupsWithState('append', 'EventTimeTimeout', () => [], 'user STRING');
    await expect(eventTime.writeStream.outputMode('append').format('noop').start())
      .rejects.toThrow("Watermark must be specified in the query using '[Dataset/DataFrame].withWatermark()' for using event-time timeout in a flatMapGroupsWithState.");
  });

  it('runs once over a static DataFrame with empty state', async () => {
    const { session } = setup();
    const df = session.createDataFrame([{ user: 'a', ts: at('12:00') }, { user: 'a', ts: at('12:01') }, { user: 'b', ts: at('12:02') }], schema)
      .groupByKey((r) => r.user as string).mapGroupsWithState(runningCount, 'NoTimeout', 'user STRING, events BIGINT');
    expect(await df.collect()).toEqual([{ user: 'a', events: 2 }, { user: 'b', events: 1 }]);
  });
});
