import { offsetJson, type Offset } from '@caudal/core';

/** A Spark `LongOffset` read back from the engine (or a checkpoint): a whole number, at least `min`. */
export function longOffset(o: Offset, min: number, source: string): number {
  if (typeof o !== 'number' || !Number.isSafeInteger(o) || o < min) {
    throw new Error(`internal: ${source} expects an integer offset >= ${min}, got ${offsetJson(o)}`);
  }
  return o;
}
