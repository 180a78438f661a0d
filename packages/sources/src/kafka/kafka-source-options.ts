import { OptionError, type Options } from '@caudal/core';
import type { KafkaConfig } from 'kafkajs';
import { kafkaClientConfig } from '@caudal/kafka-common';
import { parsePartitionOffsetsJson, parseTpKey, tpKey, type TopicPartition } from './partition-offsets.ts';
import { timeStringAsMs } from './time-string-ms.ts';

/**
 * `readStream.format('kafka').options({...})` (and `read.format('kafka')`). A type alias so it stays
 * assignable to `GenericOptions`; any other `kafka.*` key is passed to the client as in Spark.
 *
 * @example
 * ```ts
 * import type { KafkaSourceOptions } from 'caudal';
 * const options: KafkaSourceOptions = {
 *   'kafka.bootstrap.servers': 'localhost:9092',
 *   subscribe: 'orders,payments',
 *   startingOffsets: 'earliest',
 *   maxOffsetsPerTrigger: 10_000,
 * };
 * const records = spark.readStream.format('kafka').options(options).load()
 *   .selectExpr('CAST(key AS STRING)', 'CAST(value AS STRING)', 'topic', 'timestamp');
 * // PySpark: spark.readStream.format("kafka").option("kafka.bootstrap.servers", "localhost:9092").option("subscribe", "orders,payments").load()
 * ```
 */
export type KafkaSourceOptions = {
  /** `host:port[,host:port...]`. Required. */
  'kafka.bootstrap.servers'?: string;
  /** Comma-separated topics. Exactly one of subscribe, subscribePattern, assign. */
  subscribe?: string;
  /** A regular expression over topic names (Java syntax; JavaScript RegExp here). */
  subscribePattern?: string;
  /** JSON `{"topicA":[0,1],"topicB":[2,4]}`. */
  assign?: string;
  /** `latest` (default for streams), `earliest` (default for static reads) or JSON `{"t":{"0":23,"1":-2}}`. */
  startingOffsets?: string;
  /** Milliseconds since the epoch: start at the first record whose timestamp is at or after it. */
  startingTimestamp?: string | number;
  /** JSON `{"t":{"0":1700000000000}}`: a start timestamp per partition. */
  startingOffsetsByTimestamp?: string;
  /** `error` (default) or `latest`: what a timestamp start does when no record is that late. */
  startingOffsetsByTimestampStrategy?: 'error' | 'latest';
  /** Static reads only: `latest` (default) or JSON with offsets (-1 = latest). */
  endingOffsets?: string;
  /** At most this many records per batch, split over partitions by their backlog (positive). */
  maxOffsetsPerTrigger?: number | string;
  /** Wait (up to `maxTriggerDelay`) until at least this many records are available (positive). */
  minOffsetsPerTrigger?: number | string;
  /** A time string (`15m` default, `30s`, `500ms`). */
  maxTriggerDelay?: string;
  /** Fail the query when records it should read are gone (deleted by retention); default true. */
  failOnDataLoss?: boolean | string;
  /** Add a `headers` column (array of key/value structs); default false. */
  includeHeaders?: boolean | string;
  /** How long a read may keep failing on a retriable error (broker down) before the query fails. Default 120000. */
  'kafkaConsumer.pollTimeoutMs'?: number | string;
  /** `read_uncommitted` (default, as Spark) or `read_committed`. */
  'kafka.isolation.level'?: 'read_uncommitted' | 'read_committed';
  /** How to reach the brokers (default `PLAINTEXT`). */
  'kafka.security.protocol'?: 'PLAINTEXT' | 'SSL' | 'SASL_PLAINTEXT' | 'SASL_SSL';
  /** The SASL mechanism, with a `SASL_*` protocol. */
  'kafka.sasl.mechanism'?: 'PLAIN' | 'SCRAM-SHA-256' | 'SCRAM-SHA-512';
  /** The credentials, in Java's JAAS form (`... required username="u" password="p";`). */
  'kafka.sasl.jaas.config'?: string;
} & { readonly [key: `kafka.${string}`]: string | number | boolean | undefined };

/** Which partitions the source reads (Spark's ConsumerStrategy). */
export type KafkaStrategy =
  | { readonly kind: 'subscribe'; readonly topics: readonly string[] }
  | { readonly kind: 'subscribePattern'; readonly pattern: RegExp; readonly text: string }
  | { readonly kind: 'assign'; readonly partitions: readonly TopicPartition[]; readonly text: string };

