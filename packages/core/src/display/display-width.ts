/**
 * Display width in half-width cells, as Spark's `Utils.stringHalfWidth`: UTF-16 length plus one for each
 * full-width character. The ranges are Spark's own (Hangul Jamo, CJK, Hangul syllables, CJK compatibility,
 * vertical and small forms, full-width forms), so our tables line up exactly as Spark's do.
 */
const FULL_WIDTH = /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE10-\uFE19\uFE30-\uFE6F\uFF00-\uFF60\uFFE0-\uFFE6]/g;

/**
 * Terminal columns a string takes (wide East Asian characters count two), as Spark's `show()` pads.
 *
 * @example
 * ```ts
 * import { displayWidth } from 'caudal';
 * displayWidth('spark'); // 5
 * displayWidth('東京'); // 4: wide characters take two terminal columns
 * ```
 */
export function displayWidth(s: string): number {
  // Fast path: most cells are ASCII.
  if (/^[\x00-\u10FF]*$/.test(s)) return s.length;
  const wide = s.match(FULL_WIDTH);
  return s.length + (wide === null ? 0 : wide.length);
}
