import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Session, type StreamingQuery } from 'caudal';
import { kafkaBroker } from '@caudal/kafka-testing';
import { DedicatedBroker } from './helpers/dedicated-broker.ts';
import { KafkaFixture } from './helpers/kafka-fixture.ts';

// A broker that stops and comes back while queries run: the Kafka source waits and reads on, the
// exactly-once Kafka sink waits and writes on, and in the end nothing is lost and nothing is doubled.

const shared = kafkaBroker();

/** Waits (a liveness bound, not a timing assertion) until `test` holds, failing with the query's error if it dies. */
async function until(query: StreamingQuery, test: () => boolean, what: string, limitMs = 90_000): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (!test()) {
    const e = query.exception();
    if (e !== null) throw e;
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe.skipIf(shared.skipWithoutJavaOffCi)('Kafka source and sink across a broker restart', () => {
  let broker: DedicatedBroker | undefined;
  const cleanups: (() => Promise<void> | void)[] = [];
  afterAll(async () => {
    for (const c of cleanups.reverse()) await c();
    await broker?.stop();
  });

  it('wait for the broker and continue with nothing lost or duplicated', async () => {
    broker = await DedicatedBroker.start();
    const fx = new KafkaFixture(broker.bootstrap);
    cleanups.push(() => fx.close());
    const input = await fx.createTopic('restart-in', 2);
    const output = await fx.createTopic('restart-out', 2);
    const dir = mkdtempSync(join(tmpdir(), 'caudal-kafka-restart-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const session = Session.builder().create();
    cleanups.push(() => session.stop());

    const values = (from: number, to: number): string[] => Array.from({ length: to - from }, (_, i) => `v${from + i}`);
    await fx.produce(input, values(0, 50).map((value, i) => ({ partition: i % 2, value })));
    const reader = await session.readStream.format('kafka')
      .options({ 'kafka.bootstrap.servers': broker.bootstrap, subscribe: input, startingOffsets: 'earliest' }).load()
      .selectExpr('CAST(value AS STRING) AS value')
      .writeStream.format('memory').queryName('restart_in').option('checkpointLocation', join(dir, 'reader')).start();
    cleanups.push(() => reader.stop());
    const writer = await session.readStream.format('rate-micro-batch').option('rowsPerBatch', 10).load()
      .selectExpr('CAST(value AS STRING) AS value')
      .writeStream.format('kafka')
      .options({ 'kafka.bootstrap.servers': broker.bootstrap, topic: output, 'caudal.exactlyOnce': true, checkpointLocation: join(dir, 'writer') })
      .trigger({ processingTime: '50 milliseconds' }).start();
    cleanups.push(() => writer.stop());

    await reader.processAllAvailable();
    await until(writer, () => (writer.lastProgress?.batchId ?? -1) >= 5, 'the writer to commit 6 batches');

    await broker.restart();

    await fx.produce(input, values(50, 100).map((value, i) => ({ partition: i % 2, value })));
    expect(await fx.endOffsets(input)).toEqual([50, 50]);
    const batchAfterRestart = writer.lastProgress?.batchId ?? -1;
    await until(writer, () => (writer.lastProgress?.batchId ?? -1) >= batchAfterRestart + 5, 'the writer to commit 5 more batches');
    await reader.processAllAvailable();
    expect(reader.exception()).toBeNull();
    expect(writer.exception()).toBeNull();
    await reader.stop();
    await writer.stop();

    const read = (await session.table('restart_in').collect()).map((r) => r['value'] as string);
    expect([...read].sort()).toEqual(values(0, 100).sort());

    const lastBatch = writer.lastProgress!.batchId;
    const written = await readCommittedValues(fx, output, (lastBatch + 1) * 10);
    expect(written.sort((a, b) => a - b)).toEqual(Array.from({ length: (lastBatch + 1) * 10 }, (_, v) => v));
  }, 180_000);
});

/** Values of a topic as a read_committed consumer sees them: waits for `count`, then a moment for any extra. */
async function readCommittedValues(fx: KafkaFixture, topic: string, count: number): Promise<number[]> {
  const consumer = fx.kafka.consumer({ groupId: `caudal-restart-check-${Date.now()}`, readUncommitted: false, maxWaitTimeInMs: 100 });
  const values: number[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    let reached: () => void = () => {};
    const done = new Promise<void>((resolve) => (reached = resolve));
    await consumer.run({
      eachBatch: async ({ batch }) => {
        for (const m of batch.messages) values.push(Number(m.value!.toString()));
        if (values.length >= count) reached();
      },
    });
    const timer = setTimeout(reached, 30_000);
    await done;
    clearTimeout(timer);
    await new Promise((resolve) => setTimeout(resolve, 1000));
  } finally {
    await consumer.disconnect();
  }
  return values;
}
