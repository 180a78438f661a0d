import { afterEach, describe, expect, it } from 'vitest';
import { AnalysisError, LONG, MemoryStream, Session, StreamingQueryException, StructType } from 'caudal';

// session.streams: the session's active queries, lookup by id, and waiting for any query to end.

const schema = new StructType().add('n', LONG);
let session: Session | undefined;
afterEach(async () => { await session?.stop(); session = undefined; });

describe('StreamingQueryManager', () => {
  it('lists active queries, finds them by id, and forgets them when they stop', async () => {
    session = Session.builder().create();
    const stream = new MemoryStream(session, schema);
    expect(session.streams.active).toEqual([]);
    const a = await stream.toDF().writeStream.format('memory').queryName('a').start();
    const b = await stream.toDF().writeStream.format('memory').queryName('b').start();
    expect(session.streams.active).toEqual([a, b]);
    expect(session.streams.get(a.id)).toBe(a);
    expect(session.streams.get(b.id)).toBe(b);
    expect(session.streams.get('00000000-0000-4000-8000-000000000000')).toBeNull();

    await a.stop();
    expect(session.streams.active).toEqual([b]);
    expect(session.streams.get(a.id)).toBeNull();
    // Queries of another session are not this session's.
    const other = Session.builder().create();
    try {
      expect(other.streams.active).toEqual([]);
      expect(other.streams.get(b.id)).toBeNull();
    } finally {
      await other.stop();
    }
  });

  it('awaitAnyTermination waits for a query to end, until resetTerminated', async () => {
    session = Session.builder().create();
    const stream = new MemoryStream(session, schema);
    await expect(session.streams.awaitAnyTermination(1)).resolves.toBe(false);

    const a = await stream.toDF().writeStream.format('memory').queryName('a').start();
    const waiting = session.streams.awaitAnyTermination();
    await a.stop();
    await expect(waiting).resolves.toBe(true);
    // Still "terminated" until reset.
    await expect(session.streams.awaitAnyTermination(1)).resolves.toBe(true);
    session.streams.resetTerminated();
    await expect(session.streams.awaitAnyTermination(1)).resolves.toBe(false);
  });

  it('awaitAnyTermination rejects with the exception of a query that failed', async () => {
    session = Session.builder().create();
    const stream = new MemoryStream(session, schema);
    const healthy = await stream.toDF().writeStream.format('memory').queryName('healthy').start();
    const failing = await stream.toDF().writeStream.queryName('failing')
      .foreachBatch(() => { throw new Error('disk full'); }).start();
    const waiting = session.streams.awaitAnyTermination();
    stream.addData([{ n: 1 }]);
    const error = await waiting.then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(StreamingQueryException);
    expect((error as Error).message).toBe(`Query failing [id = ${failing.id}, runId = ${failing.runId}] terminated with exception: disk full`);
    expect(session.streams.active).toEqual([healthy]);
    session.streams.resetTerminated();
    await expect(session.streams.awaitAnyTermination(1)).resolves.toBe(false);
  });

  it('session.stop() stops every active query', async () => {
    session = Session.builder().create();
    const stream = new MemoryStream(session, schema);
    const a = await stream.toDF().writeStream.format('memory').queryName('a').start();
    const b = await stream.toDF().writeStream.foreachBatch(() => {}).start();
    stream.addData([{ n: 1 }]);
    await session.stop();
    expect(session.isStopped).toBe(true);
    expect([a.isActive, b.isActive]).toEqual([false, false]);
    expect(session.streams.active).toEqual([]);
    await expect(a.awaitTermination()).resolves.toBe(true);
    await expect(b.awaitTermination()).resolves.toBe(true);
    // Stopping again is harmless; starting a query on a stopped session is refused.
    await session.stop();
    await expect(stream.toDF().writeStream.format('memory').queryName('late').start()).rejects.toThrow(new AnalysisError(
      'Cannot start a streaming query on a stopped session; create a new one with Session.builder().getOrCreate()',
    ));
    expect(session.streams.active).toEqual([]);
  });
});
