import { AnalysisError, type Options, type SourceProvider, type StructType } from '@caudal/core';
import { KafkaBatchSource } from './kafka-batch-source.ts';
import type { FetchSizes } from './kafka-connection.ts';
import { kafkaSchema } from './kafka-schema.ts';
import { parseKafkaSourceOptions } from './kafka-source-options.ts';
import { KafkaStreamSource } from './kafka-stream-source.ts';

/**
 * `readStream.format('kafka')` and `read.format('kafka')`: options are checked at load(), before any I/O.
 *
 * @example
 * ```ts
 * import { Session, registerSource } from '@caudal/core';
 * import { kafkaSourceProvider } from '@caudal/sources';
 * registerSource(kafkaSourceProvider);
 * const records = Session.builder().getOrCreate().readStream.format('kafka')
 *   .option('kafka.bootstrap.servers', 'localhost:9092').option('subscribe', 'orders').load();
 * ```
 */
export const kafkaSourceProvider: SourceProvider = {
  format: 'kafka',
  streamSchema(options, userSchema) {
    const config = parseKafkaSourceOptions(options, 'stream');
    rejectUserSchema(userSchema);
    return kafkaSchema(config.includeHeaders);
  },
  createStreamSource(options, schema, ctx) {
    return new KafkaStreamSource(parseKafkaSourceOptions(options, 'stream'), schema, ctx, fetchSizes(options));
  },
  batchSchema(options, userSchema) {
    const config = parseKafkaSourceOptions(options, 'batch');
    rejectUserSchema(userSchema);
    return kafkaSchema(config.includeHeaders);
  },
  createBatchSource(options, schema) {
    return new KafkaBatchSource(parseKafkaSourceOptions(options, 'batch'), schema, fetchSizes(options));
  },
};

/** The Java consumer's fetch settings and defaults: max.partition.fetch.bytes, fetch.max.bytes, fetch.max.wait.ms. */
function fetchSizes(options: Options): FetchSizes {
  return {
    maxPartitionBytes: options.getInt('kafka.max.partition.fetch.bytes', 1_048_576, 1),
    maxBytes: options.getInt('kafka.fetch.max.bytes', 52_428_800, 1),
    maxWaitMs: options.getInt('kafka.fetch.max.wait.ms', 500, 0),
  };
}

function rejectUserSchema(userSchema: StructType | undefined): void {
  if (userSchema !== undefined) throw new AnalysisError('Kafka source has a fixed schema and cannot be set with a custom one');
}
