import { OptionError, type Options } from '@caudal/core';
import { CompressionTypes, type KafkaConfig } from 'kafkajs';
import { kafkaClientConfig } from '@caudal/kafka-common';

/**
 * `writeStream.format('kafka').options({...})`; any other `kafka.*` key is a producer setting, as in Spark.
 *
 * @example
 * ```ts
 * import type { KafkaSinkOptions } from 'caudal';
 * const options: KafkaSinkOptions = {
 *   'kafka.bootstrap.servers': 'localhost:9092',
 *   topic: 'word-counts',
 *   checkpointLocation: '/tmp/checkpoints/word-counts',
 *   'caudal.exactlyOnce': true,
 * };
 * await counts.selectExpr('word AS key', 'CAST(count AS STRING) AS value')
 *   .writeStream.outputMode('update').format('kafka').options(options).start();
 * // PySpark: counts.selectExpr("word AS key", "CAST(count AS STRING) AS value").writeStream.format("kafka").option("topic", "word-counts")...
 * ```
 */
export type KafkaSinkOptions = {
  /** `host:port[,host:port...]`. Required. */
  'kafka.bootstrap.servers'?: string;
  /** The topic of every row; overrides a `topic` column. Required when there is no `topic` column. */
  topic?: string;
  /**
   * Beyond Spark: `true` writes each micro-batch in one Kafka transaction and never writes a batch twice, so
   * read_committed consumers see every row exactly once across crashes and restarts. Default false (at-least-once).
   */
  'caudal.exactlyOnce'?: boolean | string;
  /** Exactly-once only: the topic whose consumer-group offsets record committed batches. Default `caudal-sink-markers`. */
  'caudal.exactlyOnce.markerTopic'?: string;
  /** `all` (default), `1` or `0`. */
  'kafka.acks'?: string | number;
  /** `none` (default) or `gzip`. */
  'kafka.compression.type'?: string;
  /** Where the query keeps its progress (required for the Kafka sink). */
  checkpointLocation?: string;
} & { readonly [key: `kafka.${string}`]: string | number | boolean | undefined };

export interface KafkaSinkConfig {
  readonly client: KafkaConfig;
  readonly topic: string | undefined;
  readonly exactlyOnce: boolean;
  readonly markerTopic: string;
  /** Exactly-once: an explicit transactional id (`kafka.transactional.id`), else one derived from the query id. */
  readonly transactionalId: string | undefined;
  readonly acks: number;
  readonly compression: CompressionTypes;
  readonly idempotent: boolean;
  readonly transactionTimeoutMs: number;
  /** How long a batch may keep failing on retriable errors (broker down) before the query fails. */
  readonly deliveryTimeoutMs: number;
}

/** Validates the sink options (Spark's KafkaSourceProvider.kafkaParamsForProducer checks first). No I/O. */
export function parseKafkaSinkOptions(options: Options): KafkaSinkConfig {
  if (options.has('kafka.key.serializer')) {
    throw new OptionError("Kafka option 'key.serializer' is not supported as keys are serialized with ByteArraySerializer.");
  }
  if (options.has('kafka.value.serializer')) {
    throw new OptionError("Kafka option 'value.serializer' is not supported as value are serialized with ByteArraySerializer.");
  }
  if (options.has('kafka.partitioner.class')) {
    throw new OptionError("Kafka option 'partitioner.class' is not supported by the Node Kafka client; set a 'partition' column to choose partitions");
  }
  const client = kafkaClientConfig(options, 'producer', 'caudal-kafka-sink');
  const topic = options.get('topic')?.trim();
  const exactlyOnce = options.getBoolean('caudal.exactlyOnce', false);
  const idempotent = options.getBoolean('kafka.enable.idempotence', true);
  if (exactlyOnce && !idempotent) {
    throw new OptionError("Option 'caudal.exactlyOnce' needs the idempotent producer: remove 'kafka.enable.idempotence' = false");
  }
  const acks = parseAcks(options.get('kafka.acks'));
  if ((exactlyOnce || idempotent) && acks !== -1 && options.has('kafka.acks')) {
    throw new OptionError(`Option 'kafka.acks' must be 'all' for an idempotent or exactly-once Kafka sink, got '${options.get('kafka.acks')}'`);
  }
  const markerTopic = (options.get('caudal.exactlyOnce.markerTopic') ?? 'caudal-sink-markers').trim();
  if (!/^[a-zA-Z0-9._-]{1,249}$/.test(markerTopic)) {
    throw new OptionError(`Invalid topic name '${markerTopic}' for option 'caudal.exactlyOnce.markerTopic'`);
  }
  return {
    client,
    topic: topic === '' ? undefined : topic,
    exactlyOnce,
    markerTopic,
    transactionalId: options.get('kafka.transactional.id'),
    acks: (exactlyOnce || idempotent) ? -1 : acks,
    compression: parseCompression(options.get('kafka.compression.type')),
    idempotent: exactlyOnce || idempotent,
    transactionTimeoutMs: options.getInt('kafka.transaction.timeout.ms', 60_000, 1),
    deliveryTimeoutMs: options.getInt('kafka.delivery.timeout.ms', 120_000, 1),
  };
}

function parseAcks(v: string | undefined): number {
  if (v === undefined) return -1;
  const l = v.trim().toLowerCase();
  if (l === 'all' || l === '-1') return -1;
  if (l === '1') return 1;
  if (l === '0') return 0;
  throw new OptionError(`Invalid value '${v}' for option 'kafka.acks', must be 'all', '-1', '1' or '0'`);
}

function parseCompression(v: string | undefined): CompressionTypes {
  const l = (v ?? 'none').trim().toLowerCase();
  if (l === 'none') return CompressionTypes.None;
  if (l === 'gzip') return CompressionTypes.GZIP;
  throw new OptionError(`Unsupported value '${v}' for option 'kafka.compression.type': the Node Kafka client has 'none' and 'gzip' built in`);
}
