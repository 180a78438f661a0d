import { offsetJson, type Offset } from '@caudal/core';

/**
 * Spark's RatePerMicroBatchStreamOffset, stored as `{"offset":<rows so far>,"timestamp":<ms>}`: how many values
 * have been produced and the event time of the next batch. Keeping both (not a batch count) means a restart
 * with a different `rowsPerBatch` or `advanceMillisPerBatch` continues the values and event time seamlessly.
 */
export interface RateMicroBatchOffset {
  readonly offset: number;
  readonly timestamp: number;
}

export function toRateMicroBatchOffset(o: Offset): RateMicroBatchOffset {
  if (o !== null && typeof o === 'object' && !Array.isArray(o)) {
    const rec = o as { readonly [key: string]: Offset };
    const offset = rec['offset'];
    const timestamp = rec['timestamp'];
    if (isCount(offset) && isCount(timestamp)) return { offset, timestamp };
  }
  throw new Error(`internal: rate-micro-batch expects an offset {"offset":n,"timestamp":ms}, got ${offsetJson(o)}`);
}

function isCount(x: Offset | undefined): x is number {
  return typeof x === 'number' && Number.isSafeInteger(x) && x >= 0;
}
