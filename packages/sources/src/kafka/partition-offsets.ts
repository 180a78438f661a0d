import { offsetJson, type Offset } from '@caudal/core';

/** A Kafka topic partition. Shown as Kafka's `TopicPartition.toString()`: `topic-partition`. */
export interface TopicPartition {
  readonly topic: string;
  readonly partition: number;
}

/**
 * Offsets per topic partition, keyed by {@link tpKey}. An offset is the position of the NEXT record to read
 * (Kafka's consumer position), so a range (start, end] of the engine is the records [start, end).
 */
export type PartitionOffsets = ReadonlyMap<string, number>;

/** `topic-partition`: unambiguous, since partitions are digits and split off at the last `-`. */
export function tpKey(topic: string, partition: number): string {
  return `${topic}-${partition}`;
}

export function parseTpKey(key: string): TopicPartition {
  const dash = key.lastIndexOf('-');
  return { topic: key.slice(0, dash), partition: Number(key.slice(dash + 1)) };
}

/** Keys in a stable order: by topic, then partition number. */
export function sortedKeys(keys: Iterable<string>): string[] {
  return [...keys].map((k) => ({ k, tp: parseTpKey(k) }))
    .sort((a, b) => (a.tp.topic < b.tp.topic ? -1 : a.tp.topic > b.tp.topic ? 1 : a.tp.partition - b.tp.partition))
    .map((x) => x.k);
}

/** `t-0, t-1`, as Spark prints a set of topic partitions (without Scala's `Set(...)`). */
export function describeKeys(keys: Iterable<string>): string {
  return sortedKeys(keys).join(', ');
}

/**
 * The checkpoint form, Spark's KafkaSourceOffset JSON: `{"topic":{"0":5,"1":7}}`. Built in sorted order so
 * equal offsets give equal JSON text (the engine compares offsets by their text).
 */
export function toOffset(offsets: PartitionOffsets): Offset {
  const out: Record<string, Record<string, number>> = {};
  for (const key of sortedKeys(offsets.keys())) {
    const { topic, partition } = parseTpKey(key);
    (out[topic] ??= {})[String(partition)] = offsets.get(key)!;
  }
  return out;
}

/** Reads a checkpointed offset back; anything else is a damaged checkpoint. */
export function fromOffset(o: Offset): Map<string, number> {
  const fail = (): never => {
    throw new Error(`The Kafka source expects an offset like {"topic":{"0":5}}, got ${offsetJson(o)}: the checkpoint is damaged or was written by another source`);
  };
  if (o === null || typeof o !== 'object' || Array.isArray(o)) return fail();
  const out = new Map<string, number>();
  for (const [topic, parts] of Object.entries(o as Record<string, Offset>)) {
    if (parts === null || typeof parts !== 'object' || Array.isArray(parts)) return fail();
    for (const [p, off] of Object.entries(parts as Record<string, Offset>)) {
      if (!/^[0-9]+$/.test(p) || typeof off !== 'number' || !Number.isSafeInteger(off)) return fail();
      out.set(tpKey(topic, Number(p)), off);
    }
  }
  return out;
}

/**
 * Spark's JsonUtils.partitionOffsets: `{"topicA":{"0":23,"1":-1},"topicB":{"0":-2}}` (-1 latest, -2 earliest).
 * Returns undefined for text of another shape, so the caller can word the error for its option.
 */
export function parsePartitionOffsetsJson(text: string): Map<string, number> | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return undefined;
  const out = new Map<string, number>();
  for (const [topic, parts] of Object.entries(parsed as Record<string, unknown>)) {
    if (parts === null || typeof parts !== 'object' || Array.isArray(parts)) return undefined;
    for (const [p, off] of Object.entries(parts as Record<string, unknown>)) {
      if (!/^[0-9]+$/.test(p) || typeof off !== 'number' || !Number.isSafeInteger(off)) return undefined;
      out.set(tpKey(topic, Number(p)), off);
    }
  }
  return out;
}
