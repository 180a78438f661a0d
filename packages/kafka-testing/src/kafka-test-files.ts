/**
 * A test file needs the Kafka broker when its repo-relative path contains `kafka` (e.g.
 * packages/sources/test/kafka/broker.test.ts, examples/kafka-word-count/main.test.ts). The global setup
 * starts the broker only when such a file is in the run.
 */
export function isKafkaTestFile(repoRelativePath: string): boolean {
  return /kafka/i.test(repoRelativePath);
}
