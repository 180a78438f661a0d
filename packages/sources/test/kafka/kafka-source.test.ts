import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { ManualClock, Session, type DataFrame, type Row, type StreamingQuery } from 'caudal';
import { kafkaBroker } from '@caudal/kafka-testing';
import { KafkaFixture } from './helpers/kafka-fixture.ts';

// The Kafka source end to end against the real broker: records produced with kafkajs, read by a query into the
// memory sink, compared with what was produced.

const broker = kafkaBroker();
const cleanups: (() => void | Promise<void>)[] = [];
let fixture: KafkaFixture | undefined;
let queryCount = 0;

afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});
afterAll(async () => {
  await fixture?.close();
});

function fx(): KafkaFixture {
  fixture ??= new KafkaFixture(broker.bootstrap());
  return fixture;
}

function newSession(clock?: ManualClock): Session {
  const b = Session.builder();
  const session = (clock ? b.clock(clock) : b).create();
  cleanups.push(() => session.stop());
  return session;
}

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'caudal-kafka-source-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function kafkaStream(session: Session, options: Record<string, string | number | boolean>): DataFrame {
  return session.readStream.format('kafka').options({ 'kafka.bootstrap.servers': broker.bootstrap(), ...options }).load();
}

/** Starts `df` into a fresh memory table; returns the query and a reader of the table's rows. */
async function toMemory(df: DataFrame, options: Record<string, string> = {}): Promise<{ query: StreamingQuery; rows: () => Promise<Row[]> }> {
  const name = `kafka_rows_${++queryCount}`;
  const query = await df.writeStream.format('memory').queryName(name).options(options).start();
  cleanups.push(() => query.stop());
  return { query, rows: () => df.session.table(name).collect() };
}

const VALUE_ROWS = ['CAST(value AS STRING) AS value', 'partition', 'offset'];

