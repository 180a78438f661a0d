import type { OutputMode, Sink, SinkBatch } from '@caudal/core';
import { Kafka, type Producer } from 'kafkajs';
import { checkedPartitioner } from './checked-partitioner.ts';
import { isRetriable } from '@caudal/kafka-common';
import { encodeRecords } from './kafka-record-encoder.ts';
import type { KafkaSinkConfig } from './kafka-sink-options.ts';
import type { KafkaWriteColumns } from './kafka-write-columns.ts';

/**
 * `writeStream.format('kafka')`, Spark's KafkaSink: every batch's rows are sent and acknowledged (acks=all by
 * default, idempotent producer) before the batch counts as done. At-least-once: a batch replayed after a crash
 * is sent again, and so is a batch interrupted by a broker outage (retried for up to `kafka.delivery.timeout.ms`). All output modes write the batch's rows as they are (complete mode: the whole result each time).
 */
export class KafkaSink implements Sink {
  readonly description: string;
  private connecting: Promise<Producer> | undefined;

  constructor(
    private readonly config: KafkaSinkConfig,
    private readonly columns: KafkaWriteColumns,
  ) {
    this.description = `KafkaSink[${config.topic ?? 'topic column'}]`;
  }

  async addBatch(batch: SinkBatch, _outputMode: OutputMode): Promise<void> {
    const chunks = encodeRecords(batch.batches, this.columns, this.config.topic);
    const deadline = Date.now() + this.config.deliveryTimeoutMs;
    let pause = 100;
    for (;;) {
      try {
        const producer = await this.connect();
        for (const topicMessages of chunks) {
          await producer.sendBatch({ topicMessages, acks: this.config.acks, compression: this.config.compression });
        }
        return;
      } catch (e) {
        // A broker restarting: send the whole batch again with a new producer (at-least-once allows repeats).
        await this.stop();
        if (!isRetriable(e) || Date.now() >= deadline) throw e;
        await new Promise((r) => setTimeout(r, pause));
        pause = Math.min(pause * 2, 1000);
      }
    }
  }

  async stop(): Promise<void> {
    const connecting = this.connecting;
    this.connecting = undefined;
    const producer = await connecting?.catch(() => undefined);
    await producer?.disconnect();
  }

  private connect(): Promise<Producer> {
    this.connecting ??= (async () => {
      const p = new Kafka(this.config.client).producer({
        createPartitioner: checkedPartitioner,
        idempotent: this.config.idempotent,
        ...(this.config.idempotent ? { maxInFlightRequests: 1 } : {}),
        allowAutoTopicCreation: true,
      });
      try {
        await p.connect();
      } catch (e) {
        this.connecting = undefined;
        throw e;
      }
      return p;
    })();
    return this.connecting;
  }
}
