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
  kafka ??= new Kafka({ clientId: 'json-sum-test', brokers: [broker.bootstrap()], logLevel: logLevel.NOTHING });
  if (admin === undefined) {
    admin = kafka.admin();
    await admin.connect();
  }
  const topic = `caudal-example-json-sum-${randomUUID()}`;
  await admin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true });
  topics.push(topic);
  return { kafka, topic };
}

describe.skipIf(broker.skipWithoutJavaOffCi)('examples/kafka-json-sum', () => {
  it('main.ts prints each message\'s sum, and lists messages that are not JSON with a null sum', async () => {
    const { kafka: k, topic } = await newTopic();
    const producer = k.producer();
    await producer.connect();
    cleanups.push(() => producer.disconnect());
    await producer.send({ topic, messages: ['[{"randomInt":1},{"randomInt":2}]', 'not json', '[{"randomInt":40}]'].map((value) => ({ value })) });
    const program = new Program(MAIN, [broker.bootstrap(), topic, 'earliest']);
    cleanups.push(() => program.kill());
    const batch0 = lines(
      RULE, 'Batch: 0', RULE,
      '+---------+------+---------------------------------+-------+----+',
      '|partition|offset|json                             |numbers|sum |',
      '+---------+------+---------------------------------+-------+----+',
      '|0        |0     |[{"randomInt":1},{"randomInt":2}]|2      |3   |',
      '|0        |1     |not json                         |0      |null|',
      '|0        |2     |[{"randomInt":40}]               |1      |40  |',
      '+---------+------+---------------------------------+-------+----+',
      '',
    );
    await program.untilStdout(batch0);
    await producer.send({ topic, messages: [{ value: '{"randomInt": 5' }, { value: '[{"randomInt":7},{"randomInt":8},{"randomInt":9}]' }] });
    const batch1 = lines(
      RULE, 'Batch: 1', RULE,
      '+---------+------+-------------------------------------------------+-------+----+',
      '|partition|offset|json                                             |numbers|sum |',
      '+---------+------+-------------------------------------------------+-------+----+',
      '|0        |3     |{"randomInt": 5                                  |0      |null|',
      '|0        |4     |[{"randomInt":7},{"randomInt":8},{"randomInt":9}]|3      |24  |',
      '+---------+------+-------------------------------------------------+-------+----+',
      '',
    );
    await program.untilStdout(batch1);
    expect(program.stdout).toBe(batch0 + batch1);
  });

  it('producer.ts sends JSON arrays of 1 to 5 random integers, and plain text every fifth message', async () => {
    const { topic } = await newTopic();
    const program = new Program(PRODUCER, [broker.bootstrap(), topic, '--count', '6', '--interval', '0']);
    expect(await program.exited).toBe(0);
    const sent = program.stdout.trim().split('\n').map((l) => l.replace(/^sent /, ''));
    expect(sent).toHaveLength(6);
    sent.forEach((v, i) => {
      if (i === 4) {
        expect(v).toBe('not json, message 4');
        return;
      }
      const parsed = JSON.parse(v) as { randomInt: number }[];
      expect(parsed.length >= 1 && parsed.length <= 5).toBe(true);
      for (const item of parsed) expect(Object.keys(item).length === 1 && Number.isInteger(item.randomInt) && item.randomInt >= 0 && item.randomInt <= 100).toBe(true);
    });
    const session = Session.builder().create();
    cleanups.push(() => session.stop());
    const stored = await session.read.format('kafka')
      .options({ 'kafka.bootstrap.servers': broker.bootstrap(), subscribe: topic })
      .load().selectExpr('CAST(value AS STRING) AS value').collect();
    expect(stored.map((r) => r['value'])).toEqual(sent);
  });
});
