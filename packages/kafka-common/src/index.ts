// What the Kafka source (@caudal/sources) and sink (@caudal/sinks) share: the mapping of `kafka.*`
// options to a kafkajs client configuration, and how kafkajs errors are classified and reported.
export { kafkaClientConfig, type KafkaClientRole } from './kafka-client-config.ts';
export { errorText, isRetriable } from './kafka-errors.ts';
