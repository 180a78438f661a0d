import { Partitioners, type ICustomPartitioner } from 'kafkajs';

/** How many times a send may find an explicit partition missing from the producer's metadata (refreshing it in between). */
const MAX_MISSES = 5;

/**
 * kafkajs's default (Java-compatible murmur2) partitioner, guarded for rows that name their partition: kafkajs
 * silently drops messages for a partition its metadata lacks, so such a message fails the send instead. The
 * first misses raise kafkajs's retriable "metadata not loaded" (it refreshes metadata and retries: the
 * partition may just have been added); after that the send fails, like the Java producer's
 * "Partition N of topic T with partition count C is not present in metadata".
 */
export const checkedPartitioner: ICustomPartitioner = () => {
  const fallback = Partitioners.DefaultPartitioner();
  const misses = new Map<string, number>();
  return (args) => {
    const p = args.message.partition;
    if (p === undefined || p === null) return fallback(args);
    const key = `${args.topic}-${p}`;
    if (args.partitionMetadata.some((m) => m.partitionId === p)) {
      misses.delete(key);
      return p;
    }
    const n = (misses.get(key) ?? 0) + 1;
    misses.set(key, n);
    if (n > MAX_MISSES) {
      misses.delete(key);
      throw new Error(`Partition ${p} of topic ${args.topic} with partition count ${args.partitionMetadata.length} is not present in metadata`);
    }
    const retry = new Error(`Partition ${p} of topic ${args.topic} is not in the producer's metadata yet`);
    retry.name = 'KafkaJSMetadataNotLoaded';
    throw retry;
  };
};
