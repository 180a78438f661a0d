/**
 * Source and sink options: string values under case-insensitive keys, as in Spark. Typed getters fail
 * with a message that names the option, the bad value and what is expected.
 *
 * @example
 * ```ts
 * import type { OptionValue } from 'caudal';
 * const settings: Record<string, OptionValue> = { rowsPerSecond: 10, rampUpTime: '5s', header: true };
 * spark.readStream.format('rate').options(settings).load();
 * ```
 */
export type OptionValue = string | number | boolean;

/**
 * Immutable options of a source or sink: `with` returns a copy, keys are compared case-insensitively.
 *
 * @example
 * ```ts
 * import { Options } from 'caudal';
 * const options = new Options([['rowsPerSecond', 10], ['includeTimestamp', 'true']]);
 * options.getInt('ROWSPERSECOND', 1, 1); // 10 (keys are case-insensitive)
 * options.getBoolean('includeTimestamp', false); // true
 * options.with('numPartitions', 2).get('numPartitions'); // '2'
 * ```
 */
export class Options {
  private readonly map = new Map<string, { key: string; value: string }>();

  constructor(entries: Iterable<readonly [string, OptionValue]> = []) {
    for (const [k, v] of entries) this.map.set(k.toLowerCase(), { key: k, value: String(v) });
  }

  /** A copy with `key` set to `value` (as a string). */
  with(key: string, value: OptionValue): Options {
    const next = new Options(this.entries());
    next.map.set(key.toLowerCase(), { key, value: String(value) });
    return next;
  }

  /** Whether the option is set (case-insensitive key). */
  has(key: string): boolean {
    return this.map.has(key.toLowerCase());
  }

  /** The option's value as given, or undefined. */
  get(key: string): string | undefined {
    return this.map.get(key.toLowerCase())?.value;
  }

  /** Every option as `[key, value]`, keys spelled as they were given. */
  entries(): [string, string][] {
    return [...this.map.values()].map((e) => [e.key, e.value]);
  }

  /** Keys starting with a prefix (case-insensitive), with the prefix removed; e.g. `kafka.`. */
  withPrefix(prefix: string): Map<string, string> {
    const out = new Map<string, string>();
    const p = prefix.toLowerCase();
    for (const e of this.map.values()) if (e.key.toLowerCase().startsWith(p)) out.set(e.key.slice(prefix.length), e.value);
    return out;
  }

  /** The option's value, or `fallback` when it is not set. */
  getString(key: string, fallback: string): string {
    return this.get(key) ?? fallback;
  }

  /** `true`/`false` (case-insensitive), `fallback` when unset; any other value throws OptionError. */
  getBoolean(key: string, fallback: boolean): boolean {
    const v = this.get(key);
    if (v === undefined) return fallback;
    const l = v.trim().toLowerCase();
    if (l === 'true') return true;
    if (l === 'false') return false;
    throw new OptionError(`Invalid value '${v}' for option '${key}', must be 'true' or 'false'`);
  }

  /** An integer option; `min` gives the smallest allowed value (and the wording of the error). */
  getInt(key: string, fallback: number, min = Number.MIN_SAFE_INTEGER): number {
    const v = this.get(key);
    if (v === undefined) return fallback;
    const n = Number(v.trim());
    if (v.trim() === '' || !Number.isSafeInteger(n) || n < min) {
      const what = min === 1 ? 'a positive integer' : min === 0 ? 'a non-negative integer' : 'an integer';
      throw new OptionError(`Invalid value '${v}' for option '${key}', must be ${what}`);
    }
    return n;
  }

  /** An integer option, or undefined when unset; a bad value throws OptionError (see `getInt`). */
  getOptionalInt(key: string, min = Number.MIN_SAFE_INTEGER): number | undefined {
    return this.has(key) ? this.getInt(key, 0, min) : undefined;
  }

  /** Fails for any key not in `known`, naming the unknown key and the accepted ones. */
  rejectUnknown(known: readonly string[], where: string): void {
    const lower = new Set(known.map((k) => k.toLowerCase()));
    for (const e of this.map.values()) {
      if (!lower.has(e.key.toLowerCase())) {
        throw new OptionError(`Unknown option '${e.key}' for ${where}. Accepted options: ${known.join(', ')}`);
      }
    }
  }
}

/**
 * A bad or missing option: raised when a query is defined or started, before any data is read.
 *
 * @example
 * ```ts
 * import { OptionError } from 'caudal';
 * try {
 *   spark.readStream.format('rate').option('rowsPerSecond', -1).load();
 * } catch (e) {
 *   if (e instanceof OptionError) console.error(e.message); // names the option and what it must be
 * }
 * ```
 */
export class OptionError extends Error {
  /** Always `OptionError`. */
  override readonly name = 'OptionError';
}
