import { isNullAt, type ColumnBatch, type Vector } from '@caudal/core';
import type { Message, TopicMessages } from 'kafkajs';
import type { KafkaWriteColumns } from './kafka-write-columns.ts';

/** Bytes per send: below the broker's default message.max.bytes (1 MiB), which bounds one record batch. */
const CHUNK_BYTES = 512 * 1024;
/**
 * Records per send: kafkajs groups a send's messages by partition in time quadratic in their number, so sends
 * stay small enough for that to be cheap.
 */
const CHUNK_RECORDS = 4096;
/** Kafka's per-record overhead in a v2 record batch, roughly; only used to size chunks. */
const RECORD_OVERHEAD = 32;

/**
 * Turns a micro-batch's rows into kafkajs messages grouped by topic, in row order, cut into chunks of about
 * {@link CHUNK_BYTES} (so no record batch outgrows the broker's limit) and at most {@link CHUNK_RECORDS} records.
 * A topic appears once per chunk: kafkajs keeps only the last entry of a topic repeated within one send. Strings are UTF-8 encoded; binary values
 * are sent without copying.
 */
export function encodeRecords(batches: readonly ColumnBatch[], cols: KafkaWriteColumns, topicOption: string | undefined): TopicMessages[][] {
  const chunks: TopicMessages[][] = [];
  let current = new Map<string, Message[]>();
  let bytes = 0;
  let records = 0;
  const flush = (): void => {
    if (current.size === 0) return;
    chunks.push([...current].map(([topic, messages]) => ({ topic, messages })));
    current = new Map();
    bytes = 0;
    records = 0;
  };
  for (const b of batches) {
    const topicCol = cols.topic >= 0 ? b.column(cols.topic) : undefined;
    const keyCol = cols.key >= 0 ? b.column(cols.key) : undefined;
    const valueCol = b.column(cols.value);
    const headersCol = cols.headers >= 0 ? b.column(cols.headers) : undefined;
    const partitionCol = cols.partition >= 0 ? b.column(cols.partition) : undefined;
    for (let i = 0; i < b.numRows; i++) {
      const topic = topicOption ?? (topicCol === undefined ? null : (topicCol.values[i] as string | null | undefined) ?? null);
      if (topic === null) throw new Error('null topic present in the data. Use the topic option for setting a default topic.');
      const key = keyCol === undefined ? null : toBuffer(keyCol, i, cols.keyIsString);
      const value = toBuffer(valueCol, i, cols.valueIsString);
      const message: Message = { key, value };
      let size = RECORD_OVERHEAD + (key?.length ?? 0) + (value?.length ?? 0);
      if (partitionCol !== undefined && !isNullAt(partitionCol, i)) message.partition = partitionCol.values[i] as number;
      if (headersCol !== undefined) {
        const hs = headersCol.values[i] as readonly (readonly [string, Uint8Array | null])[] | null | undefined;
        if (hs !== null && hs !== undefined && hs.length > 0) {
          const headers: Record<string, Buffer[]> = {};
          for (const [k, v] of hs) {
            // kafkajs writes repeated keys from an array, in order.
            (headers[k] ??= []).push(v === null ? Buffer.alloc(0) : Buffer.from(v.buffer, v.byteOffset, v.byteLength));
            size += k.length + (v?.length ?? 0) + 8;
          }
          message.headers = headers;
        }
      }
      if ((bytes + size > CHUNK_BYTES && bytes > 0) || records === CHUNK_RECORDS) flush();
      let list = current.get(topic);
      if (list === undefined) current.set(topic, (list = []));
      list.push(message);
      bytes += size;
      records++;
    }
  }
  flush();
  return chunks;
}

function toBuffer(v: Vector, i: number, isString: boolean): Buffer | null {
  const x = v.values[i];
  if (x === null || x === undefined) return null;
  if (isString) return Buffer.from(x as string, 'utf8');
  const u = x as Uint8Array;
  return Buffer.from(u.buffer, u.byteOffset, u.byteLength);
}
