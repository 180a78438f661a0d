import { STRING, StructType, TIMESTAMP, field } from '@caudal/core';

/** `value: string`, plus `timestamp: timestamp` with includeTimestamp; nullable as Spark declares them. */
const REGULAR = new StructType([field('value', STRING, true)]);
const WITH_TIMESTAMP = new StructType([field('value', STRING, true), field('timestamp', TIMESTAMP, true)]);

export function socketSchema(includeTimestamp: boolean): StructType {
  return includeTimestamp ? WITH_TIMESTAMP : REGULAR;
}
