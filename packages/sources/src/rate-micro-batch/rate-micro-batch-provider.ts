import type { SourceProvider } from '@caudal/core';
import { rejectUserSchema } from '../common/reject-user-schema.ts';
import { TIMESTAMP_VALUE_SCHEMA } from '../common/timestamp-value-schema.ts';
import { parseRateMicroBatchOptions } from './rate-micro-batch-options.ts';
import { RateMicroBatchSource } from './rate-micro-batch-source.ts';

/**
 * `readStream.format('rate-micro-batch')`. Micro-batch streaming only, as in Spark.
 *
 * @example
 * ```ts
 * import { Session, registerSource } from '@caudal/core';
 * import { rateMicroBatchProvider } from '@caudal/sources';
 * registerSource(rateMicroBatchProvider);
 * const rows = Session.builder().getOrCreate().readStream.format('rate-micro-batch').option('rowsPerBatch', 100).load();
 * ```
 */
export const rateMicroBatchProvider: SourceProvider = {
  format: 'rate-micro-batch',
  streamSchema(options, userSchema) {
    rejectUserSchema('rate-micro-batch', userSchema);
    parseRateMicroBatchOptions(options);
    return TIMESTAMP_VALUE_SCHEMA;
  },
  createStreamSource(options) {
    return new RateMicroBatchSource(parseRateMicroBatchOptions(options));
  },
};
