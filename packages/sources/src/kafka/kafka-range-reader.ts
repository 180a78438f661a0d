import type { ColumnBatch, StructType } from '@caudal/core';
import type { Log } from '../common/log.ts';
import { reportDataLoss } from './data-loss.ts';
import type { FetchSizes, KafkaConnection } from './kafka-connection.ts';
import { KafkaRecordColumns } from './kafka-record-columns.ts';
import { errorText, isRetriable } from '@caudal/kafka-common';
import { sleep, untilStopped } from './kafka-retry.ts';
import type { FetchPartitionResponse, FetchedRecord } from './kafkajs-cluster.ts';
import { sortedKeys, tpKey } from './partition-offsets.ts';

/** Records [from, until) of one topic partition. */
export interface OffsetRange {
  readonly topic: string;
  readonly partition: number;
  readonly from: number;
  readonly until: number;
}

export interface RangeReadSettings {
  readonly schema: StructType;
  readonly includeHeaders: boolean;
  readonly readCommitted: boolean;
  readonly failOnDataLoss: boolean;
  /** How long a partition may make no progress (broker down, leader gone) before the read fails. */
  readonly pollTimeoutMs: number;
  readonly sizes: FetchSizes;
  readonly signal: AbortSignal;
  readonly log: Log;
}

interface PartitionState {
  readonly key: string;
  readonly topic: string;
  readonly partition: number;
  readonly until: number;
  next: number;
  lastProgressAt: number;
  readonly columns: KafkaRecordColumns;
}

/** Control record key of an abort marker: version 0, type 0 (ABORT). */
const ABORT_MARKER = Buffer.from([0, 0, 0, 0]);

/**
 * Reads exactly the records in each range, one ColumnBatch per partition (ordered by topic, then partition),
 * with repeated Fetch requests to the partition leaders. Deterministic: the same ranges give the same rows.
 * Transaction control records take an offset but give no row; with read_committed, records of aborted
 * transactions are skipped too. Records gone from Kafka (deleted, aged out, topic removed) go through
 * Spark's failOnDataLoss rule. Broker outages are waited out for up to `pollTimeoutMs` of no progress.
 */
export async function readRanges(conn: KafkaConnection, ranges: readonly OffsetRange[], s: RangeReadSettings): Promise<ColumnBatch[]> {
  const states = new Map<string, PartitionState>();
  const now = Date.now();
  for (const r of ranges) {
    if (r.until <= r.from) continue;
    const key = tpKey(r.topic, r.partition);
    states.set(key, {
      key, topic: r.topic, partition: r.partition, until: r.until, next: r.from, lastProgressAt: now,
      columns: new KafkaRecordColumns(s.schema, r.topic, r.partition, s.includeHeaders),
    });
  }
  let pause = 50;
  for (;;) {
    const pending = [...states.values()].filter((p) => p.next < p.until);
    if (pending.length === 0) break;
    if (s.signal.aborted) throw new Error('Kafka source stopped while reading records');
    try {
      const responses = await untilStopped(conn.fetch(pending.map((p) => ({ topic: p.topic, partition: p.partition, offset: p.next })), s.sizes), s.signal, 'reading records');
      pause = 50;
      const answered = new Set<string>();
      for (const t of responses) {
        for (const p of t.partitions) {
          const state = states.get(tpKey(t.topicName, p.partition));
          if (state === undefined) continue;
          answered.add(state.key);
          consume(state, p, s);
        }
      }
      // A partition no leader was found for: its topic may be gone, or metadata is stale.
      const unanswered = pending.filter((p) => !answered.has(p.key));
      if (unanswered.length > 0) {
        await conn.refresh();
        await dropDeletedPartitions(conn, unanswered, s);
      }
    } catch (e) {
      if (s.signal.aborted) throw new Error('Kafka source stopped while reading records', { cause: e });
      if ((e as { name?: unknown }).name === 'KafkaJSOffsetOutOfRange') {
        await skipUnavailable(conn, pending, s).catch((err: unknown) => {
          if (!isRetriable(err)) throw err;
        });
      } else {
        // Data loss and other failures end the read; a broker restarting or a leader moving is waited out.
        if (!isRetriable(e)) throw e;
        checkProgress(pending, s, e);
        await sleep(pause, s.signal);
        if (s.signal.aborted) throw new Error('Kafka source stopped while reading records', { cause: e });
        pause = Math.min(pause * 2, 1000);
        await untilStopped(conn.refresh(), s.signal, 'reading records').catch(() => undefined);
        await dropDeletedPartitions(conn, pending, s).catch((err: unknown) => {
          if (!isRetriable(err)) throw err;
        });
      }
    }
    checkProgress(pending, s, null);
  }
  return sortedKeys(states.keys()).map((k) => states.get(k)!.columns).filter((c) => c.numRows > 0).map((c) => c.build());
}