/** Where a read starts or ends (Spark's KafkaOffsetRangeLimit); specific offsets may hold -1/-2. */
export type OffsetRangeLimit =
  | { readonly kind: 'earliest' }
  | { readonly kind: 'latest' }
  | { readonly kind: 'specific'; readonly offsets: ReadonlyMap<string, number> }
  | { readonly kind: 'timestamp'; readonly ms: number; readonly strategy: 'error' | 'latest' }
  | { readonly kind: 'timestampPerPartition'; readonly timestamps: ReadonlyMap<string, number>; readonly strategy: 'error' | 'latest' };

export const LATEST = -1;
export const EARLIEST = -2;

export interface KafkaSourceConfig {
  readonly client: KafkaConfig;
  readonly strategy: KafkaStrategy;
  readonly starting: OffsetRangeLimit;
  /** Static reads only. */
  readonly ending: OffsetRangeLimit;
  readonly maxOffsetsPerTrigger: number | undefined;
  readonly minOffsetsPerTrigger: number | undefined;
  readonly maxTriggerDelayMs: number;
  readonly failOnDataLoss: boolean;
  readonly includeHeaders: boolean;
  readonly pollTimeoutMs: number;
  readonly readCommitted: boolean;
  /** fetchOffset.numRetries / fetchOffset.retryIntervalMs: re-asking for latest offsets found behind the query. */
  readonly latestChecks: { readonly attempts: number; readonly intervalMs: number };
}

const STRATEGY_KEYS = ['subscribe', 'subscribepattern', 'assign'];

/**
 * Validates the options in Spark's order and with Spark's messages (KafkaSourceProvider.validateStreamOptions /
 * validateBatchOptions), so a bad option fails at load() before any query starts. No I/O.
 */
export function parseKafkaSourceOptions(options: Options, mode: 'stream' | 'batch'): KafkaSourceConfig {
  if (mode === 'stream') {
    if (options.has('endingOffsets')) throw new OptionError('ending offset not valid in streaming queries');
    if (options.has('endingOffsetsByTimestamp') || options.has('endingTimestamp')) {
      throw new OptionError('ending timestamp not valid in streaming queries');
    }
  }
  // Spark checks a static read's offset limits first, a stream's after the general options.
  const limits = (): [OffsetRangeLimit, OffsetRangeLimit] => [
    offsetRangeLimit(options, 'startingTimestamp', 'startingOffsetsByTimestamp', 'startingOffsets', mode === 'stream' ? 'latest' : 'earliest'),
    offsetRangeLimit(options, 'endingTimestamp', 'endingOffsetsByTimestamp', 'endingOffsets', 'latest'),
  ];
  const batchLimits = mode === 'batch' ? limits() : undefined;
  if (batchLimits) checkBatchLimits(...batchLimits);
  const strategy = parseStrategy(options);
  if (options.has('minPartitions') && options.getInt('minPartitions', 1) <= 0) throw new OptionError('minPartitions must be positive');
  if (options.has('maxRecordsPerPartition') && options.getInt('maxRecordsPerPartition', 1) <= 0) {
    throw new OptionError('maxRecordsPerPartition must be positive');
  }
  rejectUnsupportedClientOptions(options);
  const client = kafkaClientConfig(options, 'consumer', 'caudal-kafka-source');
  const maxOffsetsPerTrigger = options.getOptionalInt('maxOffsetsPerTrigger', 1);
  const minOffsetsPerTrigger = options.getOptionalInt('minOffsetsPerTrigger', 1);
  if (maxOffsetsPerTrigger !== undefined && minOffsetsPerTrigger !== undefined && minOffsetsPerTrigger > maxOffsetsPerTrigger) {
    throw new OptionError(`The value of minOffsetPerTrigger(${minOffsetsPerTrigger}) is higher than the maxOffsetsPerTrigger(${maxOffsetsPerTrigger}).`);
  }
  const [starting, ending] = batchLimits ?? limits();
  return {
    client,
    strategy,
    starting,
    ending,
    maxOffsetsPerTrigger,
    minOffsetsPerTrigger,
    maxTriggerDelayMs: timeStringAsMs('maxTriggerDelay', options.get('maxTriggerDelay') ?? '15m'),
    failOnDataLoss: options.getBoolean('failOnDataLoss', true),
    includeHeaders: options.getBoolean('includeHeaders', false),
    pollTimeoutMs: options.getInt('kafkaConsumer.pollTimeoutMs', 120_000, 1),
    readCommitted: isolationLevel(options) === 'read_committed',
    latestChecks: {
      attempts: options.getInt('fetchOffset.numRetries', 3, 1),
      intervalMs: options.getInt('fetchOffset.retryIntervalMs', 1000, 0),
    },
  };
}

