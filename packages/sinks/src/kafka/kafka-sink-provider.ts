import type { Options, Sink, SinkContext, SinkProvider } from '@caudal/core';
import { ALL_OUTPUT_MODES } from '../shared/all-output-modes.ts';
import { ExactlyOnceKafkaSink } from './exactly-once-kafka-sink.ts';
import { KafkaSink } from './kafka-sink.ts';
import { parseKafkaSinkOptions } from './kafka-sink-options.ts';
import { kafkaWriteColumns } from './kafka-write-columns.ts';
import { queryIdOf } from './query-id.ts';

/**
 * `writeStream.format('kafka')`: append, update and complete modes; needs a checkpoint location, as in Spark.
 * Options and columns are checked here, when the query starts, before any data is read. `partitionBy` is ignored,
 * as Spark's Kafka sink ignores it (a `partition` column chooses partitions).
 *
 * @example
 * ```ts
 * await df.selectExpr('CAST(id AS STRING) AS key', 'to_json(struct(id, amount, country)) AS value')
 *   .writeStream.format('kafka')
 *   .option('kafka.bootstrap.servers', 'localhost:9092')
 *   .option('topic', 'orders-out')
 *   .option('checkpointLocation', '/tmp/checkpoints/orders-out')
 *   .start();
 * // PySpark: df.selectExpr("CAST(id AS STRING) AS key", "to_json(struct(id, amount, country)) AS value").writeStream.format("kafka")...
 * ```
 */
export class KafkaSinkProvider implements SinkProvider {
  readonly format = 'kafka';
  readonly supportedOutputModes = ALL_OUTPUT_MODES;
  readonly requiresCheckpointLocation = true;

  createSink(options: Options, ctx: SinkContext): Sink {
    const config = parseKafkaSinkOptions(options);
    const columns = kafkaWriteColumns(ctx.schema, config.topic);
    if (config.exactlyOnce) return new ExactlyOnceKafkaSink(config, columns, queryIdOf(ctx.checkpointDir), ctx.checkpointDir);
    return new KafkaSink(config, columns);
  }
}
