import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Session } from 'caudal';
import { kafkaBroker } from '@caudal/kafka-testing';
import { DedicatedBroker } from './helpers/dedicated-broker.ts';
import { KafkaFixture } from './helpers/kafka-fixture.ts';

// query.stop() while the broker is down: the source is retrying for up to kafkaConsumer.pollTimeoutMs (10 minutes
// here), and the query's stop signal must end that wait at once instead of after the timeout.

const shared = kafkaBroker();

describe.skipIf(shared.skipWithoutJavaOffCi)('Kafka source stopping during a broker outage', () => {
  let broker: DedicatedBroker | undefined;
  const cleanups: (() => Promise<void> | void)[] = [];
  afterAll(async () => {
    for (const c of cleanups.reverse()) await c();
    await broker?.stop();
  });

  it('query.stop() ends the retries without waiting for pollTimeoutMs', async () => {
    broker = await DedicatedBroker.start();
    const fx = new KafkaFixture(broker.bootstrap);
    // The broker goes away for good and takes its topics with it (kafka.sh stop removes its state), so the
    // fixture's topic deletion has nothing to reach.
    cleanups.push(() => fx.close().catch(() => undefined));
    const topic = await fx.createTopic('stop-outage', 1);
    const dir = mkdtempSync(join(tmpdir(), 'caudal-kafka-stop-outage-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const session = Session.builder().create();
    cleanups.push(() => session.stop());

    await fx.produceValues(topic, 0, 'v', 3);
    const query = await session.readStream.format('kafka')
      .options({ 'kafka.bootstrap.servers': broker.bootstrap, subscribe: topic, startingOffsets: 'earliest', 'kafkaConsumer.pollTimeoutMs': 600_000 }).load()
      .selectExpr('CAST(value AS STRING) AS value')
      .writeStream.format('memory').queryName('stop_outage').option('checkpointLocation', join(dir, 'checkpoint'))
      .trigger({ processingTime: '50 milliseconds' }).start();
    cleanups.push(() => query.stop());
    await query.processAllAvailable();
    expect((await session.table('stop_outage').collect()).map((r) => r['value'])).toEqual(['v0', 'v1', 'v2']);

    await broker.stop();
    // The next trigger asks the dead broker for its latest offsets and stays active, retrying (liveness bound only).
    const deadline = Date.now() + 30_000;
    while (!query.status.isTriggerActive || query.status.message !== 'Getting offsets from sources') {
      if (Date.now() > deadline) throw new Error(`the query never started retrying: ${JSON.stringify(query.status)}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    // Without the stop signal this waits out the 10-minute pollTimeoutMs (and the test's timeout fails it first).
    await query.stop();
    expect(query.isActive).toBe(false);
    expect(query.exception()).toBeNull();
  }, 60_000);
});