function parseStrategy(options: Options): KafkaStrategy {
  const given = STRATEGY_KEYS.filter((k) => options.has(k));
  if (given.length === 0) {
    throw new OptionError(`One of the following options must be specified for Kafka source: ${STRATEGY_KEYS.join(', ')}. See the docs for more details.`);
  }
  if (given.length > 1) {
    throw new OptionError(`Only one of the following options can be specified for Kafka source: ${STRATEGY_KEYS.join(', ')}. See the docs for more details.`);
  }
  const key = given[0]!;
  const value = options.get(key)!;
  if (key === 'assign') {
    if (!value.trim().startsWith('{')) {
      throw new OptionError(`No topicpartitions to assign as specified value for option 'assign' is '${value}'`);
    }
    return { kind: 'assign', partitions: parseAssign(value), text: value.trim() };
  }
  if (key === 'subscribe') {
    const topics = value.split(',').map((t) => t.trim()).filter((t) => t !== '');
    if (topics.length === 0) throw new OptionError(`No topics to subscribe to as specified value for option 'subscribe' is '${value}'`);
    return { kind: 'subscribe', topics };
  }
  const text = value.trim();
  if (text === '') throw new OptionError(`Pattern to subscribe is empty as specified value for option 'subscribePattern' is '${value}'`);
  let pattern: RegExp;
  try {
    // Java's Pattern.matcher(topic).matches(): the whole name must match.
    pattern = new RegExp(`^(?:${text})$`, 'u');
  } catch (e) {
    throw new OptionError(`Invalid regular expression '${text}' for option 'subscribePattern': ${e instanceof Error ? e.message : String(e)}`);
  }
  return { kind: 'subscribePattern', pattern, text };
}

/** Spark's JsonUtils.partitions: `{"topicA":[0,1],"topicB":[0,1]}`. */
function parseAssign(text: string): TopicPartition[] {
  const fail = (): never => {
    throw new OptionError(`Expected e.g. {"topicA":[0,1],"topicB":[0,1]}, got ${text}`);
  };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return fail();
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return fail();
  const out: TopicPartition[] = [];
  for (const [topic, parts] of Object.entries(parsed as Record<string, unknown>)) {
    if (!Array.isArray(parts)) return fail();
    for (const p of parts) {
      if (typeof p !== 'number' || !Number.isSafeInteger(p) || p < 0) return fail();
      out.push({ topic, partition: p });
    }
  }
  return out;
}

function offsetRangeLimit(options: Options, timestampKey: string, byTimestampKey: string, offsetsKey: string, fallback: 'earliest' | 'latest'): OffsetRangeLimit {
  const strategyText = options.get('startingOffsetsByTimestampStrategy');
  let strategy: 'error' | 'latest' = 'error';
  if (strategyText !== undefined) {
    const s = strategyText.trim().toLowerCase();
    if (s !== 'error' && s !== 'latest') {
      throw new OptionError(`Invalid value '${strategyText}' for option 'startingOffsetsByTimestampStrategy', must be 'error' or 'latest'`);
    }
    strategy = s;
  }
  const ts = options.get(timestampKey);
  if (ts !== undefined) {
    const t = ts.trim();
    if (!/^-?[0-9]+$/.test(t) || !Number.isSafeInteger(Number(t))) throw new OptionError(`Expected a single long value, got ${t}`);
    return { kind: 'timestamp', ms: Number(t), strategy };
  }
  const byTs = options.get(byTimestampKey);
  if (byTs !== undefined) {
    const timestamps = parsePartitionOffsetsJson(byTs.trim());
    if (timestamps === undefined) throw new OptionError(`Expected e.g. {"topicA": {"0": 123456789, "1": 123456789}, "topicB": {"0": 123456789, "1": 123456789}}, got ${byTs.trim()}`);
    return { kind: 'timestampPerPartition', timestamps, strategy };
  }
  const text = options.get(offsetsKey)?.trim();
  if (text === undefined) return { kind: fallback };
  if (text.toLowerCase() === 'latest') return { kind: 'latest' };
  if (text.toLowerCase() === 'earliest') return { kind: 'earliest' };
  const offsets = parsePartitionOffsetsJson(text);
  if (offsets === undefined) {
    throw new OptionError(`Expected e.g. {"topicA":{"0":23,"1":-1},"topicB":{"0":-2}}, got ${text}`);
  }
  for (const [key, off] of offsets) {
    if (off < EARLIEST) throw new OptionError(`Invalid offset ${off} for ${key} in option '${offsetsKey}': offsets are -2 (earliest), -1 (latest) or at least 0`);
  }
  return { kind: 'specific', offsets };
}

