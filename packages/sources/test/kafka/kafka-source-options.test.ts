import { afterAll, describe, expect, it } from 'vitest';
import { Session } from 'caudal';

// Bad options fail when the DataFrame is defined (load()), before any query starts or any broker is contacted,
// with Spark's messages.

const session = Session.builder().create();
afterAll(() => session.stop());
const BOOTSTRAP = { 'kafka.bootstrap.servers': '127.0.0.1:9' };

function streamLoadError(options: Record<string, string | number | boolean>): string {
  try {
    session.readStream.format('kafka').options(options).load();
  } catch (e) {
    return (e as Error).message;
  }
  return 'no error';
}

function batchLoadError(options: Record<string, string | number | boolean>): string {
  try {
    session.read.format('kafka').options(options).load();
  } catch (e) {
    return (e as Error).message;
  }
  return 'no error';
}

describe('Kafka source options, checked at load()', () => {
  it('needs exactly one of subscribe, subscribePattern, assign', () => {
    expect(streamLoadError({ ...BOOTSTRAP })).toBe(
      'One of the following options must be specified for Kafka source: subscribe, subscribepattern, assign. See the docs for more details.',
    );
    expect(streamLoadError({ ...BOOTSTRAP, subscribe: 't', assign: '{"t":[0]}' })).toBe(
      'Only one of the following options can be specified for Kafka source: subscribe, subscribepattern, assign. See the docs for more details.',
    );
    expect(streamLoadError({ ...BOOTSTRAP, subscribe: ' , ' })).toBe("No topics to subscribe to as specified value for option 'subscribe' is ' , '");
    expect(streamLoadError({ ...BOOTSTRAP, subscribePattern: '  ' })).toBe("Pattern to subscribe is empty as specified value for option 'subscribePattern' is '  '");
    expect(streamLoadError({ ...BOOTSTRAP, assign: 't' })).toBe("No topicpartitions to assign as specified value for option 'assign' is 't'");
    expect(streamLoadError({ ...BOOTSTRAP, assign: '{"t":0}' })).toBe('Expected e.g. {"topicA":[0,1],"topicB":[0,1]}, got {"t":0}');
    expect(streamLoadError({ ...BOOTSTRAP, subscribePattern: 'a(' })).toMatch(/^Invalid regular expression 'a\(' for option 'subscribePattern'/);
  });

  it('needs kafka.bootstrap.servers', () => {
    expect(streamLoadError({ subscribe: 't' })).toBe("Option 'kafka.bootstrap.servers' must be specified for configuring Kafka consumer");
  });

  it('rejects the consumer settings Spark rejects', () => {
    expect(streamLoadError({ ...BOOTSTRAP, subscribe: 't', 'kafka.auto.offset.reset': 'earliest' })).toMatch(
      /^Kafka option 'auto.offset.reset' is not supported. Instead set the source option 'startingOffsets' to 'earliest' or 'latest'/,
    );
    expect(streamLoadError({ ...BOOTSTRAP, subscribe: 't', 'kafka.key.deserializer': 'x' })).toBe(
      "Kafka option 'key.deserializer' is not supported as keys are deserialized as byte arrays with ByteArrayDeserializer. Use DataFrame operations to explicitly deserialize the keys.",
    );
    expect(streamLoadError({ ...BOOTSTRAP, subscribe: 't', 'kafka.value.deserializer': 'x' })).toBe(
      "Kafka option 'value.deserializer' is not supported as values are deserialized as byte arrays with ByteArrayDeserializer. Use DataFrame operations to explicitly deserialize the values.",
    );
    expect(streamLoadError({ ...BOOTSTRAP, subscribe: 't', 'kafka.enable.auto.commit': 'true' })).toBe("Kafka option 'enable.auto.commit' is not supported");
    expect(streamLoadError({ ...BOOTSTRAP, subscribe: 't', 'kafka.interceptor.classes': 'x' })).toBe("Kafka option 'interceptor.classes' is not supported");
  });

  it('checks offsets, limits and flags', () => {
    expect(streamLoadError({ ...BOOTSTRAP, subscribe: 't', endingOffsets: 'latest' })).toBe('ending offset not valid in streaming queries');
    expect(streamLoadError({ ...BOOTSTRAP, subscribe: 't', startingOffsets: 'oldest' })).toBe(
      'Expected e.g. {"topicA":{"0":23,"1":-1},"topicB":{"0":-2}}, got oldest',
    );
    expect(streamLoadError({ ...BOOTSTRAP, subscribe: 't', startingTimestamp: 'yesterday' })).toBe('Expected a single long value, got yesterday');
    expect(streamLoadError({ ...BOOTSTRAP, subscribe: 't', maxOffsetsPerTrigger: 0 })).toBe("Invalid value '0' for option 'maxOffsetsPerTrigger', must be a positive integer");
    expect(streamLoadError({ ...BOOTSTRAP, subscribe: 't', maxOffsetsPerTrigger: 5, minOffsetsPerTrigger: 10 })).toBe(
      'The value of minOffsetPerTrigger(10) is higher than the maxOffsetsPerTrigger(5).',
    );
    expect(streamLoadError({ ...BOOTSTRAP, subscribe: 't', maxTriggerDelay: 'soon' })).toMatch(/^Invalid value 'soon' for option 'maxTriggerDelay'\. Time must be specified/);
    expect(streamLoadError({ ...BOOTSTRAP, subscribe: 't', failOnDataLoss: 'maybe' })).toBe("Invalid value 'maybe' for option 'failOnDataLoss', must be 'true' or 'false'");
    expect(streamLoadError({ ...BOOTSTRAP, subscribe: 't', 'kafka.isolation.level': 'dirty' })).toBe(
      "Invalid value 'dirty' for option 'kafka.isolation.level', must be 'read_uncommitted' or 'read_committed'",
    );
    expect(streamLoadError({ ...BOOTSTRAP, subscribe: 't', 'kafka.security.protocol': 'SASL_SSL', 'kafka.sasl.mechanism': 'GSSAPI' })).toBe(
      "Unsupported value 'GSSAPI' for option 'kafka.sasl.mechanism': the Node Kafka client supports PLAIN, SCRAM-SHA-256 and SCRAM-SHA-512",
    );
  });

  it('checks a static read\'s offset range', () => {
    expect(batchLoadError({ ...BOOTSTRAP, subscribe: 't', startingOffsets: 'latest' })).toBe("starting offset can't be latest for batch queries on Kafka");
    expect(batchLoadError({ ...BOOTSTRAP, subscribe: 't', endingOffsets: 'earliest' })).toBe("ending offset can't be earliest for batch queries on Kafka");
    expect(batchLoadError({ ...BOOTSTRAP, subscribe: 't', endingOffsets: '{"t":{"0":-2}}' })).toBe("ending offset for t-0 can't be earliest for batch queries on Kafka");
    expect(batchLoadError({ ...BOOTSTRAP, subscribe: 't', startingOffsets: '{"t":{"0":-1}}' })).toBe("startingOffsets for t-0 can't be latest for batch queries on Kafka");
  });

  it('gives Spark\'s fixed schema, with headers only when asked', () => {
    const plain = session.readStream.format('kafka').options({ ...BOOTSTRAP, subscribe: 't' }).load();
    expect(plain.schema.treeString()).toBe(
      'root\n |-- key: binary (nullable = true)\n |-- value: binary (nullable = true)\n |-- topic: string (nullable = true)\n' +
        ' |-- partition: integer (nullable = true)\n |-- offset: long (nullable = true)\n |-- timestamp: timestamp (nullable = true)\n' +
        ' |-- timestampType: integer (nullable = true)\n',
    );
    const withHeaders = session.readStream.format('kafka').options({ ...BOOTSTRAP, subscribe: 't', includeHeaders: true }).load();
    expect(withHeaders.schema.simpleString()).toBe(
      'struct<key:binary,value:binary,topic:string,partition:int,offset:bigint,timestamp:timestamp,timestampType:int,headers:array<struct<key:string,value:binary>>>',
    );
    expect(() => session.readStream.format('kafka').schema('a INT').options({ ...BOOTSTRAP, subscribe: 't' }).load()).toThrow(
      'Kafka source has a fixed schema and cannot be set with a custom one',
    );
  });
});
