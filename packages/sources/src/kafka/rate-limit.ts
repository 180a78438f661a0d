/**
 * Spark's KafkaMicroBatchStream.rateLimit: at most `limit` offsets in all, split across partitions in proportion to
 * each one's backlog (`until - from`); a share below one offset is rounded up so small partitions are not starved,
 * larger shares are rounded down. `from` lacks partitions that are new since the last batch; their start is in
 * `newFrom` (their earliest offset).
 */
export function rateLimit(
  limit: number,
  from: ReadonlyMap<string, number>,
  until: ReadonlyMap<string, number>,
  newFrom: ReadonlyMap<string, number>,
): Map<string, number> {
  const sizes = new Map<string, number>();
  for (const [key, end] of until) {
    const begin = from.get(key) ?? newFrom.get(key);
    if (begin !== undefined && end - begin > 0) sizes.set(key, end - begin);
  }
  let total = 0;
  for (const size of sizes.values()) total += size;
  if (total < 1) return new Map(until);
  const out = new Map<string, number>();
  for (const [key, end] of until) {
    const size = sizes.get(key);
    if (size === undefined) {
      out.set(key, end);
      continue;
    }
    const begin = from.get(key) ?? newFrom.get(key)!;
    const prorate = limit * (size / total);
    const share = prorate < 1 ? Math.ceil(prorate) : Math.floor(prorate);
    out.set(key, Math.min(end, begin + share));
  }
  return out;
}
