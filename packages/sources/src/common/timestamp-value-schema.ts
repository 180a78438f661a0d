import { LONG, StructType, TIMESTAMP, field } from '@caudal/core';

/**
 * `timestamp: timestamp, value: long`, the schema of `rate` and `rate-micro-batch`. Both fields are nullable,
 * as Spark declares them (`StructField` defaults to nullable), so `printSchema()` matches Spark's output.
 */
export const TIMESTAMP_VALUE_SCHEMA = new StructType([field('timestamp', TIMESTAMP, true), field('value', LONG, true)]);
