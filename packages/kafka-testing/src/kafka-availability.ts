/**
 * What the vitest global setup found out about the Kafka broker, handed to test workers through
 * vitest's `provide`/`inject` under {@link KAFKA_CONTEXT_KEY}.
 */
export type KafkaAvailability =
  | {
      readonly status: 'ready';
      /** `host:port` of the broker's PLAINTEXT listener. */
      readonly bootstrap: string;
      /** `env`: CAUDAL_KAFKA_BOOTSTRAP named an existing broker; `started`: scripts/kafka.sh started one. */
      readonly origin: 'env' | 'started';
    }
  | {
      readonly status: 'unavailable';
      /** Why there is no broker, phrased for a person reading a test failure. */
      readonly reason: string;
      /** True only off CI when java/mvn are missing: the one case where Kafka tests are skipped. */
      readonly skip: boolean;
    };

export const KAFKA_CONTEXT_KEY = 'caudalKafka';

declare module 'vitest' {
  export interface ProvidedContext {
    caudalKafka: KafkaAvailability;
  }
}
