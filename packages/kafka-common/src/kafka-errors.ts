// Kept identical in packages/sources/src/kafka/ and packages/sinks/src/kafka/ (a test compares them):
// the two packages do not depend on each other, and core must not depend on kafkajs.
/**
 * kafkajs error names that mean "the broker is unreachable or busy right now", worth retrying. kafkajs marks
 * some of them non-retriable after its own few retries (a group coordinator still loading after a broker
 * restart), but waiting longer does help.
 */
const RETRIABLE_NAMES = new Set([
  'KafkaJSConnectionError', 'KafkaJSConnectionClosedError', 'KafkaJSRequestTimeoutError', 'KafkaJSBrokerNotFound',
  'KafkaJSMetadataNotLoaded', 'KafkaJSTopicMetadataNotLoaded', 'KafkaJSLockTimeout', 'KafkaJSNoBrokerAvailableError',
  'KafkaJSGroupCoordinatorNotFound',
]);
const RETRIABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND']);

interface ErrorLike {
  readonly name?: unknown;
  readonly code?: unknown;
  readonly retriable?: unknown;
  readonly originalError?: unknown;
  readonly cause?: unknown;
}

/** True for errors a broker restart or leader move produces: connection failures and kafkajs's retriable errors. */
export function isRetriable(e: unknown, depth = 0): boolean {
  if (e === null || typeof e !== 'object' || depth > 5) return false;
  const err = e as ErrorLike;
  if (typeof err.name === 'string' && RETRIABLE_NAMES.has(err.name)) return true;
  if (typeof err.code === 'string' && RETRIABLE_CODES.has(err.code)) return true;
  if (err.retriable === true) return true;
  return isRetriable(err.originalError, depth + 1) || isRetriable(err.cause, depth + 1);
}

export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
