import type { SourceProvider } from '@caudal/core';
import { rejectUserSchema } from '../common/reject-user-schema.ts';
import { TIMESTAMP_VALUE_SCHEMA } from '../common/timestamp-value-schema.ts';
import { parseRateOptions } from './rate-options.ts';
import { RateSource } from './rate-source.ts';

/** `readStream.format('rate')`. Streaming only, as in Spark. */
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
