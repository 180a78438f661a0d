import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import {
  BINARY, INT, LONG, MemoryStream, STRING, Session, StructType, arrayOf, field, structOf, type DataFrame, type StreamingQuery,
} from 'caudal';
import { Kafka, logLevel, type Admin } from 'kafkajs';
import { kafkaBroker } from '@caudal/kafka-testing';
import { readTopic } from './helpers/topic-records.ts';

// The Kafka sink end to end: queries write through it, a kafkajs consumer reads back what arrived.

const broker = kafkaBroker();
const cleanups: (() => void | Promise<void>)[] = [];
const topics: string[] = [];
let connection: { kafka: Kafka; admin: Admin } | undefined;

afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});
afterAll(async () => {
  if (connection === undefined) return;
  if (topics.length > 0) await connection.admin.deleteTopics({ topics }).catch(() => undefined);
  await connection.admin.disconnect();
});

async function kafka(): Promise<{ kafka: Kafka; admin: Admin }> {
  if (connection === undefined) {
    const k = new Kafka({ clientId: 'caudal-sink-test', brokers: [broker.bootstrap()], logLevel: logLevel.NOTHING });
    const admin = k.admin();
    await admin.connect();
    connection = { kafka: k, admin };
  }
  return connection;
}

async function createTopic(kind: string, numPartitions = 1): Promise<string> {
  const { admin } = await kafka();
  const topic = `caudal-test-sink-${kind}-${randomUUID()}`;
  await admin.createTopics({ topics: [{ topic, numPartitions, replicationFactor: 1 }], waitForLeaders: true });
  topics.push(topic);
  return topic;
}

function newSession(): Session {
  const session = Session.builder().create();
  cleanups.push(() => session.stop());
  return session;
}

