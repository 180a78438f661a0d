import { randomUUID } from 'node:crypto';
import type { Kafka } from 'kafkajs';

/** One record as a consumer sees it: strings for key and value, headers as [key, value] pairs in order. */
export interface ReadRecord {
  readonly partition: number;
  readonly key: string | null;
  readonly value: string | null;
  readonly headers: readonly (readonly [string, string])[];
}

/**
 * Every record of `topic` in a fresh consumer group from the beginning, until `count` arrived, plus a moment for
 * stragglers (anything beyond `count` would show up then). Sorted by partition, then offset.
 */
export async function readTopic(kafka: Kafka, topic: string, count: number, readCommitted = false): Promise<ReadRecord[]> {
  const consumer = kafka.consumer({ groupId: `caudal-sink-test-${randomUUID()}`, readUncommitted: !readCommitted, maxWaitTimeInMs: 100 });
  const records: (ReadRecord & { offset: number })[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    let reached: () => void = () => {};
    const done = new Promise<void>((resolve) => (reached = resolve));
    if (count === 0) reached();
    await consumer.run({
      eachMessage: async ({ partition, message }) => {
        const headers: [string, string][] = [];
        for (const [k, v] of Object.entries(message.headers ?? {})) {
          for (const one of Array.isArray(v) ? v : [v]) headers.push([k, one === undefined ? '' : one.toString()]);
        }
        records.push({
          partition,
          offset: Number(message.offset),
          key: message.key === null ? null : message.key.toString(),
          value: message.value === null ? null : message.value.toString(),
          headers,
        });
        if (records.length >= count) reached();
      },
    });
    // A liveness bound, not a timing assertion: a broken sink fails with what did arrive.
    const timer = setTimeout(reached, 20_000);
    await done;
    clearTimeout(timer);
    await new Promise((resolve) => setTimeout(resolve, 500));
  } finally {
    await consumer.disconnect();
  }
  return records.sort((a, b) => a.partition - b.partition || a.offset - b.offset).map(({ offset: _o, ...r }) => r);
}
