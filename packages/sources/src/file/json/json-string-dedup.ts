/** V8's JSON.parse already makes one shared (internalized) string per distinct text up to this length. */
const SHARED_BY_PARSER = 10;
/** Lookups between checks of the hit rate. */
const WINDOW = 4096;
const MAX_ENTRIES = 16_384;

/**
 * Hands out one string per distinct text of a field (store names, cities, item names repeat), so the
 * copies JSON.parse made die young instead of living as long as the batch: fewer objects for the garbage
 * collector to move. Turns itself off for fields whose values seldom repeat.
 */
export class StringDedup {
  private readonly seen = new Map<string, string>();
  private on = true;
  private lookups = 0;
  private hits = 0;

  get(s: string): string {
    if (!this.on || s.length <= SHARED_BY_PARSER) return s;
    const known = this.seen.get(s);
    if (known !== undefined) this.hits++;
    else if (this.seen.size < MAX_ENTRIES) this.seen.set(s, s);
    if (++this.lookups === WINDOW) {
      if (this.hits * 2 < WINDOW) {
        this.on = false;
        this.seen.clear();
      }
      this.lookups = 0;
      this.hits = 0;
    }
    return known ?? s;
  }
}
