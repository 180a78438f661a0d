/**
 * Spark's `SeenFilesMap`: the files already taken, by path (or by name with `fileNameOnly`), with their
 * modification times. A file is new when it is not in the map and not older than the last purge
 * threshold; `purge` forgets entries older than the newest seen timestamp minus `maxAgeMs`, so the map
 * stays bounded while a file that old can never be taken again.
 */
export class SeenFiles {
  private readonly map = new Map<string, number>();
  private latestTimestamp = 0;
  private lastPurgeTimestamp = 0;

  constructor(private readonly maxAgeMs: number) {}

  add(key: string, timestamp: number): void {
    this.map.set(key, timestamp);
    if (timestamp > this.latestTimestamp) this.latestTimestamp = timestamp;
  }

  isNew(key: string, timestamp: number): boolean {
    return timestamp >= this.lastPurgeTimestamp && !this.map.has(key);
  }

  /** Returns how many entries were forgotten. */
  purge(): number {
    this.lastPurgeTimestamp = this.latestTimestamp - this.maxAgeMs;
    let purged = 0;
    for (const [key, ts] of this.map) {
      if (ts < this.lastPurgeTimestamp) {
        this.map.delete(key);
        purged++;
      }
    }
    return purged;
  }

  get size(): number {
    return this.map.size;
  }
}
