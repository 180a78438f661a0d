import type { SourceProvider } from '@caudal/core';
import { rejectUserSchema } from '../common/reject-user-schema.ts';
import { TIMESTAMP_VALUE_SCHEMA } from '../common/timestamp-value-schema.ts';
import { parseRateOptions } from './rate-options.ts';
import { RateSource } from './rate-source.ts';

/**
 * `readStream.format('rate')`. Streaming only, as in Spark.
 *
 * @example
 * ```ts
 * import { Options, Session, registerSource } from '@caudal/core';
 * import { rateProvider } from '@caudal/sources';
 * // With @caudal/core alone (no 'caudal' facade), register only the formats the program uses.
 * registerSource(rateProvider);
 * const spark = Session.builder().getOrCreate();
 * const rates = spark.readStream.format('rate').option('rowsPerSecond', 5).load();
 * rateProvider.streamSchema?.(new Options([['rowsPerSecond', 5]]), undefined)?.simpleString(); // 'struct<timestamp:timestamp,value:bigint>'
 * ```
 */
export const rateProvider: SourceProvider = {
  format: 'rate',
  streamSchema(options, userSchema) {
    rejectUserSchema('rate', userSchema);
    parseRateOptions(options);
    return TIMESTAMP_VALUE_SCHEMA;
  },
  createStreamSource(options, _schema, ctx) {
    return new RateSource(parseRateOptions(options), ctx);
  },
};
