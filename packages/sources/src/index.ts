// The public API of @caudal/sources: the built-in streaming sources `rate`, `rate-micro-batch` and `socket`,
// and the file sources `json`, `csv`, `text` and `parquet` (batch reads and streams).
import { registerSource } from '@caudal/core';
import type { CsvSourceOptions } from './file/csv/csv-options.ts';
import { csvProvider, jsonProvider, textProvider } from './file/file-provider.ts';
import type { JsonSourceOptions } from './file/json/json-options.ts';
import type { ParquetSourceOptions } from './file/parquet/parquet-options.ts';
import { parquetProvider } from './file/parquet/parquet-provider.ts';
import type { FileStreamSourceOptions } from './file/stream/file-stream-options.ts';
import { kafkaSourceProvider } from './kafka/kafka-source-provider.ts';
import type { KafkaSourceOptions } from './kafka/kafka-source-options.ts';
import type { TextSourceOptions } from './file/text/text-options.ts';
import type { RateMicroBatchSourceOptions } from './rate-micro-batch/rate-micro-batch-options.ts';
import { rateMicroBatchProvider } from './rate-micro-batch/rate-micro-batch-provider.ts';
import type { RateSourceOptions } from './rate/rate-options.ts';
import { rateProvider } from './rate/rate-provider.ts';
import type { SocketSourceOptions } from './socket/socket-options.ts';
import { socketProvider } from './socket/socket-provider.ts';

export type { RateSourceOptions } from './rate/rate-options.ts';
export type { RateMicroBatchSourceOptions } from './rate-micro-batch/rate-micro-batch-options.ts';
export type { SocketSourceOptions } from './socket/socket-options.ts';
export { rateProvider, rateMicroBatchProvider, socketProvider };
export type { JsonSourceOptions } from './file/json/json-options.ts';
export type { CsvSourceOptions } from './file/csv/csv-options.ts';
export type { TextSourceOptions } from './file/text/text-options.ts';
export type { ParquetSourceOptions } from './file/parquet/parquet-options.ts';
export type { FileStreamSourceOptions } from './file/stream/file-stream-options.ts';
export { jsonProvider, csvProvider, textProvider, parquetProvider };
export type { KafkaSourceOptions } from './kafka/kafka-source-options.ts';
export { kafkaSourceProvider };

// Typed `readStream.format(name).options({...})` for these formats.
declare module '@caudal/core' {
  interface SourceOptionsByFormat {
    /** Options of `readStream.format('rate')`. */
    rate: RateSourceOptions;
    /** Options of `readStream.format('rate-micro-batch')`. */
    'rate-micro-batch': RateMicroBatchSourceOptions;
    /** Options of `readStream.format('socket')`. */
    socket: SocketSourceOptions;
    /** Options of `readStream.format('json')`. */
    json: JsonSourceOptions & FileStreamSourceOptions;
    /** Options of `readStream.format('csv')`. */
    csv: CsvSourceOptions & FileStreamSourceOptions;
    /** Options of `readStream.format('text')`. */
    text: TextSourceOptions & FileStreamSourceOptions;
    /** Options of `readStream.format('parquet')`. */
    parquet: ParquetSourceOptions & FileStreamSourceOptions;
    /** Options of `readStream.format('kafka')`. */
    kafka: KafkaSourceOptions;
  }
}

/**
 * Registers `rate`, `rate-micro-batch`, `socket`, `json`, `csv`, `text`, `parquet` and `kafka` with the format registry (idempotent).
 *
 * @example
 * ```ts
 * import { Session } from '@caudal/core';
 * import { registerBuiltinSources } from '@caudal/sources';
 * registerBuiltinSources(); // what importing 'caudal' does for sources
 * const spark = Session.builder().getOrCreate();
 * const rates = spark.readStream.format('rate').load();
 * ```
 */
export function registerBuiltinSources(): void {
  registerSource(rateProvider);
  registerSource(rateMicroBatchProvider);
  registerSource(socketProvider);
  registerSource(jsonProvider);
  registerSource(csvProvider);
  registerSource(textProvider);
  registerSource(parquetProvider);
  registerSource(kafkaSourceProvider);
}