describe.skipIf(broker.skipWithoutJavaOffCi)('Kafka source against a real broker', () => {
  it('reads every column of the records produced, in partition and offset order', async () => {
    const topic = await fx().createTopic('columns', 2);
    await fx().produce(topic, [
      { partition: 0, key: 'k0', value: 'a', timestamp: '1700000000000' },
      { partition: 1, key: null, value: 'b', timestamp: '1700000000001' },
      { partition: 0, key: 'k1', value: null, timestamp: '1700000000002' },
      { partition: 1, key: 'k2', value: 'é€', timestamp: '1700000000003' },
    ]);
    const session = newSession();
    const df = kafkaStream(session, { subscribe: topic, startingOffsets: 'earliest' })
      .selectExpr('CAST(key AS STRING) AS key', 'CAST(value AS STRING) AS value', 'topic', 'partition', 'offset', 'timestamp', 'timestampType');
    const { query, rows } = await toMemory(df);
    await query.processAllAvailable();
    expect(await rows()).toEqual([
      { key: 'k0', value: 'a', topic, partition: 0, offset: 0, timestamp: new Date(1700000000000), timestampType: 0 },
      { key: 'k1', value: null, topic, partition: 0, offset: 1, timestamp: new Date(1700000000002), timestampType: 0 },
      { key: null, value: 'b', topic, partition: 1, offset: 0, timestamp: new Date(1700000000001), timestampType: 0 },
      { key: 'k2', value: 'é€', topic, partition: 1, offset: 1, timestamp: new Date(1700000000003), timestampType: 0 },
    ]);
    expect(query.lastProgress?.sources[0]?.description).toBe(`KafkaV2[Subscribe[${topic}]]`);
    expect(query.lastProgress?.sources[0]?.endOffset).toEqual({ [topic]: { 0: 2, 1: 2 } });
  });

  it('keeps the raw bytes of binary keys and values', async () => {
    const topic = await fx().createTopic('binary', 1);
    await fx().produce(topic, [{ partition: 0, key: Buffer.from([0, 255, 7]), value: Buffer.from([1, 2, 3, 250]) }]);
    const session = newSession();
    const { query, rows } = await toMemory(kafkaStream(session, { subscribe: topic, startingOffsets: 'earliest' }).select('key', 'value'));
    await query.processAllAvailable();
    expect(await rows()).toEqual([{ key: new Uint8Array([0, 255, 7]), value: new Uint8Array([1, 2, 3, 250]) }]);
  });

  it('starts at the latest offsets by default and reads what arrives after', async () => {
    const topic = await fx().createTopic('latest', 2);
    await fx().produceValues(topic, 0, 'old', 3);
    const session = newSession();
    const { query, rows } = await toMemory(kafkaStream(session, { subscribe: topic }).selectExpr(...VALUE_ROWS));
    await query.processAllAvailable();
    expect(await rows()).toEqual([]);
    await fx().produceValues(topic, 0, 'new', 2);
    await fx().produceValues(topic, 1, 'new-p1-', 1);
    await query.processAllAvailable();
    expect(await rows()).toEqual([
      { value: 'new0', partition: 0, offset: 3 },
      { value: 'new1', partition: 0, offset: 4 },
      { value: 'new-p1-0', partition: 1, offset: 0 },
    ]);
  });

  it('starts at specific offsets per partition (-2 earliest, -1 latest) and needs every partition listed', async () => {
    const topic = await fx().createTopic('specific', 3);
    for (const p of [0, 1, 2]) await fx().produceValues(topic, p, `p${p}-`, 3);
    const session = newSession();
    const json = JSON.stringify({ [topic]: { 0: 1, 1: -2, 2: -1 } });
    const { query, rows } = await toMemory(kafkaStream(session, { subscribe: topic, startingOffsets: json }).selectExpr(...VALUE_ROWS));
    await query.processAllAvailable();
    expect(await rows()).toEqual([
      { value: 'p0-1', partition: 0, offset: 1 },
      { value: 'p0-2', partition: 0, offset: 2 },
      { value: 'p1-0', partition: 1, offset: 0 },
      { value: 'p1-1', partition: 1, offset: 1 },
      { value: 'p1-2', partition: 1, offset: 2 },
    ]);

    const partial = JSON.stringify({ [topic]: { 0: 1 } });
    await expect(toMemory(kafkaStream(session, { subscribe: topic, startingOffsets: partial }))).rejects.toThrow(
      `If startingOffsets contains specific offsets, you must specify all TopicPartitions. Use -1 for latest, -2 for earliest, if you don't care. ` +
        `Specified: ${topic}-0 Assigned: ${topic}-0, ${topic}-1, ${topic}-2`,
    );
  });

  it('starts at the first record at or after startingTimestamp', async () => {
    const topic = await fx().createTopic('timestamp', 2);
    const t0 = 1_700_000_000_000;
    await fx().produce(topic, [0, 1, 2, 3].map((i) => ({ partition: 0, value: `p0-${i}`, timestamp: String(t0 + i * 1000) })));
    await fx().produce(topic, [0, 1].map((i) => ({ partition: 1, value: `p1-${i}`, timestamp: String(t0 + 2500 + i * 1000) })));
    const session = newSession();
    const { query, rows } = await toMemory(kafkaStream(session, { subscribe: topic, startingTimestamp: t0 + 2000 }).selectExpr(...VALUE_ROWS));
    await query.processAllAvailable();
    expect(await rows()).toEqual([
      { value: 'p0-2', partition: 0, offset: 2 },
      { value: 'p0-3', partition: 0, offset: 3 },
      { value: 'p1-0', partition: 1, offset: 0 },
      { value: 'p1-1', partition: 1, offset: 1 },
    ]);
  });

  it('splits maxOffsetsPerTrigger across partitions in proportion to their backlog', async () => {
    const topic = await fx().createTopic('max-offsets', 2);
    await fx().produceValues(topic, 0, 'a', 10);
    await fx().produceValues(topic, 1, 'b', 30);
    const session = newSession();
    const { query, rows } = await toMemory(kafkaStream(session, { subscribe: topic, startingOffsets: 'earliest', maxOffsetsPerTrigger: 8 }).selectExpr(...VALUE_ROWS));
    await query.processAllAvailable();
    // Backlogs 10:30 = 1:3, so each batch of 8 takes 2 from partition 0 and 6 from partition 1.
    expect(query.recentProgress.map((p) => [p.numInputRows, p.sources[0]?.endOffset])).toEqual(
      [1, 2, 3, 4, 5].map((k) => [8, { [topic]: { 0: 2 * k, 1: 6 * k } }]),
    );
    expect((await rows()).length).toBe(40);
  });

  it('with Trigger.AvailableNow, reads what is there at the start in maxOffsetsPerTrigger steps, then stops', async () => {
    const topic = await fx().createTopic('available-now', 1);
    await fx().produceValues(topic, 0, 'v', 10);
    const session = newSession();
    const df = kafkaStream(session, { subscribe: topic, startingOffsets: 'earliest', maxOffsetsPerTrigger: 4 }).selectExpr(...VALUE_ROWS);
    const name = `kafka_rows_${++queryCount}`;
    const query = await df.writeStream.format('memory').queryName(name).trigger({ availableNow: true }).start();
    cleanups.push(() => query.stop());
    await query.awaitTermination();
    expect(query.recentProgress.map((p) => p.numInputRows)).toEqual([4, 4, 2]);
    expect((await session.table(name).collect()).map((r) => r['value'])).toEqual(Array.from({ length: 10 }, (_, i) => `v${i}`));
  });

  it('resumes exactly from the checkpoint after a restart', async () => {
    const topic = await fx().createTopic('restart', 2);
    await fx().produceValues(topic, 0, 'a', 3);
    await fx().produceValues(topic, 1, 'b', 2);
    const checkpointLocation = join(tempDir(), 'checkpoint');
    const session = newSession();
    const first = await toMemory(kafkaStream(session, { subscribe: topic, startingOffsets: 'earliest' }).selectExpr(...VALUE_ROWS), { checkpointLocation });
    await first.query.processAllAvailable();
    await first.query.stop();
    expect((await first.rows()).map((r) => r['value'])).toEqual(['a0', 'a1', 'a2', 'b0', 'b1']);

    await fx().produceValues(topic, 0, 'a', 2, 3);
    await fx().produceValues(topic, 1, 'b', 1, 2);
    // startingOffsets only applies to a new query: the restart continues from the checkpoint.
    const second = await toMemory(kafkaStream(session, { subscribe: topic, startingOffsets: 'earliest' }).selectExpr(...VALUE_ROWS), { checkpointLocation });
    await second.query.processAllAvailable();
    expect(await second.rows()).toEqual([
      { value: 'a3', partition: 0, offset: 3 },
      { value: 'a4', partition: 0, offset: 4 },
      { value: 'b2', partition: 1, offset: 2 },
    ]);
    expect(second.query.recentProgress[0]?.sources[0]?.startOffset).toEqual({ [topic]: { 0: 3, 1: 2 } });
  });

  it('picks up partitions added while it runs, from their earliest offset', async () => {
    const topic = await fx().createTopic('grow', 1);
    await fx().produceValues(topic, 0, 'a', 2);
    const session = newSession();
    const { query, rows } = await toMemory(kafkaStream(session, { subscribe: topic, startingOffsets: 'earliest' }).selectExpr(...VALUE_ROWS));
    await query.processAllAvailable();
    await fx().addPartitions(topic, 2);
    await fx().produceValues(topic, 1, 'new', 2);
    await query.processAllAvailable();
    expect(await rows()).toEqual([
      { value: 'a0', partition: 0, offset: 0 },
      { value: 'a1', partition: 0, offset: 1 },
      { value: 'new0', partition: 1, offset: 0 },
      { value: 'new1', partition: 1, offset: 1 },
    ]);
  });

  it('with subscribePattern, reads topics created later that match', async () => {
    const prefix = `caudal-test-pattern-${Date.now()}-${process.pid}`;
    const session = newSession();
    const { query, rows } = await toMemory(kafkaStream(session, { subscribePattern: `${prefix}-[ab]`, startingOffsets: 'earliest' }).selectExpr('topic', 'CAST(value AS STRING) AS value'));
    await query.processAllAvailable();
    const admin = await fx().adminClient();
    await admin.createTopics({ topics: [`${prefix}-a`, `${prefix}-b`, `${prefix}-c`].map((topic) => ({ topic, numPartitions: 1 })), waitForLeaders: true });
    for (const t of ['a', 'b', 'c']) fx().track(`${prefix}-${t}`);
    await fx().produceValues(`${prefix}-a`, 0, 'a', 1);
    await fx().produceValues(`${prefix}-b`, 0, 'b', 1);
    await fx().produceValues(`${prefix}-c`, 0, 'c', 1);
    await query.processAllAvailable();
    expect(await rows()).toEqual([{ topic: `${prefix}-a`, value: 'a0' }, { topic: `${prefix}-b`, value: 'b0' }]);
    expect(query.lastProgress?.sources[0]?.description).toBe(`KafkaV2[SubscribePattern[${prefix}-[ab]]]`);
  });

  it('with assign, reads only the partitions listed', async () => {
    const topic = await fx().createTopic('assign', 3);
    for (const p of [0, 1, 2]) await fx().produceValues(topic, p, `p${p}-`, 1);
    const session = newSession();
    const { query, rows } = await toMemory(kafkaStream(session, { assign: JSON.stringify({ [topic]: [2, 0] }), startingOffsets: 'earliest' }).selectExpr(...VALUE_ROWS));
    await query.processAllAvailable();
    expect(await rows()).toEqual([{ value: 'p0-0', partition: 0, offset: 0 }, { value: 'p2-0', partition: 2, offset: 0 }]);
    expect(query.lastProgress?.sources[0]?.description).toBe(`KafkaV2[Assign[${topic}-2, ${topic}-0]]`);
  });

  it('fails with failOnDataLoss when records it has not read were deleted, and skips them without it', async () => {
    const topic = await fx().createTopic('data-loss', 1);
    await fx().produceValues(topic, 0, 'v', 5);
    const dir = tempDir();
    const session = newSession();
    const run = async (checkpoint: string, failOnDataLoss: boolean): Promise<{ query: StreamingQuery; rows: () => Promise<Row[]> }> =>
      toMemory(kafkaStream(session, { subscribe: topic, startingOffsets: 'earliest', failOnDataLoss }).selectExpr(...VALUE_ROWS), { checkpointLocation: join(dir, checkpoint) });
    for (const name of ['strict', 'lenient']) {
      const q = await run(name, name === 'strict');
      await q.query.processAllAvailable();
      await q.query.stop();
    }
    await fx().produceValues(topic, 0, 'v', 5, 5);
    await fx().deleteRecordsBefore(topic, 0, 8);

    const strict = await run('strict', true);
    await expect(strict.query.awaitTermination()).rejects.toThrow(
      `Cannot fetch offset 5 of ${topic}-0: the earliest offset available is 8, so offsets 5 to 7 are gone. ` +
        'Some data may have been lost because they are not available in Kafka any more; either the data was aged out by Kafka ' +
        'or the topic may have been deleted before all the data in the topic was processed. ' +
        `If you don't want your streaming query to fail on such cases, set the source option "failOnDataLoss" to "false".`,
    );

    const lenient = await run('lenient', false);
    await lenient.query.processAllAvailable();
    expect(await lenient.rows()).toEqual([{ value: 'v8', partition: 0, offset: 8 }, { value: 'v9', partition: 0, offset: 9 }]);
  });

  it('fails with failOnDataLoss when a subscribed topic is deleted', async () => {
    const topic = await fx().createTopic('deleted', 1);
    await fx().produceValues(topic, 0, 'v', 2);
    const session = newSession();
    const { query } = await toMemory(kafkaStream(session, { subscribe: topic, startingOffsets: 'earliest' }).selectExpr(...VALUE_ROWS));
    await query.processAllAvailable();
    // Its own admin client: one holding the topic's metadata would keep asking for it after the delete.
    const admin = fx().kafka.admin();
    await admin.connect();
    cleanups.push(() => admin.disconnect());
    await admin.deleteTopics({ topics: [topic] });
    await expect(query.awaitTermination()).rejects.toThrow(`${topic}-0 are gone. Some data may have been missed. Some data may have been lost`);
  });

  it('reads headers in order, repeated keys included, with includeHeaders', async () => {
    const topic = await fx().createTopic('headers', 1);
    await fx().produce(topic, [
      { partition: 0, value: 'h', headers: { a: 'x', b: ['y', 'z'] } },
      { partition: 0, value: 'none' },
    ]);
    const session = newSession();
    const { query, rows } = await toMemory(kafkaStream(session, { subscribe: topic, startingOffsets: 'earliest', includeHeaders: true }).selectExpr('CAST(value AS STRING) AS value', 'headers'));
    await query.processAllAvailable();
    const bytes = (s: string): Uint8Array => new Uint8Array(Buffer.from(s));
    expect(await rows()).toEqual([
      { value: 'h', headers: [{ key: 'a', value: bytes('x') }, { key: 'b', value: bytes('y') }, { key: 'b', value: bytes('z') }] },
      { value: 'none', headers: [] },
    ]);
  });

  it('skips transaction markers, and aborted records with read_committed', async () => {
    const topic = await fx().createTopic('transactions', 1);
    const producer = fx().kafka.producer({ transactionalId: `caudal-test-${topic}`, idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    cleanups.push(() => producer.disconnect());
    for (const [values, outcome] of [[['c1', 'c2'], 'commit'], [['x1'], 'abort'], [['c3'], 'commit']] as const) {
      const txn = await producer.transaction();
      await txn.send({ topic, messages: values.map((value) => ({ partition: 0, value })) });
      await (outcome === 'commit' ? txn.commit() : txn.abort());
    }
    // Offsets: c1 0, c2 1, commit marker 2, x1 3, abort marker 4, c3 5, commit marker 6.
    const session = newSession();
    const uncommitted = await toMemory(kafkaStream(session, { subscribe: topic, startingOffsets: 'earliest' }).selectExpr(...VALUE_ROWS));
    const committed = await toMemory(kafkaStream(session, { subscribe: topic, startingOffsets: 'earliest', 'kafka.isolation.level': 'read_committed' }).selectExpr(...VALUE_ROWS));
    await uncommitted.query.processAllAvailable();
    await committed.query.processAllAvailable();
    const at = (value: string, offset: number): Row => ({ value, partition: 0, offset });
    expect(await uncommitted.rows()).toEqual([at('c1', 0), at('c2', 1), at('x1', 3), at('c3', 5)]);
    expect(await committed.rows()).toEqual([at('c1', 0), at('c2', 1), at('c3', 5)]);
    expect(committed.query.lastProgress?.sources[0]?.endOffset).toEqual({ [topic]: { 0: 7 } });
  });

  it('holds a batch back until minOffsetsPerTrigger records wait, or maxTriggerDelay has passed on the engine clock', async () => {
    const topic = await fx().createTopic('min-offsets', 1);
    const clock = new ManualClock(Date.UTC(2024, 0, 1));
    const session = newSession(clock);
    const { query, rows } = await toMemory(kafkaStream(session, { subscribe: topic, startingOffsets: 'earliest', minOffsetsPerTrigger: 5, maxTriggerDelay: '10s' }).selectExpr(...VALUE_ROWS));
    await query.processAllAvailable();
    await fx().produceValues(topic, 0, 'v', 2);
    await query.processAllAvailable();
    expect(await rows()).toEqual([]);
    await fx().produceValues(topic, 0, 'v', 3, 2);
    await query.processAllAvailable();
    expect((await rows()).map((r) => r['value'])).toEqual(['v0', 'v1', 'v2', 'v3', 'v4']);
    await fx().produceValues(topic, 0, 'v', 1, 5);
    await query.processAllAvailable();
    expect((await rows()).length).toBe(5);
    clock.advance(10_000);
    await query.processAllAvailable();
    expect((await rows()).map((r) => r['value'])).toEqual(['v0', 'v1', 'v2', 'v3', 'v4', 'v5']);
    expect(query.recentProgress.map((p) => p.numInputRows)).toEqual([5, 1]);
  });

  it('reads a static range with session.read between startingOffsets and endingOffsets', async () => {
    const topic = await fx().createTopic('static', 2);
    await fx().produceValues(topic, 0, 'a', 5);
    await fx().produceValues(topic, 1, 'b', 3);
    const session = newSession();
    const read = (options: Record<string, string>): Promise<Row[]> =>
      session.read.format('kafka').options({ 'kafka.bootstrap.servers': broker.bootstrap(), subscribe: topic, ...options }).load().selectExpr(...VALUE_ROWS).collect();
    expect((await read({})).map((r) => r['value'])).toEqual(['a0', 'a1', 'a2', 'a3', 'a4', 'b0', 'b1', 'b2']);
    expect(await read({
      startingOffsets: JSON.stringify({ [topic]: { 0: 1, 1: -2 } }),
      endingOffsets: JSON.stringify({ [topic]: { 0: 3, 1: -1 } }),
    })).toEqual([
      { value: 'a1', partition: 0, offset: 1 },
      { value: 'a2', partition: 0, offset: 2 },
      { value: 'b0', partition: 1, offset: 0 },
      { value: 'b1', partition: 1, offset: 1 },
      { value: 'b2', partition: 1, offset: 2 },
    ]);
  });
});
