import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/*/test/**/*.test.ts', 'examples/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // Starts a Kafka broker (scripts/kafka.sh) when Kafka test files are in the run.
    globalSetup: ['packages/kafka-testing/src/global-setup.ts'],
  },
});
