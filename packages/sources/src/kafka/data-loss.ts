import type { Log } from '../common/log.ts';

/** Spark's KafkaSourceProvider.INSTRUCTION_FOR_FAIL_ON_DATA_LOSS_TRUE / _FALSE, on one line. */
const WHY =
  'Some data may have been lost because they are not available in Kafka any more; either the data was aged out by Kafka ' +
  'or the topic may have been deleted before all the data in the topic was processed.';
const HOW_TO_CONTINUE = `${WHY} If you don't want your streaming query to fail on such cases, set the source option "failOnDataLoss" to "false".`;
const HOW_TO_FAIL = `${WHY} If you want your streaming query to fail on such cases, set the source option "failOnDataLoss" to "true".`;

/** Raised when records the query should read are gone and `failOnDataLoss` is true. */
export class KafkaDataLossError extends Error {
  override readonly name = 'KafkaDataLossError';
}

/**
 * Spark's reportDataLoss: with `failOnDataLoss` (the default) the query fails, saying what is gone and how to
 * continue past it; without, a warning is logged and the caller skips ahead.
 */
export function reportDataLoss(message: string, failOnDataLoss: boolean, log: Log): void {
  if (failOnDataLoss) throw new KafkaDataLossError(`${message}. ${HOW_TO_CONTINUE}`);
  log(`WARN Kafka source: ${message}. ${HOW_TO_FAIL}`);
}
