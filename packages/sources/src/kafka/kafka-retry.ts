import type { Log } from '../common/log.ts';
import { errorText, isRetriable } from '@caudal/kafka-common';

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
      const result = await untilStopped(op(), policy.signal, what);
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

/**
 * `work`, or a rejection as soon as `signal` aborts: one kafkajs attempt against a dead broker can take its whole
 * connection/request timeout, and a stopping query must not wait for it (the attempt's outcome is then ignored).
 */
export function untilStopped<T>(work: Promise<T>, signal: AbortSignal, what: string): Promise<T> {
  const stopped = (): Error => new Error(`Kafka source stopped while ${what}`);
  if (signal.aborted) {
    work.catch(() => undefined);
    return Promise.reject(stopped());
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(stopped());
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (v) => { signal.removeEventListener('abort', onAbort); resolve(v); },
      (e: unknown) => { signal.removeEventListener('abort', onAbort); reject(e); },
    );
  });
}

/** Waits `ms`, or less if `signal` aborts first. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
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
