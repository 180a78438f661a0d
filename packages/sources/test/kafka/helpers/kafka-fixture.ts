import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, Partitioners, type Admin, type Message, type Producer } from 'kafkajs';

/**
 * A connection to the test broker for producing fixtures and inspecting topics, with unique topic names so
 * parallel runs never share data. `close` deletes the topics it created.
 */
export class KafkaFixture {
  readonly kafka: Kafka;
  private admin: Admin | undefined;
  private producer: Producer | undefined;
  private readonly topics: string[] = [];

  constructor(readonly bootstrap: string) {
    this.kafka = new Kafka({ clientId: 'caudal-kafka-test', brokers: [bootstrap], logLevel: logLevel.NOTHING });
  }

  async adminClient(): Promise<Admin> {
    if (this.admin === undefined) {
      this.admin = this.kafka.admin();
      await this.admin.connect();
    }
    return this.admin;
  }

  async createTopic(kind: string, numPartitions = 1): Promise<string> {
    const admin = await this.adminClient();
    const topic = `caudal-test-${kind}-${randomUUID()}`;
    // A broker that has just started may answer the leader check with "does not host this topic-partition"
    // for a moment: ask again (creating an existing topic is a no-op).
    for (let attempt = 1; ; attempt++) {
      try {
        await admin.createTopics({ topics: [{ topic, numPartitions, replicationFactor: 1 }], waitForLeaders: true });
        break;
      } catch (e) {
        if (attempt >= 20 || (e as { retriable?: unknown }).retriable !== true) throw e;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    }
    this.topics.push(topic);
    return topic;
  }

  /** Sends messages to explicit partitions (acks=all), in order; returns once they are written. */
  async produce(topic: string, messages: readonly Message[]): Promise<void> {
    if (this.producer === undefined) {
      // Idempotent, so a retry after a broker restart never writes a record twice.
      this.producer = this.kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner, idempotent: true, maxInFlightRequests: 1 });
      await this.producer.connect();
    }
    await this.producer.send({ topic, acks: -1, messages: [...messages] });
  }

  /** `count` values `${prefix}0..` to one partition. */
  async produceValues(topic: string, partition: number, prefix: string, count: number, from = 0): Promise<void> {
    await this.produce(topic, Array.from({ length: count }, (_, i) => ({ partition, value: `${prefix}${from + i}` })));
  }

  /** Remembers a topic made elsewhere so `close` deletes it. */
  track(topic: string): void {
    this.topics.push(topic);
  }

  /**
   * Grows a topic. The producer is replaced: kafkajs silently drops messages for a partition missing from its
   * metadata, and a fresh producer loads the new partitions.
   */
  async addPartitions(topic: string, count: number): Promise<void> {
    const admin = await this.adminClient();
    await admin.createPartitions({ topicPartitions: [{ topic, count }] });
    await this.producer?.disconnect();
    this.producer = undefined;
  }

  /** Deletes the records of a partition below `offset` (its log start moves there). */
  async deleteRecordsBefore(topic: string, partition: number, offset: number): Promise<void> {
    const admin = await this.adminClient();
    // kafkajs looks up leaders from metadata it must already hold for the topic.
    await admin.fetchTopicOffsets(topic);
    await admin.deleteTopicRecords({ topic, partitions: [{ partition, offset: String(offset) }] });
  }

  /** High watermark per partition. */
  async endOffsets(topic: string): Promise<number[]> {
    const admin = await this.adminClient();
    return (await admin.fetchTopicOffsets(topic)).sort((a, b) => a.partition - b.partition).map((o) => Number(o.high));
  }

  /** Deletes the topics, with a fresh admin client (one that never held their metadata). */
  async close(): Promise<void> {
    await this.producer?.disconnect();
    await this.admin?.disconnect();
    if (this.topics.length === 0) return;
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      await admin.deleteTopics({ topics: this.topics }).catch(() => undefined);
    } finally {
      await admin.disconnect();
    }
  }
}
