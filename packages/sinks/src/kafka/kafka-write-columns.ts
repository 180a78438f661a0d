import { AnalysisError, BINARY, INT, STRING, arrayOf, field, sameType, simpleString, structOf, type DataType, type StructType } from '@caudal/core';

/** `array<struct<key:string,value:binary>>`, the Kafka headers column type. */
const HEADERS_TYPE: DataType = arrayOf(structOf([field('key', STRING), field('value', BINARY)]));

/** Positions of the columns the Kafka sink writes (-1: absent), checked against Spark's rules. */
export interface KafkaWriteColumns {
  readonly topic: number;
  readonly key: number;
  readonly keyIsString: boolean;
  readonly value: number;
  readonly valueIsString: boolean;
  readonly headers: number;
  readonly partition: number;
}

/**
 * Spark's KafkaWriter.validateQuery, in its order (topic, key, value, headers, partition) and with its messages,
 * raised when the query starts. A `topic` option overrides any `topic` column (whose type is then not checked).
 */
export function kafkaWriteColumns(schema: StructType, topicOption: string | undefined): KafkaWriteColumns {
  const find = (name: string): number => schema.fields.findIndex((f) => f.name === name);
  const check = (name: string, index: number, allowed: readonly DataType[]): void => {
    if (index < 0) return;
    const t = schema.fields[index]!.dataType;
    if (!allowed.some((a) => sameType(a, t))) {
      throw new AnalysisError(`${name} attribute unsupported type ${simpleString(t)}. ${name} must be a(n) ${allowed.map(simpleString).join(' or ')}`);
    }
  };
  let topic = -1;
  if (topicOption === undefined) {
    topic = find('topic');
    if (topic < 0) {
      throw new AnalysisError("topic option required when no 'topic' attribute is present. Use the topic option for setting a topic.");
    }
    check('topic', topic, [STRING]);
  }
  const key = find('key');
  check('key', key, [STRING, BINARY]);
  const value = find('value');
  if (value < 0) throw new AnalysisError("Required attribute 'value' not found");
  check('value', value, [STRING, BINARY]);
  const headers = find('headers');
  check('headers', headers, [HEADERS_TYPE]);
  const partition = find('partition');
  check('partition', partition, [INT]);
  return {
    topic,
    key,
    keyIsString: key >= 0 && schema.fields[key]!.dataType.kind === 'string',
    value,
    valueIsString: schema.fields[value]!.dataType.kind === 'string',
    headers,
    partition,
  };
}
