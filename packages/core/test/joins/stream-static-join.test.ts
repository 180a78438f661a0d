import { afterEach, describe, expect, it } from 'vitest';
import { MemoryStream, Session, StructType, col, type DataFrame } from 'caudal';

const eventSchema = new StructType([
  { name: 'id', dataType: { kind: 'int' }, nullable: true },
  { name: 'v', dataType: { kind: 'string' }, nullable: true },
]);
const dimSchema = new StructType([
  { name: 'id', dataType: { kind: 'int' }, nullable: true },
  { name: 'name', dataType: { kind: 'string' }, nullable: true },
]);

const sessions: Session[] = [];
afterEach(async () => { for (const s of sessions.splice(0)) await s.stop(); });

function setup() {
  const session = Session.builder().create();
  sessions.push(session);
  const events = new MemoryStream(session, eventSchema);
  const lookup = session.createDataFrame([{ id: 1, name: 'one' }, { id: 2, name: 'two' }, { id: 2, name: 'deux' }]);
  return { session, events, lookup };
}

async function run(df: DataFrame) {
  const batches: unknown[][][] = [];
  const q = await df.writeStream.foreachBatch(async (b) => {
    batches.push((await b.collect()).map((r) => b.columns.map((c) => r[c])));
  }).start();
  return { q, batches };
}

describe('stream-static joins', () => {
  it('enriches each micro-batch: inner, left outer, left semi and left anti', async () => {
    const { events, lookup } = setup();
    const df = events.toDF();
    const queries = {
      inner: await run(df.join(lookup, 'id')),
      left: await run(df.join(lookup, 'id', 'left')),
      semi: await run(df.join(lookup.withColumnRenamed('id', 'lid'), col('id').eq(col('lid')), 'semi')),
      anti: await run(df.join(lookup, 'id', 'anti')),
    };
    events.addData([{ id: 1, v: 'a' }, { id: 3, v: 'b' }, { id: 2, v: 'c' }, { id: null, v: 'd' }]);
    for (const { q } of Object.values(queries)) await q.processAllAvailable();
    events.addData([{ id: 2, v: 'e' }]);
    for (const { q } of Object.values(queries)) await q.processAllAvailable();
    expect(queries.inner.batches).toEqual([[[1, 'a', 'one'], [2, 'c', 'two'], [2, 'c', 'deux']], [[2, 'e', 'two'], [2, 'e', 'deux']]]);
    expect(queries.left.batches).toEqual([
      [[1, 'a', 'one'], [3, 'b', null], [2, 'c', 'two'], [2, 'c', 'deux'], [null, 'd', null]],
      [[2, 'e', 'two'], [2, 'e', 'deux']],
    ]);
    expect(queries.semi.batches).toEqual([[[1, 'a'], [2, 'c']], [[2, 'e']]]);
    expect(queries.anti.batches).toEqual([[[3, 'b'], [null, 'd']], []]);
    // Stream-static joins keep no state.
    expect(queries.inner.q.lastProgress!.stateOperators).toEqual([]);
  });

  it('a static DataFrame on the left may inner- or right-outer-join a stream', async () => {
    const { events, lookup } = setup();
    const inner = await run(lookup.join(events.toDF(), 'id'));
    const right = await run(lookup.join(events.toDF(), 'id', 'right_outer'));
    events.addData([{ id: 2, v: 'a' }, { id: 3, v: 'b' }]);
    await inner.q.processAllAvailable();
    await right.q.processAllAvailable();
    expect(inner.batches).toEqual([[[2, 'two', 'a'], [2, 'deux', 'a']]]);
    expect(right.batches).toEqual([[[2, 'two', 'a'], [2, 'deux', 'a'], [3, null, 'b']]]);
  });

  it('reads the static side again for every batch: a memory-sink table change is seen by the next batch', async () => {
    const { session, events } = setup();
    const dims = new MemoryStream(session, dimSchema);
    const dq = await dims.toDF().writeStream.format('memory').queryName('dims').start();
    dims.addData([{ id: 1, name: 'one' }]);
    await dq.processAllAvailable();

    const { q, batches } = await run(events.toDF().join(session.table('dims'), 'id', 'left'));
    events.addData([{ id: 1, v: 'a' }, { id: 2, v: 'b' }]);
    await q.processAllAvailable();
    dims.addData([{ id: 2, name: 'two' }]);
    await dq.processAllAvailable();
    events.addData([{ id: 2, v: 'c' }]);
    await q.processAllAvailable();
    expect(batches).toEqual([[[1, 'a', 'one'], [2, 'b', null]], [[2, 'c', 'two']]]);
  });
});