/** Takes the records of one fetch response that fall in the range; advances past control and aborted records. */
function consume(state: PartitionState, response: FetchPartitionResponse, s: RangeReadSettings): void {
  const aborted = s.readCommitted ? [...response.abortedTransactions].sort((a, b) => Number(a.firstOffset) - Number(b.firstOffset)) : [];
  const abortedProducers = new Set<string>();
  const before = state.next;
  for (const record of response.messages) {
    const offset = Number(record.offset);
    // A compressed record batch may start before the requested offset.
    if (offset < state.next) continue;
    if (offset >= state.until) {
      state.next = state.until;
      break;
    }
    while (aborted.length > 0 && offset >= Number(aborted[0]!.firstOffset)) abortedProducers.add(aborted.shift()!.producerId);
    state.next = offset + 1;
    if (record.isControlRecord) {
      if (isAbortMarker(record)) abortedProducers.delete(record.batchContext.producerId);
      continue;
    }
    if (abortedProducers.has(record.batchContext.producerId) && record.batchContext.inTransaction) continue;
    state.columns.add(record, offset);
  }
  if (state.next > before) {
    state.lastProgressAt = Date.now();
    return;
  }
  // Nothing returned and the log ends before the range does: the log was truncated under the query.
  const end = Number(s.readCommitted ? response.lastStableOffset : response.highWatermark);
  if (response.messages.length === 0 && end >= 0 && end <= state.next && state.next < state.until) {
    reportDataLoss(`Cannot fetch offset ${state.next} of ${state.key}: the latest offset is ${end}, some data may have been missed`, s.failOnDataLoss, s.log);
    state.next = state.until;
  }
}

function isAbortMarker(record: FetchedRecord): boolean {
  return record.key !== null && Buffer.compare(record.key, ABORT_MARKER) === 0;
}

/** After OFFSET_OUT_OF_RANGE: records below the log start were deleted or aged out (or the log was truncated). */
async function skipUnavailable(conn: KafkaConnection, pending: readonly PartitionState[], s: RangeReadSettings): Promise<void> {
  const keys = pending.map((p) => p.key);
  const earliest = await conn.listOffsets(keys, { kind: 'earliest' });
  const latest = await conn.listOffsets(keys, { kind: 'latest' });
  for (const p of pending) {
    const low = earliest.get(p.key);
    const high = latest.get(p.key);
    if (low !== undefined && p.next < low) {
      reportDataLoss(`Cannot fetch offset ${p.next} of ${p.key}: the earliest offset available is ${low}, so offsets ${p.next} to ${Math.min(low, p.until) - 1} are gone`, s.failOnDataLoss, s.log);
      p.next = Math.min(low, p.until);
      p.lastProgressAt = Date.now();
    } else if (high !== undefined && p.next > high) {
      reportDataLoss(`Cannot fetch offset ${p.next} of ${p.key}: the latest offset is ${high}, some data may have been missed`, s.failOnDataLoss, s.log);
      p.next = p.until;
    }
  }
}

async function dropDeletedPartitions(conn: KafkaConnection, pending: readonly PartitionState[], s: RangeReadSettings): Promise<void> {
  const existing = await conn.topicPartitions();
  const gone = pending.filter((p) => !(existing.get(p.topic) ?? []).includes(p.partition));
  if (gone.length === 0) return;
  reportDataLoss(`${gone.map((p) => p.key).join(', ')} ${gone.length === 1 ? 'is' : 'are'} gone. Some data may have been missed`, s.failOnDataLoss, s.log);
  for (const p of gone) p.next = p.until;
}

function checkProgress(pending: readonly PartitionState[], s: RangeReadSettings, cause: unknown): void {
  const now = Date.now();
  for (const p of pending) {
    if (p.next < p.until && now - p.lastProgressAt > s.pollTimeoutMs) {
      throw new Error(
        `Failed to get records for ${p.key} at offset ${p.next} (reading up to ${p.until}) after polling for ${s.pollTimeoutMs} ms` +
          (cause === null ? '' : `: ${errorText(cause)}`),
      );
    }
  }
}
