import type { OutputMode, Sink, SinkBatch } from '@caudal/core';
import { Kafka, type Admin, type Producer } from 'kafkajs';
import { checkedPartitioner } from './checked-partitioner.ts';
import { BatchMarker } from './batch-marker.ts';
import { errorText, isRetriable } from '@caudal/kafka-common';
import { encodeRecords } from './kafka-record-encoder.ts';
import type { KafkaSinkConfig } from './kafka-sink-options.ts';
import type { KafkaWriteColumns } from './kafka-write-columns.ts';

interface Connected {
  readonly producer: Producer;
  readonly admin: Admin;
  readonly marker: BatchMarker;
  lastCommitted: number;
}

/**
 * The Kafka sink with `caudal.exactlyOnce` = true (beyond Spark, whose Kafka sink is at-least-once).
 *
 * Protocol (read_committed consumers see every row exactly once, whatever the crashes):
 * 1. The transactional id is `caudal-<query id>` (the id in `<checkpoint>/metadata`), the same for every run of the
 *    query, so a new run fences the previous one.
 * 2. Before its first batch the sink starts (and aborts) an empty transaction: InitProducerId bumps the producer
 *    epoch, which fences any older producer of the query and makes the coordinator finish its open transaction
 *    (aborted, or committed if its commit had already been accepted). Only then does it read the marker: the last
 *    batch id whose transaction committed ({@link BatchMarker}).
 * 3. Batch N is produced in ONE transaction that also commits the marker N (TxnOffsetCommit to the sink's own
 *    consumer group). Records and marker become visible together, or not at all.
 * 4. A batch id at or below the marker is a replay of a batch already in Kafka (the engine crashed after the
 *    Kafka commit, before writing commits/N): skipped.
 * Crash before the commit: the transaction stays open until step 2 of the next run (or its timeout) aborts it;
 * read_committed consumers never see it, and the replay writes the batch again. Crash after the commit: the
 * marker says N, the replay is skipped. A failed commit whose outcome is unknown is settled the same way: the
 * producer is recreated (step 2) and the marker re-read before retrying.
 */
export class ExactlyOnceKafkaSink implements Sink {
  readonly description: string;
  private connecting: Promise<Connected> | undefined;
  private readonly transactionalId: string;

  constructor(
    private readonly config: KafkaSinkConfig,
    private readonly columns: KafkaWriteColumns,
    private readonly queryId: string,
    private readonly checkpointDir: string,
  ) {
    this.transactionalId = config.transactionalId ?? `caudal-${queryId}`;
    this.description = `KafkaSink[${config.topic ?? 'topic column'}, exactlyOnce, transactionalId=${this.transactionalId}]`;
  }

  async addBatch(batch: SinkBatch, _outputMode: OutputMode): Promise<void> {
    const deadline = Date.now() + this.config.deliveryTimeoutMs;
    let pause = 100;
    for (;;) {
      let c: Connected | undefined;
      try {
        c = await this.connect();
        if (batch.batchId <= c.lastCommitted) return;
        await this.produce(c, batch);
        c.lastCommitted = batch.batchId;
        c.marker.recordCommitted(batch.batchId);
        return;
      } catch (e) {
        // The transaction's fate is unknown: start over with a new producer, which settles it (step 2).
        await this.reset();
        if (!isRetriable(e) || Date.now() >= deadline) {
          throw new Error(`Kafka sink could not write batch ${batch.batchId} in a transaction: ${errorText(e)}`, { cause: e });
        }
        await new Promise((r) => setTimeout(r, pause));
        pause = Math.min(pause * 2, 1000);
      }
    }
  }

  async stop(): Promise<void> {
    await this.reset();
  }

  private async produce(c: Connected, batch: SinkBatch): Promise<void> {
    const txn = await c.producer.transaction();
    try {
      for (const topicMessages of encodeRecords(batch.batches, this.columns, this.config.topic)) {
        await txn.sendBatch({ topicMessages, acks: -1, compression: this.config.compression });
      }
      await txn.sendOffsets(c.marker.offsetsFor(batch.batchId));
    } catch (e) {
      await txn.abort().catch(() => undefined);
      throw e;
    }
    await txn.commit();
  }

  private connect(): Promise<Connected> {
    this.connecting ??= (async () => {
      const kafka = new Kafka(this.config.client);
      const admin = kafka.admin();
      const producer = kafka.producer({
        createPartitioner: checkedPartitioner,
        transactionalId: this.transactionalId,
        transactionTimeout: this.config.transactionTimeoutMs,
        idempotent: true,
        maxInFlightRequests: 1,
        // Bounded, so a broker outage fails the attempt and addBatch retries with a fresh producer.
        retry: { retries: 10 },
        allowAutoTopicCreation: true,
      });
      try {
        await admin.connect();
        await producer.connect();
        const marker = new BatchMarker(admin, `caudal-sink-${this.queryId}`, this.config.markerTopic, this.checkpointDir);
        await marker.ensureTopic();
        // Step 2: fence older producers and settle their open transaction, then read the marker.
        const fence = await producer.transaction();
        await fence.abort();
        return { producer, admin, marker, lastCommitted: await marker.lastCommitted() };
      } catch (e) {
        await producer.disconnect().catch(() => undefined);
        await admin.disconnect().catch(() => undefined);
        throw e;
      }
    })();
    return this.connecting;
  }

  private async reset(): Promise<void> {
    const connecting = this.connecting;
    this.connecting = undefined;
    const c = await connecting?.catch(() => undefined);
    if (c === undefined) return;
    await c.producer.disconnect().catch(() => undefined);
    await c.admin.disconnect().catch(() => undefined);
  }
}
