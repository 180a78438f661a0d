import { inject } from 'vitest';
import { KAFKA_CONTEXT_KEY, type KafkaAvailability } from './kafka-availability.ts';

/** The Kafka broker of this test run, as seen from a test file. */
export interface KafkaBroker {
  /**
   * True only off CI on a machine without java/mvn (and no CAUDAL_KAFKA_BOOTSTRAP): the one case
   * where Kafka tests are skipped (`describe.skipIf(broker.skipWithoutJavaOffCi)`). In CI a
   * missing broker makes {@link bootstrap} throw, so Kafka tests fail instead.
   */
  readonly skipWithoutJavaOffCi: boolean;
  /** `host:port` of the broker; throws an Error saying why when there is none. */
  bootstrap(): string;
}

/**
 * The broker provided by the global setup (packages/kafka-testing/src/global-setup.ts, registered in
 * vitest.config.ts). Call it at the top of a test file; call `bootstrap()` in `beforeAll` or a test.
 */
export function kafkaBroker(): KafkaBroker {
  const availability: KafkaAvailability | undefined = inject(KAFKA_CONTEXT_KEY);
  if (availability === undefined) {
    return unavailable('the Kafka global setup did not run (vitest.config.ts globalSetup)', false);
  }
  if (availability.status === 'ready') {
    const { bootstrap } = availability;
    return { skipWithoutJavaOffCi: false, bootstrap: () => bootstrap };
  }
  return unavailable(availability.reason, availability.skip);
}

function unavailable(reason: string, skip: boolean): KafkaBroker {
  return {
    skipWithoutJavaOffCi: skip,
    bootstrap: () => {
      throw new Error(`Kafka broker unavailable: ${reason}`);
    },
  };
}