function checkpoint(): string {
  const dir = mkdtempSync(join(tmpdir(), 'caudal-kafka-sink-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function stream(session: Session, ddl: string): MemoryStream {
  const fields = ddl.split(',').map((part) => {
    const [name, type] = part.trim().split(/\s+/) as [string, string];
    const t = { STRING, BINARY, INT, LONG, HEADERS: arrayOf(structOf([field('key', STRING), field('value', BINARY)])) }[type];
    if (t === undefined) throw new Error(`unknown type ${type}`);
    return field(name, t);
  });
  return new MemoryStream(session, new StructType(fields));
}

function writeKafka(df: DataFrame, options: Record<string, string | boolean>, mode = 'append'): Promise<StreamingQuery> {
  return df.writeStream.format('kafka').outputMode(mode)
    .options({ 'kafka.bootstrap.servers': broker.bootstrap(), checkpointLocation: checkpoint(), ...options })
    .start()
    .then((q) => {
      cleanups.push(() => q.stop());
      return q;
    });
}

/** Waits until the query reported batch `id` (liveness bound 20 s), failing with the query's error if it died. */
async function untilBatch(query: StreamingQuery, id: number): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!query.recentProgress.some((p) => p.batchId === id)) {
    const e = query.exception();
    if (e !== null) throw e;
    if (Date.now() > deadline) throw new Error(`no progress report for batch ${id}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function startError(df: DataFrame, options: Record<string, string | boolean>, withCheckpoint = true): Promise<string> {
  try {
    const q = await df.writeStream.format('kafka')
      .options({ 'kafka.bootstrap.servers': '127.0.0.1:9', ...(withCheckpoint ? { checkpointLocation: checkpoint() } : {}), ...options })
      .start();
    await q.stop();
  } catch (e) {
    return (e as Error).message;
  }
  return 'no error';
}

describe('Kafka sink checks, when the query starts', () => {
  it('reports missing and mistyped columns as Spark does', async () => {
    const session = newSession();
    expect(await startError(stream(session, 'value STRING').toDF(), {})).toBe(
      "topic option required when no 'topic' attribute is present. Use the topic option for setting a topic.",
    );
    expect(await startError(stream(session, 'key STRING').toDF(), { topic: 't' })).toBe("Required attribute 'value' not found");
    expect(await startError(stream(session, 'value INT').toDF(), { topic: 't' })).toBe('value attribute unsupported type int. value must be a(n) string or binary');
    expect(await startError(stream(session, 'key LONG, value STRING').toDF(), { topic: 't' })).toBe('key attribute unsupported type bigint. key must be a(n) string or binary');
    expect(await startError(stream(session, 'topic INT, value STRING').toDF(), {})).toBe('topic attribute unsupported type int. topic must be a(n) string');
    expect(await startError(stream(session, 'value STRING, partition LONG').toDF(), { topic: 't' })).toBe(
      'partition attribute unsupported type bigint. partition must be a(n) int',
    );
    expect(await startError(stream(session, 'value STRING, headers STRING').toDF(), { topic: 't' })).toBe(
      'headers attribute unsupported type string. headers must be a(n) array<struct<key:string,value:binary>>',
    );
    // A topic option makes the topic column's type irrelevant.
    expect(await startError(stream(session, 'topic INT, value STRING').toDF(), { topic: 't' })).toBe('no error');
  });

  it('needs a checkpoint location, brokers, and no serializer settings', async () => {
    const session = newSession();
    const df = stream(session, 'value STRING').toDF();
    expect(await startError(df, { topic: 't' }, false)).toMatch(/^checkpointLocation must be specified either through option\("checkpointLocation", \.\.\.\)/);
    expect(await startError(df, { topic: 't', 'kafka.bootstrap.servers': '' })).toBe("Option 'kafka.bootstrap.servers' must list at least one host:port, got ''");
    expect(await startError(df, { topic: 't', 'kafka.key.serializer': 'x' })).toBe(
      "Kafka option 'key.serializer' is not supported as keys are serialized with ByteArraySerializer.",
    );
    expect(await startError(df, { topic: 't', 'caudal.exactlyOnce': true, 'kafka.enable.idempotence': false })).toBe(
      "Option 'caudal.exactlyOnce' needs the idempotent producer: remove 'kafka.enable.idempotence' = false",
    );
    expect(await startError(df, { topic: 't', 'kafka.compression.type': 'zstd' })).toBe(
      "Unsupported value 'zstd' for option 'kafka.compression.type': the Node Kafka client has 'none' and 'gzip' built in",
    );
  });
});

describe.skipIf(broker.skipWithoutJavaOffCi)('Kafka sink against a real broker', () => {
  it('writes key, value, partition and headers columns', async () => {
    const topic = await createTopic('columns', 3);
    const session = newSession();
    const input = stream(session, 'key STRING, value BINARY, partition INT, headers HEADERS');
    const query = await writeKafka(input.toDF(), { topic });
    const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);
    input.addData([
      { key: 'k1', value: bytes('one'), partition: 2, headers: [{ key: 'h', value: bytes('x') }, { key: 'h', value: bytes('y') }] },
      { key: null, value: bytes('two'), partition: 0, headers: null },
      { key: 'k3', value: null, partition: 2, headers: [] },
    ]);
    await query.processAllAvailable();
    expect(await readTopic((await kafka()).kafka, topic, 3)).toEqual([
      { partition: 0, key: null, value: 'two', headers: [] },
      { partition: 2, key: 'k1', value: 'one', headers: [['h', 'x'], ['h', 'y']] },
      { partition: 2, key: 'k3', value: null, headers: [] },
    ]);
  });

  it('sends each row to its topic column, unless the topic option overrides it', async () => {
    const a = await createTopic('column-a');
    const b = await createTopic('column-b');
    const c = await createTopic('option');
    const session = newSession();
    const input = stream(session, 'topic STRING, value STRING');
    const byColumn = await writeKafka(input.toDF(), {});
    const byOption = await writeKafka(input.toDF(), { topic: c });
    input.addData([{ topic: a, value: 'a1' }, { topic: b, value: 'b1' }, { topic: a, value: 'a2' }]);
    await byColumn.processAllAvailable();
    await byOption.processAllAvailable();
    const values = async (t: string, n: number): Promise<(string | null)[]> => (await readTopic((await kafka()).kafka, t, n)).map((r) => r.value);
    expect(await values(a, 2)).toEqual(['a1', 'a2']);
    expect(await values(b, 1)).toEqual(['b1']);
    expect(await values(c, 3)).toEqual(['a1', 'b1', 'a2']);
  });

  it('fails the query on a row without a topic, and on a partition the topic does not have', async () => {
    const topic = await createTopic('bad-rows', 2);
    const session = newSession();
    const noTopic = stream(session, 'topic STRING, value STRING');
    const q1 = await writeKafka(noTopic.toDF(), {});
    noTopic.addData([{ topic: null, value: 'x' }]);
    await expect(q1.awaitTermination()).rejects.toThrow('null topic present in the data. Use the topic option for setting a default topic.');

    const badPartition = stream(session, 'value STRING, partition INT');
    const q2 = await writeKafka(badPartition.toDF(), { topic });
    badPartition.addData([{ value: 'x', partition: 5 }]);
    await expect(q2.awaitTermination()).rejects.toThrow(`Partition 5 of topic ${topic} with partition count 2 is not present in metadata`);
  });

  it('writes the rows of every output mode: appended rows, updated groups, the whole result', async () => {
    const session = newSession();
    const run = async (mode: string, batches: string[][]): Promise<(string | null)[]> => {
      const topic = await createTopic(`mode-${mode}`);
      const input = stream(session, 'word STRING');
      const df = mode === 'append'
        ? input.toDF().selectExpr('word AS value')
        : input.toDF().groupBy('word').count().selectExpr("concat(word, '=', CAST(count AS STRING)) AS value");
      const query = await writeKafka(df, { topic }, mode);
      let expected = 0;
      for (const words of batches) {
        input.addData(words.map((word) => ({ word })));
        await query.processAllAvailable();
      }
      expected = (await (await kafka()).admin.fetchTopicOffsets(topic)).reduce((n, o) => n + Number(o.high), 0);
      const values = (await readTopic((await kafka()).kafka, topic, expected)).map((r) => r.value);
      return values;
    };
    const batches = [['a', 'b', 'a'], ['b', 'c']];
    expect(await run('append', batches)).toEqual(['a', 'b', 'a', 'b', 'c']);
    const sorted = (xs: (string | null)[]): (string | null)[] => [...xs].sort();
    // Update: batch 0 writes a=2, b=1; batch 1 the groups it changed, b=2, c=1.
    expect(sorted(await run('update', batches))).toEqual(['a=2', 'b=1', 'b=2', 'c=1']);
    // Complete: each batch writes every group.
    expect(sorted(await run('complete', batches))).toEqual(['a=2', 'a=2', 'b=1', 'b=2', 'c=1']);
  });

  it('exactly-once: a batch replayed after it committed in Kafka is not written again (at-least-once writes it twice)', async () => {
    const session = newSession();
    const outcome = async (exactlyOnce: boolean): Promise<(string | null)[]> => {
      const topic = await createTopic(`replay-${exactlyOnce}`, 2);
      const location = checkpoint();
      const start = async (): Promise<StreamingQuery> => {
        const q = await session.readStream.format('rate-micro-batch').option('rowsPerBatch', 3).load()
          .selectExpr('CAST(value AS STRING) AS value')
          .writeStream.format('kafka')
          .options({ 'kafka.bootstrap.servers': broker.bootstrap(), topic, checkpointLocation: location, 'caudal.exactlyOnce': exactlyOnce })
          .trigger({ processingTime: '1 hour' })
          .start();
        cleanups.push(() => q.stop());
        return q;
      };
      const first = await start();
      await untilBatch(first, 0);
      await first.stop();
      // As if the process died right after the Kafka commit of batch 0: neither the engine's commits/0 nor the
      // sink's own note of it were written, so only the marker committed in Kafka can tell.
      rmSync(join(location, 'commits', '0'));
      rmSync(join(location, 'sinks'), { recursive: true, force: true });
      const second = await start();
      // The restart runs batch 0 again (same offsets), then batch 1.
      await untilBatch(second, 1);
      await second.stop();
      const high = (await (await kafka()).admin.fetchTopicOffsets(topic)).reduce((n, o) => n + Number(o.high), 0);
      return (await readTopic((await kafka()).kafka, topic, exactlyOnce ? 6 : high, true)).map((r) => r.value).sort();
    };
    expect(await outcome(true)).toEqual(['0', '1', '2', '3', '4', '5']);
    expect(await outcome(false)).toEqual(['0', '0', '1', '1', '2', '2', '3', '4', '5']);
  });
});
