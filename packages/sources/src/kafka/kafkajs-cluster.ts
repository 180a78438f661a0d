import type { Kafka } from 'kafkajs';

/**
 * kafkajs's internal Cluster (src/cluster/index.js of kafkajs 2.2.4, pinned): metadata, ListOffsets and raw
 * Fetch requests to partition leaders. The public kafkajs Consumer only reads through a consumer group
 * (join, rebalances, its own positions), which cannot read an exact offset range on demand; Spark's source
 * uses `assign` + `seek` for that, and the Cluster is kafkajs's equivalent. Typed here with only what the
 * source uses, so a kafkajs upgrade that changes it fails in one place with a clear message.
 */
export interface InternalCluster {
  connect(): Promise<void>;
  disconnect(): Promise<void>;
  /** Topics whose metadata `refreshMetadata` loads; empty = every topic. */
  targetTopics: Set<string>;
  refreshMetadata(): Promise<void>;
  findTopicPartitionMetadata(topic: string): readonly { readonly partitionId: number; readonly leader: number }[];
  findLeaderForPartitions(topic: string, partitions: readonly number[]): Record<string, number[]>;
  findBroker(args: { nodeId: string }): Promise<InternalBroker>;
  fetchTopicsOffset(
    topics: readonly { topic: string; partitions: readonly { partition: number }[]; fromBeginning?: boolean; fromTimestamp?: number }[],
  ): Promise<{ topic: string; partitions: { partition: number; offset: string }[] }[]>;
  brokerPool: { metadata: { topicMetadata: readonly { topic: string; partitionMetadata: readonly { partitionId: number }[] }[] } | null };
}

export interface InternalBroker {
  fetch(request: {
    isolationLevel: number;
    maxWaitTime: number;
    minBytes: number;
    maxBytes: number;
    topics: { topic: string; partitions: { partition: number; fetchOffset: string; maxBytes: number }[] }[];
  }): Promise<{ responses: readonly FetchTopicResponse[] }>;
}

export interface FetchTopicResponse {
  readonly topicName: string;
  readonly partitions: readonly FetchPartitionResponse[];
}

export interface FetchPartitionResponse {
  readonly partition: number;
  readonly errorCode: number;
  readonly highWatermark: string;
  readonly lastStableOffset: string;
  readonly abortedTransactions: readonly { readonly producerId: string; readonly firstOffset: string }[];
  readonly messages: readonly FetchedRecord[];
}

/** One decoded record (kafkajs's RecordDecoder output). Header values repeat as arrays for repeated keys. */
export interface FetchedRecord {
  readonly offset: string;
  readonly timestamp: string;
  readonly key: Buffer | null;
  readonly value: Buffer | null;
  readonly headers: Readonly<Record<string, Buffer | null | readonly (Buffer | null)[]>>;
  readonly isControlRecord: boolean;
  readonly batchContext: { readonly producerId: string; readonly inTransaction: boolean; readonly timestampType: number };
}

export const READ_UNCOMMITTED = 0;
export const READ_COMMITTED = 1;

type ClusterFactory = (args: { metadataMaxAge: number; allowAutoTopicCreation: boolean; isolationLevel: number }) => InternalCluster;

/** A Cluster configured like `kafka` (brokers, TLS, SASL, retry), through the client's private factory. */
export function createCluster(kafka: Kafka, isolationLevel: number): InternalCluster {
  const holder = kafka as unknown as Record<symbol, unknown>;
  const symbol = Object.getOwnPropertySymbols(kafka).find((s) => s.description === 'private:Kafka:createCluster');
  const factory = symbol === undefined ? undefined : holder[symbol];
  if (typeof factory !== 'function') {
    throw new Error('The installed kafkajs has no internal cluster factory; Caudal\'s Kafka source needs kafkajs 2.2.4');
  }
  const cluster = (factory as ClusterFactory)({ metadataMaxAge: 300_000, allowAutoTopicCreation: false, isolationLevel });
  if (typeof cluster.fetchTopicsOffset !== 'function' || typeof cluster.findLeaderForPartitions !== 'function') {
    throw new Error('The installed kafkajs cluster lacks fetchTopicsOffset/findLeaderForPartitions; Caudal\'s Kafka source needs kafkajs 2.2.4');
  }
  return cluster;
}
