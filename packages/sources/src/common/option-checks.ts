import { OptionError, type Options } from '@caudal/core';

/** How Spark words each range rule; the wording differs between sources, so it is kept per rule. */
export type RangeRule = 'must be positive' | 'must not be negative' | 'must be non-negative';

/**
 * An integer option, range-checked with Spark's own message:
 * `Invalid value '0'. The option 'rowsPerSecond' must be positive`.
 * Text that is not an integer fails in `Options.getInt` with a message naming the option.
 */
export function integerOption(options: Options, key: string, fallback: number, rule: RangeRule): number {
  const n = options.getInt(key, fallback);
  checkRange(key, n, rule);
  return n;
}

export function checkRange(key: string, n: number, rule: RangeRule): void {
  const ok = rule === 'must be positive' ? n > 0 : n >= 0;
  if (!ok) throw new OptionError(`Invalid value '${n}'. The option '${key}' ${rule}`);
}
