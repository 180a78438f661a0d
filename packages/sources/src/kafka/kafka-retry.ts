import type { Log } from '../common/log.ts';
import { errorText, isRetriable } from './kafka-errors.ts';

export interface RetryPolicy {
  /** How long an operation may keep failing with retriable errors (Spark's kafkaConsumer.pollTimeoutMs). */
  readonly timeoutMs: number;
  readonly signal: AbortSignal;
  readonly log: Log;
}

/**
 * Runs `op` until it succeeds, retrying retriable errors with a growing pause (100 ms doubling to 1 s) for up to
 * `timeoutMs`; then fails, naming what was attempted. Stopping the source aborts the wait.
 */
export async function withRetries<T>(what: string, policy: RetryPolicy, op: () => Promise<T>): Promise<T> {
  const startedAt = Date.now();
  let pause = 100;
  let warned = false;
  for (;;) {
    try {
      const result = await op();
      if (warned) policy.log(`Kafka source: ${what} succeeded again after ${Date.now() - startedAt} ms`);
      return result;
    } catch (e) {
      if (policy.signal.aborted) throw new Error(`Kafka source stopped while ${what}`);
      if (!isRetriable(e)) throw e;
      const elapsed = Date.now() - startedAt;
      if (elapsed >= policy.timeoutMs) {
        throw new Error(`Kafka source: ${what} kept failing for ${elapsed} ms (kafkaConsumer.pollTimeoutMs=${policy.timeoutMs}): ${errorText(e)}`, { cause: e });
      }
      if (!warned) {
        warned = true;
        policy.log(`WARN Kafka source: ${what} failed (${errorText(e)}); retrying for up to ${policy.timeoutMs} ms`);
      }
      await sleep(Math.min(pause, policy.timeoutMs - elapsed), policy.signal);
      pause = Math.min(pause * 2, 1000);
    }
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}
