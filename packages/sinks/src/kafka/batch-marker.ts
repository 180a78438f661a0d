import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Admin } from 'kafkajs';

/**
 * Where the exactly-once Kafka sink records the last micro-batch whose transaction committed:
 * - in Kafka, as the committed offset of consumer group `groupId` on partition 0 of `topic`, written by the
 *   transaction itself (TxnOffsetCommit), so it becomes visible exactly when the batch's records do;
 * - in `<checkpoint>/sinks/kafka/committed`, written after the commit: a floor that survives the group's
 *   offsets expiring (offsets.retention.minutes, 7 days by default) while the query is stopped.
 * No record is ever written to `topic`; it only has to exist (Kafka 4 rejects offsets of unknown topics).
 */
export class BatchMarker {
  private readonly file: string;

  constructor(
    private readonly admin: Admin,
    readonly groupId: string,
    readonly topic: string,
    checkpointDir: string,
  ) {
    this.file = join(checkpointDir, 'sinks', 'kafka', 'committed');
  }

  /** Creates the marker topic (one partition) unless it exists. */
  async ensureTopic(): Promise<void> {
    const existing = await this.admin.listTopics();
    if (existing.includes(this.topic)) return;
    try {
      await this.admin.createTopics({ topics: [{ topic: this.topic, numPartitions: 1 }], waitForLeaders: true });
    } catch (e) {
      // Another sink created it first.
      if ((e as { type?: unknown }).type !== 'TOPIC_ALREADY_EXISTS' && !(await this.admin.listTopics()).includes(this.topic)) throw e;
    }
  }

  /** The last committed batch id, or -1. Call only when no transaction of this sink can still be open. */
  async lastCommitted(): Promise<number> {
    const offsets = await this.admin.fetchOffsets({ groupId: this.groupId, topics: [this.topic] });
    const inKafka = Number(offsets.find((t) => t.topic === this.topic)?.partitions.find((p) => p.partition === 0)?.offset ?? -1);
    return Math.max(inKafka, this.fromFile());
  }

  /** The offsets entry the transaction of batch `batchId` commits. */
  offsetsFor(batchId: number): { consumerGroupId: string; topics: { topic: string; partitions: { partition: number; offset: string }[] }[] } {
    return { consumerGroupId: this.groupId, topics: [{ topic: this.topic, partitions: [{ partition: 0, offset: String(batchId) }] }] };
  }

  recordCommitted(batchId: number): void {
    mkdirSync(join(this.file, '..'), { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    writeFileSync(tmp, `v1\n${batchId}\n`);
    renameSync(tmp, this.file);
  }

  private fromFile(): number {
    if (!existsSync(this.file)) return -1;
    const lines = readFileSync(this.file, 'utf8').split('\n');
    const n = Number(lines[0] === 'v1' ? lines[1] : lines[0]);
    return Number.isSafeInteger(n) ? n : -1;
  }
}
