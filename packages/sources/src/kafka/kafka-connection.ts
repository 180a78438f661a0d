import { Kafka, type KafkaConfig } from 'kafkajs';
import { createCluster, READ_COMMITTED, READ_UNCOMMITTED, type FetchTopicResponse, type InternalCluster } from './kafkajs-cluster.ts';
import { parseTpKey, tpKey } from './partition-offsets.ts';

/** A condition that a retry can clear (kafkajs's convention: `retriable` is true). */
export class RetriableKafkaError extends Error {
  override readonly name = 'RetriableKafkaError';
  readonly retriable = true;
}

/** What to look up with ListOffsets: the log start, the end (high watermark or last stable offset), or a time. */
export type OffsetQuery = { readonly kind: 'earliest' } | { readonly kind: 'latest' } | { readonly kind: 'timestamp'; readonly ms: number };

export interface FetchRequest {
  readonly topic: string;
  readonly partition: number;
  readonly offset: number;
}

/** Kafka's fetch sizes (Java consumer defaults): per partition and per response. */
export interface FetchSizes {
  readonly maxPartitionBytes: number;
  readonly maxBytes: number;
  readonly maxWaitMs: number;
}

/**
 * One source's connection to the cluster: metadata of every topic, ListOffsets and raw Fetch requests, all
 * at the configured isolation level. Never joins a consumer group and never commits offsets.
 */
export class KafkaConnection {
  private readonly cluster: InternalCluster;
  private readonly isolationLevel: number;
  private connecting: Promise<void> | null = null;

  constructor(config: KafkaConfig, readCommitted: boolean) {
    this.isolationLevel = readCommitted ? READ_COMMITTED : READ_UNCOMMITTED;
    this.cluster = createCluster(new Kafka(config), this.isolationLevel);
  }

  async connect(): Promise<void> {
    this.connecting ??= this.cluster.connect().catch((e: unknown) => {
      this.connecting = null;
      throw e;
    });
    await this.connecting;
  }

  async close(): Promise<void> {
    this.connecting = null;
    await this.cluster.disconnect();
  }

  /**
   * Partitions of every topic that exists now (internal topics such as `__consumer_offsets` left out), from a
   * fresh metadata request. A deleted topic simply is not there.
   */
  async topicPartitions(): Promise<Map<string, number[]>> {
    await this.connect();
    this.cluster.targetTopics.clear();
    await this.cluster.refreshMetadata();
    const out = new Map<string, number[]>();
    for (const t of this.cluster.brokerPool.metadata?.topicMetadata ?? []) {
      if ((t as { isInternal?: boolean }).isInternal === true) continue;
      out.set(t.topic, t.partitionMetadata.map((p) => p.partitionId).sort((a, b) => a - b));
    }
    return out;
  }

  /** Offsets of the given partitions (keys `topic-partition`); a time with no record at or after it gives -1. */
  async listOffsets(keys: Iterable<string>, query: OffsetQuery): Promise<Map<string, number>> {
    await this.ensureMetadata();
    const byTopic = new Map<string, number[]>();
    for (const key of keys) {
      const { topic, partition } = parseTpKey(key);
      let list = byTopic.get(topic);
      if (list === undefined) byTopic.set(topic, (list = []));
      list.push(partition);
    }
    const out = new Map<string, number>();
    if (byTopic.size === 0) return out;
    const request = [...byTopic].map(([topic, partitions]) => ({
      topic,
      partitions: partitions.map((partition) => ({ partition })),
      ...(query.kind === 'timestamp' ? { fromTimestamp: query.ms } : { fromBeginning: query.kind === 'earliest' }),
    }));
    for (const t of await this.cluster.fetchTopicsOffset(request)) {
      for (const p of t.partitions) out.set(tpKey(t.topic, p.partition), Number(p.offset));
    }
    // kafkajs skips partitions whose leader its metadata lacks (a broker restarting): ask again, never guess.
    const missing = [...byTopic].flatMap(([topic, ps]) => ps.map((p) => tpKey(topic, p))).filter((k) => !out.has(k));
    if (missing.length > 0) throw new RetriableKafkaError(`No leader known for ${missing.join(', ')}`);
    return out;
  }

  /** One Fetch per partition leader, in parallel; kafkajs raises the first partition error of a response. */
  async fetch(requests: readonly FetchRequest[], sizes: FetchSizes): Promise<FetchTopicResponse[]> {
    await this.ensureMetadata();
    const byLeader = new Map<string, Map<string, { partition: number; fetchOffset: string; maxBytes: number }[]>>();
    const byTopic = new Map<string, FetchRequest[]>();
    for (const r of requests) {
      let list = byTopic.get(r.topic);
      if (list === undefined) byTopic.set(r.topic, (list = []));
      list.push(r);
    }
    for (const [topic, list] of byTopic) {
      const leaders = this.cluster.findLeaderForPartitions(topic, list.map((r) => r.partition));
      for (const [nodeId, partitions] of Object.entries(leaders)) {
        let topics = byLeader.get(nodeId);
        if (topics === undefined) byLeader.set(nodeId, (topics = new Map()));
        topics.set(topic, partitions.map((partition) => ({
          partition,
          fetchOffset: String(list.find((r) => r.partition === partition)!.offset),
          maxBytes: sizes.maxPartitionBytes,
        })));
      }
    }
    const responses = await Promise.all([...byLeader].map(async ([nodeId, topics]) => {
      const broker = await this.cluster.findBroker({ nodeId });
      const { responses: r } = await broker.fetch({
        isolationLevel: this.isolationLevel,
        maxWaitTime: sizes.maxWaitMs,
        minBytes: 1,
        maxBytes: sizes.maxBytes,
        topics: [...topics].map(([topic, partitions]) => ({ topic, partitions })),
      });
      return r;
    }));
    return responses.flat();
  }

  private async ensureMetadata(): Promise<void> {
    await this.connect();
    if (this.cluster.brokerPool.metadata === null || this.cluster.brokerPool.metadata === undefined) await this.topicPartitions();
  }

  /** Forgets cached leaders (after a leader moved or a broker restarted). */
  async refresh(): Promise<void> {
    await this.topicPartitions();
  }
}
