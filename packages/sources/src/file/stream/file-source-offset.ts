import { offsetJson, type Offset } from '@caudal/core';

/** Spark's `FileStreamSourceOffset`: the id of the last source-log batch included, `{"logOffset": n}`; -1 before any. */
export function fileSourceOffset(logOffset: number): Offset {
  return { logOffset };
}

/** Reads `{"logOffset": n}` back (a bare number, as older Spark checkpoints hold, is accepted too). */
export function logOffsetOf(o: Offset): number {
  const n = typeof o === 'number' ? o : o !== null && typeof o === 'object' && !Array.isArray(o) ? (o as { logOffset?: Offset }).logOffset : undefined;
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < -1) {
    throw new Error(`The file source's offset should be {"logOffset": <n>}, found ${offsetJson(o)}`);
  }
  return n;
}
