import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { Kafka, logLevel, type Admin } from 'kafkajs';
import { kafkaBroker } from '@caudal/kafka-testing';
import { Session } from 'caudal';
import { Program } from '../support/program.ts';

const broker = kafkaBroker();
const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url));
const PRODUCER = fileURLToPath(new URL('./producer.ts', import.meta.url));
const RULE = '-'.repeat(43);
const lines = (...ls: string[]): string => ls.map((l) => `${l}\n`).join('');


const cleanups: (() => Promise<void>)[] = [];
const topics: string[] = [];
let admin: Admin | undefined;
let kafka: Kafka | undefined;
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});
afterAll(async () => {
  if (topics.length > 0) await admin?.deleteTopics({ topics }).catch(() => undefined);
  await admin?.disconnect();
});

async function newTopic(): Promise<{ kafka: Kafka; topic: string }> {
  kafka ??= new Kafka({ clientId: 'random-ints-test', brokers: [broker.bootstrap()], logLevel: logLevel.NOTHING });
  if (admin === undefined) {
    admin = kafka.admin();
    await admin.connect();
  }
  const topic = `caudal-example-random-ints-${randomUUID()}`;
  await admin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true });
  topics.push(topic);
  return { kafka, topic };
}

describe.skipIf(broker.skipWithoutJavaOffCi)('examples/kafka-random-ints', () => {
  it('main.ts prints the integers above 50, batch after batch', async () => {
    const { kafka: k, topic } = await newTopic();
    const producer = k.producer();
    await producer.connect();
    cleanups.push(() => producer.disconnect());
    await producer.send({ topic, messages: ['12', '77', '51', '50', '99'].map((value) => ({ value })) });
    const program = new Program(MAIN, [broker.bootstrap(), topic, 'earliest']);
    cleanups.push(() => program.kill());
    const batch0 = lines(
      RULE, 'Batch: 0', RULE,
      '+---------+------+------+',
      '|partition|offset|number|',
      '+---------+------+------+',
      '|        0|     1|    77|',
      '|        0|     2|    51|',
      '|        0|     4|    99|',
      '+---------+------+------+',
      '',
    );
    await program.untilStdout(batch0);
    await producer.send({ topic, messages: [{ value: '3' }, { value: '64' }] });
    const batch1 = lines(
      RULE, 'Batch: 1', RULE,
      '+---------+------+------+',
      '|partition|offset|number|',
      '+---------+------+------+',
      '|        0|     6|    64|',
      '+---------+------+------+',
      '',
    );
    await program.untilStdout(batch1);
    expect(program.stdout).toBe(batch0 + batch1);
  });

  it('producer.ts sends the integers it prints', async () => {
    const { topic } = await newTopic();
    const program = new Program(PRODUCER, [broker.bootstrap(), topic, '--count', '3', '--interval', '0']);
    expect(await program.exited).toBe(0);
    const sent = program.stdout.trim().split('\n').map((l) => l.replace(/^sent /, ''));
    expect(sent).toHaveLength(3);
    for (const v of sent) expect(Number(v) >= 0 && Number(v) <= 100 && /^[0-9]+$/.test(v)).toBe(true);
    // Read back with a static Kafka read.
    const session = Session.builder().create();
    cleanups.push(() => session.stop());
    const stored = await session.read.format('kafka')
      .options({ 'kafka.bootstrap.servers': broker.bootstrap(), subscribe: topic })
      .load().selectExpr('CAST(value AS STRING) AS value').collect();
    expect(stored.map((r) => r['value'])).toEqual(sent);
  });
});
