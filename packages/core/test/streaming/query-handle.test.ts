import { afterEach, describe, expect, it } from 'vitest';
import { LONG, MemoryStream, Session, StructType, type StreamingQuery, type StreamingQueryStatus } from 'caudal';
import { TempDirs } from './support/temp-dirs.ts';
import { waitFor } from './support/wait-for.ts';

// The StreamingQuery handle: identity across restarts, name, and status messages.

const schema = new StructType().add('n', LONG);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const dirs = new TempDirs();
let session: Session | undefined;
afterEach(async () => { await session?.stop(); session = undefined; dirs.removeAll(); });

describe('StreamingQuery identity', () => {
  it('keeps its id across restarts from the same checkpoint; runId is new for every start', async () => {
    session = Session.builder().create();
    const checkpointLocation = dirs.make('identity');
    const stream = new MemoryStream(session, schema);
    const start = (name: string) => stream.toDF().writeStream.format('memory').queryName(name)
      .option('checkpointLocation', checkpointLocation).start();

    const first = await start('ids');
    expect(first.id).toMatch(UUID);
    expect(first.runId).toMatch(UUID);
    expect(first.name).toBe('ids');
    expect(String(first)).toBe(`StreamingQuery(name=ids, id=${first.id}, runId=${first.runId})`);
    await first.stop();

    const second = await start('ids_again');
    expect(second.id).toBe(first.id);
    expect(second.runId).not.toBe(first.runId);
    expect(second.name).toBe('ids_again');
    await second.stop();

    // Another checkpoint is another query.
    const other = await stream.toDF().writeStream.format('memory').queryName('other').start();
    expect(other.id).not.toBe(first.id);
  });

  it('has a null name when none is given', async () => {
    session = Session.builder().create();
    const stream = new MemoryStream(session, schema);
    const q = await stream.toDF().writeStream.foreachBatch(() => {}).start();
    expect(q.name).toBeNull();
    expect(String(q)).toBe(`StreamingQuery(name=null, id=${q.id}, runId=${q.runId})`);
  });
});

describe('StreamingQuery status', () => {
  it('says what the query is doing: processing, waiting for data, stopped', async () => {
    session = Session.builder().create();
    const stream = new MemoryStream(session, schema);
    let query: StreamingQuery | undefined;
    const during: StreamingQueryStatus[] = [];
    query = await stream.toDF().writeStream.foreachBatch(() => { during.push(query!.status); }).start();

    await waitFor(() => query.status.message === 'Waiting for data to arrive', 'the query to go idle');
    expect(query.status).toEqual({ message: 'Waiting for data to arrive', isDataAvailable: false, isTriggerActive: false });
    expect(query.isActive).toBe(true);

    stream.addData([{ n: 1 }]);
    await query.processAllAvailable();
    expect(during).toEqual([{ message: 'Processing new data', isDataAvailable: true, isTriggerActive: true }]);

    await query.stop();
    expect(query.status).toEqual({ message: 'Stopped', isDataAvailable: false, isTriggerActive: false });
    expect(query.isActive).toBe(false);
    await expect(query.awaitTermination()).resolves.toBe(true);
    // processAllAvailable on a stopped query returns at once.
    await expect(query.processAllAvailable()).resolves.toBeUndefined();
  });

  it('awaitTermination(timeout) says whether the query ended in time', async () => {
    session = Session.builder().create();
    const stream = new MemoryStream(session, schema);
    const query = await stream.toDF().writeStream.foreachBatch(() => {}).start();
    await expect(query.awaitTermination(1)).resolves.toBe(false);
    await query.stop();
    await expect(query.awaitTermination(1)).resolves.toBe(true);
  });
});
