import { BINARY, INT, LONG, STRING, StructType, TIMESTAMP, arrayOf, field, structOf, type DataType } from '@caudal/core';

/** `array<struct<key:string,value:binary>>`, Spark's KafkaRecordToRowConverter.headersType. */
export const HEADERS_TYPE: DataType = arrayOf(structOf([field('key', STRING), field('value', BINARY)]));

/** Spark's KafkaRecordToRowConverter.kafkaSchema; every field nullable, as Spark declares them. */
export function kafkaSchema(includeHeaders: boolean): StructType {
  const fields = [
    field('key', BINARY),
    field('value', BINARY),
    field('topic', STRING),
    field('partition', INT),
    field('offset', LONG),
    field('timestamp', TIMESTAMP),
    field('timestampType', INT),
  ];
  if (includeHeaders) fields.push(field('headers', HEADERS_TYPE));
  return new StructType(fields);
}
