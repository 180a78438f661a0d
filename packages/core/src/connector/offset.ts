/**
 * A source position: any JSON value. Stored as text in `offsets/N`; compared by its JSON text.
 *
 * @example
 * ```ts
 * import type { Offset } from 'caudal';
 * // A Kafka-like source's position: next offset per partition.
 * const end: Offset = { events: { '0': 1042, '1': 998 } };
 * ```
 */
export type Offset = null | boolean | number | string | readonly Offset[] | { readonly [key: string]: Offset };

/**
 * The offset as the JSON text checkpoints and progress reports hold.
 *
 * @example
 * ```ts
 * import { offsetJson } from 'caudal';
 * offsetJson({ events: { '0': 1042 } }); // '{"events":{"0":1042}}'
 * ```
 */
export function offsetJson(o: Offset): string {
  return JSON.stringify(o);
}

/**
 * Whether two offsets have the same JSON text.
 *
 * @example
 * ```ts
 * import { sameOffset } from 'caudal';
 * sameOffset({ file: 3 }, { file: 3 }); // true
 * sameOffset(5, undefined); // false
 * ```
 */
export function sameOffset(a: Offset | undefined, b: Offset | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return offsetJson(a) === offsetJson(b);
}
