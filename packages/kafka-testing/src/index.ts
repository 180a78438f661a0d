export type { KafkaAvailability } from './kafka-availability.ts';
export { kafkaBroker, type KafkaBroker } from './kafka-broker.ts';
export { isKafkaTestFile } from './kafka-test-files.ts';
