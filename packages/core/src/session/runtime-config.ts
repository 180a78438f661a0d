/**
 * `session.conf`: settings by key (`spark.sql.session.timeZone`, `spark.sql.streaming.checkpointLocation`,
 * ...). Values are strings, as in Spark; `set` accepts numbers and booleans for convenience.
 */
export class RuntimeConfig {
  private readonly values = new Map<string, string>();

  constructor(initial: Iterable<readonly [string, string]> = []) {
    for (const [k, v] of initial) this.values.set(k, v);
  }

  set(key: string, value: string | number | boolean): void {
    this.values.set(key, String(value));
  }

  get(key: string): string | undefined;
  get(key: string, fallback: string): string;
  get(key: string, fallback?: string): string | undefined {
    return this.values.get(key) ?? fallback;
  }

  unset(key: string): void {
    this.values.delete(key);
  }

  isModifiable(key: string): boolean {
    return key.startsWith('spark.sql.') || key.startsWith('caudal.');
  }

  getAll(): Record<string, string> {
    return Object.fromEntries([...this.values].sort(([a], [b]) => a.localeCompare(b)));
  }
}