function checkBatchLimits(starting: OffsetRangeLimit, ending: OffsetRangeLimit): void {
  if (starting.kind === 'latest') throw new OptionError("starting offset can't be latest for batch queries on Kafka");
  if (starting.kind === 'specific') {
    for (const [key, off] of starting.offsets) {
      if (off === LATEST) throw new OptionError(`startingOffsets for ${key} can't be latest for batch queries on Kafka`);
    }
  }
  if (ending.kind === 'earliest') throw new OptionError("ending offset can't be earliest for batch queries on Kafka");
  if (ending.kind === 'specific') {
    for (const [key, off] of ending.offsets) {
      if (off === EARLIEST) throw new OptionError(`ending offset for ${key} can't be earliest for batch queries on Kafka`);
    }
  }
  if (starting.kind === 'specific' && ending.kind === 'specific') {
    const a = [...starting.offsets.keys()].sort();
    const b = [...ending.offsets.keys()].sort();
    if (a.join(',') !== b.join(',')) {
      throw new OptionError(`The topic partitions in startingOffsets (${a.join(', ')}) and endingOffsets (${b.join(', ')}) must be the same.`);
    }
    for (const [key, start] of starting.offsets) {
      const end = ending.offsets.get(key)!;
      if (start >= 0 && end >= 0 && start > end) {
        const { topic, partition } = parseTpKey(key);
        throw new OptionError(`The starting offset ${start} of ${tpKey(topic, partition)} is greater than its ending offset ${end}.`);
      }
    }
  }
}

/** Consumer settings Spark rejects because the source manages offsets and (de)serialization itself. */
function rejectUnsupportedClientOptions(options: Options): void {
  if (options.has('kafka.auto.offset.reset')) {
    throw new OptionError(
      "Kafka option 'auto.offset.reset' is not supported. Instead set the source option 'startingOffsets' to 'earliest' or 'latest' " +
        'to specify where to start. Structured Streaming manages which offsets are consumed internally, rather than relying on ' +
        'the kafkaConsumer to do it. This will ensure that no data is missed when new topics/partitions are dynamically ' +
        "subscribed. Note that 'startingOffsets' only applies when a new Streaming query is started, and that resuming will " +
        'always pick up from where the query left off. See the docs for more details.',
    );
  }
  if (options.has('kafka.key.deserializer')) {
    throw new OptionError(
      "Kafka option 'key.deserializer' is not supported as keys are deserialized as byte arrays with ByteArrayDeserializer. " +
        'Use DataFrame operations to explicitly deserialize the keys.',
    );
  }
  if (options.has('kafka.value.deserializer')) {
    throw new OptionError(
      "Kafka option 'value.deserializer' is not supported as values are deserialized as byte arrays with ByteArrayDeserializer. " +
        'Use DataFrame operations to explicitly deserialize the values.',
    );
  }
  for (const c of ['enable.auto.commit', 'interceptor.classes']) {
    if (options.has(`kafka.${c}`)) throw new OptionError(`Kafka option '${c}' is not supported`);
  }
}

function isolationLevel(options: Options): 'read_uncommitted' | 'read_committed' {
  const v = options.get('kafka.isolation.level');
  if (v === undefined) return 'read_uncommitted';
  const l = v.trim().toLowerCase();
  if (l === 'read_uncommitted' || l === 'read_committed') return l;
  throw new OptionError(`Invalid value '${v}' for option 'kafka.isolation.level', must be 'read_uncommitted' or 'read_committed'`);
}
