import { afterEach, describe, expect, it } from 'vitest';
import {
  LONG, ManualClock, MemoryStream, Session, StructType,
  type QueryIdleEvent, type QueryStartedEvent, type QueryTerminatedEvent, type StreamingQueryListener,
} from 'caudal';
import { captureStderr } from './support/capture-output.ts';
import { waitFor } from './support/wait-for.ts';

// StreamingQueryListener: started, one progress per batch, idle, terminated (with the failure's message).

const schema = new StructType().add('n', LONG);
const T0 = 1_700_000_000_000;
let session: Session | undefined;
afterEach(async () => { await session?.stop(); session = undefined; });

class Recorder implements StreamingQueryListener {
  readonly events: string[] = [];
  readonly started: QueryStartedEvent[] = [];
  readonly idle: QueryIdleEvent[] = [];
  readonly terminated: QueryTerminatedEvent[] = [];
  startResolved = false;
  startedBeforeResolve: boolean[] = [];

  onQueryStarted(e: QueryStartedEvent): void {
    this.events.push('started');
    this.started.push(e);
    this.startedBeforeResolve.push(!this.startResolved);
  }
  onQueryProgress(e: { progress: { batchId: number } }): void {
    this.events.push(`progress ${e.progress.batchId}`);
  }
  onQueryIdle(e: QueryIdleEvent): void {
    this.idle.push(e);
  }
  onQueryTerminated(e: QueryTerminatedEvent): void {
    this.events.push('terminated');
    this.terminated.push(e);
  }
}

describe('StreamingQueryListener', () => {
  it('hears started (before start() returns), each batch\'s progress, and terminated with no exception on stop', async () => {
    const clock = new ManualClock(T0);
    session = Session.builder().clock(clock).create();
    const rec = new Recorder();
    session.streams.addListener(rec);
    expect(session.streams.listListeners()).toEqual([rec]);
    const stream = new MemoryStream(session, schema);

    const query = await stream.toDF().writeStream.format('memory').queryName('heard').start();
    rec.startResolved = true;
    expect(rec.startedBeforeResolve).toEqual([true]);
    expect(rec.started).toEqual([{ id: query.id, runId: query.runId, name: 'heard', timestamp: new Date(T0).toISOString() }]);

    for (let i = 0; i < 3; i++) {
      stream.addData([{ n: i }]);
      await query.processAllAvailable();
    }
    await query.stop();
    expect(rec.events).toEqual(['started', 'progress 0', 'progress 1', 'progress 2', 'terminated']);
    expect(rec.terminated).toEqual([{ id: query.id, runId: query.runId, exception: null, errorClassOnException: null }]);

    // A removed listener hears nothing more.
    session.streams.removeListener(rec);
    const again = await stream.toDF().writeStream.format('memory').queryName('unheard').start();
    await again.stop();
    expect(rec.events).toHaveLength(5);
  });

  it('hears the failure message when a query fails', async () => {
    session = Session.builder().create();
    const rec = new Recorder();
    session.streams.addListener(rec);
    const stream = new MemoryStream(session, schema);
    const query = await stream.toDF().writeStream.foreachBatch((_df, id) => { if (id === 1) throw new Error('sink rejected batch 1'); }).start();
    stream.addData([{ n: 1 }]);
    await query.processAllAvailable();
    stream.addData([{ n: 2 }]);
    await query.awaitTermination().catch(() => {});
    expect(rec.events).toEqual(['started', 'progress 0', 'terminated']);
    expect(rec.terminated).toEqual([{ id: query.id, runId: query.runId, exception: 'sink rejected batch 1', errorClassOnException: null }]);
  });

  it('hears that a query is idle, at most once per noDataProgressEventInterval of clock time', async () => {
    const clock = new ManualClock(T0);
    session = Session.builder().clock(clock).create();
    const rec = new Recorder();
    session.streams.addListener(rec);
    const stream = new MemoryStream(session, schema);
    const query = await stream.toDF().writeStream.format('memory').queryName('idler').start();
    stream.addData([{ n: 1 }]);
    await query.processAllAvailable();
    await waitFor(() => rec.idle.length === 1, 'the first idle event');
    expect(rec.idle).toEqual([{ id: query.id, runId: query.runId, timestamp: new Date(T0).toISOString() }]);

    // More idle triggers at the same clock time: no more idle events.
    for (let i = 0; i < 3; i++) await query.processAllAvailable();
    expect(rec.idle).toHaveLength(1);

    clock.advance(10_000); // spark.sql.streaming.noDataProgressEventInterval, 10 s by default
    await query.processAllAvailable();
    expect(rec.idle.map((e) => e.timestamp)).toEqual([new Date(T0).toISOString(), new Date(T0 + 10_000).toISOString()]);
  });

  it('a listener that throws does not break the query; the error goes to stderr', async () => {
    session = Session.builder().create();
    session.streams.addListener({ onQueryProgress: () => { throw new Error('listener bug'); } });
    const rec = new Recorder();
    session.streams.addListener(rec);
    const stream = new MemoryStream(session, schema);
    const query = await stream.toDF().writeStream.format('memory').queryName('robust').start();
    const { text } = await captureStderr(async () => {
      stream.addData([{ n: 1 }]);
      await query.processAllAvailable();
    });
    expect(text).toBe('Error in a StreamingQueryListener: listener bug\n');
    expect(query.isActive).toBe(true);
    expect(rec.events).toEqual(['started', 'progress 0']);
    expect(await session.table('robust').collect()).toEqual([{ n: 1 }]);
  });
});
