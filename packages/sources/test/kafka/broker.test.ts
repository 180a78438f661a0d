import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { Kafka, logLevel, Partitioners, type Admin, type Producer } from 'kafkajs';
import { kafkaBroker } from '@caudal/kafka-testing';

// Proves the broker of scripts/kafka.sh (started by the vitest global setup) serves what Caudal's
// Kafka source and sink will need: multi-partition topics, keyed produce, consume from the beginning,
// and transactions seen through read_committed (exactly-once).

const broker = kafkaBroker();

interface Received {
  readonly partition: number;
  readonly offset: number;
  readonly key: string | null;
  readonly value: string | null;
}

/** Kafka's Java client partitioner for keyed records: toPositive(murmur2(key)) % partitions. */
function javaDefaultPartition(key: string, partitions: number): number {
  return (murmur2(Buffer.from(key, 'utf8')) & 0x7fffffff) % partitions;
}

/** org.apache.kafka.common.utils.Utils.murmur2, as 32-bit signed ints. */
function murmur2(data: Uint8Array): number {
  const m = 0x5bd1e995;
  const length = data.length;
  let h = 0x9747b28c ^ length;
  const byte = (i: number): number => data[i] ?? 0;
  const whole = length & ~3;
  for (let i = 0; i < whole; i += 4) {
    let k = byte(i) | (byte(i + 1) << 8) | (byte(i + 2) << 16) | (byte(i + 3) << 24);
    k = Math.imul(k, m);
    k ^= k >>> 24;
    k = Math.imul(k, m);
    h = Math.imul(h, m) ^ k;
  }
  const rest = length % 4;
  if (rest === 3) h ^= byte(whole + 2) << 16;
  if (rest >= 2) h ^= byte(whole + 1) << 8;
  if (rest >= 1) h = Math.imul(h ^ byte(whole), m);
  h ^= h >>> 13;
  h = Math.imul(h, m);
  h ^= h >>> 15;
  return h | 0;
}

const uniqueName = (kind: string): string => `caudal-broker-test-${kind}-${randomUUID()}`;

/** Sorted by partition, then offset. */
const byPosition = (a: Received, b: Received): number => a.partition - b.partition || a.offset - b.offset;

/**
 * Consumes `topic` from the beginning in a fresh consumer group until `done` holds for what arrived.
 * Gives up after 20 s (a liveness bound, not a timing assertion) so a broken broker fails the test
 * with what did arrive instead of hanging.
 */
async function consumeUntil(
  kafka: Kafka,
  topic: string,
  options: { readonly readUncommitted: boolean; readonly done: (records: readonly Received[]) => boolean },
): Promise<Received[]> {
  const consumer = kafka.consumer({
    groupId: uniqueName('group'),
    readUncommitted: options.readUncommitted,
    maxWaitTimeInMs: 200,
  });
  const records: Received[] = [];
  let timer: NodeJS.Timeout | undefined;
  try {
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      timer = setTimeout(
        () => reject(new Error(`gave up after 20 s with ${records.length} records: ${JSON.stringify(records)}`)),
        20_000,
      );
      consumer
        .run({
          eachMessage: async ({ partition, message }) => {
            records.push({
              partition,
              offset: Number(message.offset),
              key: message.key === null ? null : message.key.toString('utf8'),
              value: message.value === null ? null : message.value.toString('utf8'),
            });
            if (options.done(records)) resolve();
          },
        })
        .catch(reject);
    });
  } finally {
    clearTimeout(timer);
    await consumer.disconnect();
  }
  return records.sort(byPosition);
}

async function inTransaction(
  producer: Producer,
  topic: string,
  values: readonly string[],
  outcome: 'commit' | 'abort',
): Promise<void> {
  const transaction = await producer.transaction();
  try {
    await transaction.send({ topic, messages: values.map((value) => ({ key: value, value })) });
  } catch (error) {
    await transaction.abort();
    throw error;
  }
  if (outcome === 'commit') await transaction.commit();
  else await transaction.abort();
}

describe('javaDefaultPartition (used to predict keyed partitions below)', () => {
  it('matches org.apache.kafka.common.utils.Utils.murmur2 from kafka-clients 4.2.0', () => {
    // Values printed by the Java client: Utils.murmur2(key.getBytes(UTF_8)).
    const fromJava: Array<[string, number]> = [
      ['key-0', 29210041],
      ['key-1', 193331640],
      ['key-42', -187086521],
      ['key-99', -876232990],
      ['', 275646681],
      ['a', -1563381124],
      ['ab', 316155434],
      ['abc', 479470107],
      ['abcd', -1323649548],
      ['é€', 1912689889],
    ];
    expect(fromJava.map(([key]) => [key, murmur2(Buffer.from(key, 'utf8'))])).toEqual(fromJava);
    expect(['key-0', 'key-1', 'key-42', 'key-99'].map((k) => javaDefaultPartition(k, 3))).toEqual([1, 0, 0, 1]);
  });
});

