/**
 * `session.conf`: settings by key (`spark.sql.session.timeZone`, `spark.sql.streaming.checkpointLocation`,
 * ...). Values are strings, as in Spark; `set` accepts numbers and booleans for convenience.
 *
 * @example
 * ```ts
 * spark.conf.set('spark.sql.session.timeZone', 'UTC');
 * spark.conf.set('spark.sql.shuffle.partitions', 1);
 * spark.conf.get('spark.sql.session.timeZone'); // 'UTC'
 * spark.conf.get('spark.sql.streaming.checkpointLocation', '/tmp/checkpoints'); // the fallback when unset
 * // PySpark: spark.conf.set("spark.sql.session.timeZone", "UTC"); spark.conf.get("spark.sql.session.timeZone")
 * ```
 */
export class RuntimeConfig {
  private readonly values = new Map<string, string>();

  constructor(initial: Iterable<readonly [string, string]> = []) {
    for (const [k, v] of initial) this.values.set(k, v);
  }

  /** Sets a setting (numbers and booleans are stored as strings). */
  set(key: string, value: string | number | boolean): void {
    this.values.set(key, String(value));
  }

  /** The setting's value, or `fallback` (undefined by default) when it is not set. */
  get(key: string): string | undefined;
  get(key: string, fallback: string): string;
  get(key: string, fallback?: string): string | undefined {
    return this.values.get(key) ?? fallback;
  }

  /** Removes a setting. */
  unset(key: string): void {
    this.values.delete(key);
  }

  /** Whether the setting may change at run time (`spark.sql.*` and `caudal.*`). */
  isModifiable(key: string): boolean {
    return key.startsWith('spark.sql.') || key.startsWith('caudal.');
  }

  /** Every setting, sorted by key. */
  getAll(): Record<string, string> {
    return Object.fromEntries([...this.values].sort(([a], [b]) => a.localeCompare(b)));
  }
}
