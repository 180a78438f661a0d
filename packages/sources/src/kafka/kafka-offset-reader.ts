import type { KafkaConnection } from './kafka-connection.ts';
import { sleep, withRetries, type RetryPolicy } from './kafka-retry.ts';
import { EARLIEST, LATEST, type KafkaStrategy, type OffsetRangeLimit } from './kafka-source-options.ts';
import { describeKeys, tpKey } from './partition-offsets.ts';

/**
 * Which partitions the strategy covers now and where they start or end (Spark's KafkaOffsetReaderAdmin).
 * Every call asks the cluster again, retrying retriable errors (a broker restarting) under the retry policy.
 */
export class KafkaOffsetReader {
  constructor(
    private readonly conn: KafkaConnection,
    private readonly strategy: KafkaStrategy,
    private readonly retry: RetryPolicy,
    /** Spark's fetchOffset.numRetries / fetchOffset.retryIntervalMs. */
    private readonly latestChecks: { readonly attempts: number; readonly intervalMs: number } = { attempts: 3, intervalMs: 1000 },
  ) {}

  /** Spark's ConsumerStrategy.toString, e.g. `Subscribe[topic]`. */
  describe(): string {
    const s = this.strategy;
    switch (s.kind) {
      case 'subscribe': return `Subscribe[${s.topics.join(', ')}]`;
      case 'subscribePattern': return `SubscribePattern[${s.text}]`;
      case 'assign': return `Assign[${s.partitions.map((p) => tpKey(p.topic, p.partition)).join(', ')}]`;
    }
  }

  /** The partitions (keys `topic-partition`) the strategy covers now: existing ones only. */
  async assignedPartitions(): Promise<string[]> {
    return withRetries('reading topic metadata', this.retry, () => this.assignedNow());
  }

  /**
   * Latest offsets of every partition assigned now (new ones included, deleted ones gone). Each attempt lists
   * the partitions again, so a topic deleted meanwhile drops out instead of failing every retry.
   */
  async fetchLatest(known?: ReadonlyMap<string, number>): Promise<Map<string, number>> {
    const fetch = (): Promise<Map<string, number>> =>
      withRetries('fetching the latest offsets', this.retry, async () => this.conn.listOffsets(await this.assignedNow(), { kind: 'latest' }));
    let latest = await fetch();
    // Spark's KAFKA-7703 guard: a broker that just restarted may report an end below what was already read;
    // ask again a few times before believing it (getBatch then reports the loss).
    for (let attempt = 1; known !== undefined && attempt < this.latestChecks.attempts; attempt++) {
      const behind = [...latest].filter(([k, off]) => off < (known.get(k) ?? -1));
      if (behind.length === 0) break;
      this.retry.log(`WARN Kafka source: latest offsets behind those already read (${behind.map(([k, o]) => `${k}: ${o} < ${known.get(k)}`).join(', ')}); fetching them again`);
      await sleep(this.latestChecks.intervalMs, this.retry.signal);
      latest = await fetch();
    }
    return latest;
  }

  /** Earliest offsets of those of `keys` that still exist. */
  async fetchEarliest(keys: readonly string[]): Promise<Map<string, number>> {
    if (keys.length === 0) return new Map();
    return withRetries('fetching the earliest offsets', this.retry, async () => {
      const existing = new Set(await this.assignedNow());
      return this.conn.listOffsets(keys.filter((k) => existing.has(k)), { kind: 'earliest' });
    });
  }

  private async assignedNow(): Promise<string[]> {
    const topics = await this.conn.topicPartitions();
    const s = this.strategy;
    const out: string[] = [];
    if (s.kind === 'assign') {
      for (const p of s.partitions) if ((topics.get(p.topic) ?? []).includes(p.partition)) out.push(tpKey(p.topic, p.partition));
      return out;
    }
    for (const [topic, partitions] of topics) {
      const wanted = s.kind === 'subscribe' ? s.topics.includes(topic) : s.pattern.test(topic);
      if (wanted) for (const p of partitions) out.push(tpKey(topic, p));
    }
    return out;
  }

  /** Resolves a startingOffsets/endingOffsets limit to real offsets for the partitions assigned now. */
  async resolve(limit: OffsetRangeLimit, optionName: string, isStarting: boolean): Promise<Map<string, number>> {
    const keys = await this.assignedPartitions();
    switch (limit.kind) {
      case 'earliest':
        return this.fetchEarliest(keys);
      case 'latest':
        return withRetries('fetching the latest offsets', this.retry, () => this.conn.listOffsets(keys, { kind: 'latest' }));
      case 'specific': {
        const specified = [...limit.offsets.keys()];
        const same = specified.length === keys.length && keys.every((k) => limit.offsets.has(k));
        if (!same) {
          throw new Error(
            `If ${optionName} contains specific offsets, you must specify all TopicPartitions. ` +
              `Use -1 for latest, -2 for earliest, if you don't care. Specified: ${describeKeys(specified)} Assigned: ${describeKeys(keys)}`,
          );
        }
        const earliest = await this.fetchEarliest(keys.filter((k) => limit.offsets.get(k) === EARLIEST));
        const latestKeys = keys.filter((k) => limit.offsets.get(k) === LATEST);
        const latest = latestKeys.length === 0 ? new Map<string, number>()
          : await withRetries('fetching the latest offsets', this.retry, () => this.conn.listOffsets(latestKeys, { kind: 'latest' }));
        return new Map(keys.map((k) => {
          const off = limit.offsets.get(k)!;
          return [k, off === EARLIEST ? earliest.get(k)! : off === LATEST ? latest.get(k)! : off];
        }));
      }
      case 'timestamp':
      case 'timestampPerPartition': {
        if (limit.kind === 'timestampPerPartition') {
          const specified = [...limit.timestamps.keys()];
          if (specified.length !== keys.length || !keys.every((k) => limit.timestamps.has(k))) {
            throw new Error(
              `If ${isStarting ? 'starting' : 'ending'}OffsetsByTimestamp contains specific offsets, you must specify all topics. ` +
                `Specified: ${describeKeys(specified)} Assigned: ${describeKeys(keys)}`,
            );
          }
        }
        const out = new Map<string, number>();
        let latest: Map<string, number> | undefined;
        for (const k of keys) {
          const ms = limit.kind === 'timestamp' ? limit.ms : limit.timestamps.get(k)!;
          const found = (await withRetries('looking up offsets by timestamp', this.retry, () => this.conn.listOffsets([k], { kind: 'timestamp', ms }))).get(k) ?? -1;
          if (found >= 0) {
            out.set(k, found);
            continue;
          }
          if (isStarting && limit.strategy === 'error') {
            throw new Error(`No offset matched from request of topic-partition ${k} and timestamp ${ms}.`);
          }
          latest ??= await withRetries('fetching the latest offsets', this.retry, () => this.conn.listOffsets(keys, { kind: 'latest' }));
          out.set(k, latest.get(k)!);
        }
        return out;
      }
    }
  }
}