describe.skipIf(broker.skipWithoutJavaOffCi)('Kafka broker from scripts/kafka.sh, through kafkajs', () => {
  // Connected on first use, so that without a broker every test fails with the reason (in CI)
  // instead of a beforeAll error that leaves the tests reported as skipped.
  let connection: Promise<{ kafka: Kafka; admin: Admin }> | undefined;
  const topics: string[] = [];

  const connect = (): Promise<{ kafka: Kafka; admin: Admin }> => {
    connection ??= (async () => {
      const kafka = new Kafka({ clientId: 'caudal-broker-test', brokers: [broker.bootstrap()], logLevel: logLevel.NOTHING });
      const admin = kafka.admin();
      await admin.connect();
      return { kafka, admin };
    })();
    return connection;
  };

  afterAll(async () => {
    const connected = await connection?.catch(() => undefined);
    if (connected === undefined) return;
    try {
      if (topics.length > 0) await connected.admin.deleteTopics({ topics });
    } finally {
      await connected.admin.disconnect();
    }
  });

  async function createTopic(kind: string, numPartitions: number): Promise<string> {
    const { admin } = await connect();
    const topic = uniqueName(kind);
    const created = await admin.createTopics({
      topics: [{ topic, numPartitions, replicationFactor: 1 }],
      waitForLeaders: true,
    });
    expect(created).toBe(true);
    topics.push(topic);
    return topic;
  }

  async function highWatermarks(topic: string): Promise<Array<[number, number]>> {
    const { admin } = await connect();
    const offsets = await admin.fetchTopicOffsets(topic);
    return offsets.map((o): [number, number] => [o.partition, Number(o.high)]).sort((a, b) => a[0] - b[0]);
  }

  it('keeps 100 keyed messages in the key-hash partitions of a 3-partition topic, in order', async () => {
    const { kafka, admin } = await connect();
    const topic = await createTopic('keyed', 3);
    const metadata = await admin.fetchTopicMetadata({ topics: [topic] });
    expect(metadata.topics[0]?.partitions.map((p) => p.partitionId).sort()).toEqual([0, 1, 2]);

    const messages = Array.from({ length: 100 }, (_, i) => ({ key: `key-${i}`, value: `value-${i}` }));
    const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    try {
      await producer.send({ topic, acks: -1, messages });
    } finally {
      await producer.disconnect();
    }

    // Independent expectation: each key's partition by the Java client's rule, offsets counting up
    // from 0 in send order within each partition.
    const nextOffset = [0, 0, 0];
    const expected: Received[] = messages
      .map(({ key, value }) => {
        const partition = javaDefaultPartition(key, 3);
        const offset = nextOffset[partition]!;
        nextOffset[partition] = offset + 1;
        return { partition, offset, key, value };
      })
      .sort(byPosition);
    expect(nextOffset.every((n) => n > 0)).toBe(true);

    const received = await consumeUntil(kafka, topic, {
      readUncommitted: false,
      done: (records) => records.length >= 100,
    });
    expect(received).toEqual(expected);
    expect(await highWatermarks(topic)).toEqual(nextOffset.map((n, p) => [p, n]));
  });

  it('hides aborted transactions from read_committed consumers and shows them to read_uncommitted ones', async () => {
    const { kafka } = await connect();
    const topic = await createTopic('transactions', 1);
    const producer = kafka.producer({
      transactionalId: uniqueName('producer'),
      idempotent: true,
      maxInFlightRequests: 1,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    await producer.connect();
    try {
      await inTransaction(producer, topic, ['committed-1', 'committed-2', 'committed-3'], 'commit');
      await inTransaction(producer, topic, ['aborted-1', 'aborted-2'], 'abort');
      await inTransaction(producer, topic, ['committed-4'], 'commit');
    } finally {
      await producer.disconnect();
    }

    // Each transaction ends with one control record (commit/abort marker) that takes an offset:
    // data 0-2, marker 3, aborted data 4-5, marker 6, data 7, marker 8.
    const record = (offset: number, value: string): Received => ({ partition: 0, offset, key: value, value });
    const sawLast = (records: readonly Received[]): boolean => records.some((r) => r.value === 'committed-4');

    const committed = await consumeUntil(kafka, topic, { readUncommitted: false, done: sawLast });
    expect(committed).toEqual([
      record(0, 'committed-1'),
      record(1, 'committed-2'),
      record(2, 'committed-3'),
      record(7, 'committed-4'),
    ]);

    const uncommitted = await consumeUntil(kafka, topic, { readUncommitted: true, done: sawLast });
    expect(uncommitted).toEqual([
      record(0, 'committed-1'),
      record(1, 'committed-2'),
      record(2, 'committed-3'),
      record(4, 'aborted-1'),
      record(5, 'aborted-2'),
      record(7, 'committed-4'),
    ]);
    expect(await highWatermarks(topic)).toEqual([[0, 9]]);
  });
});
