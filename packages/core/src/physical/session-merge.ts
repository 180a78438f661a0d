/** One merged session of a group: its range and which of the group's rows it holds. */
export interface MergedSession {
  readonly start: number;
  readonly end: number;
  /** Positions of the session's rows, ascending (the order they arrived in). */
  readonly rows: number[];
}

/**
 * Merges the per-row session ranges `[start, end)` of one group (`ranges[i]` for each i in `rows`):
 * ranges that overlap or touch become one session `[min start, max end)`, as Spark's MergingSessions
 * does (a gap per row means a later row may end before an earlier one). Sessions come out by start.
 */
export function mergeSessions(ranges: readonly (readonly number[])[], rows: readonly number[]): MergedSession[] {
  const order = [...rows].sort((a, b) => ranges[a]![0]! - ranges[b]![0]! || a - b);
  const out: { start: number; end: number; rows: number[] }[] = [];
  let cur: { start: number; end: number; rows: number[] } | undefined;
  for (const r of order) {
    const [start, end] = ranges[r] as [number, number];
    if (cur !== undefined && start <= cur.end) {
      if (end > cur.end) cur.end = end;
      cur.rows.push(r);
    } else {
      cur = { start, end, rows: [r] };
      out.push(cur);
    }
  }
  for (const s of out) s.rows.sort((a, b) => a - b);
  return out;
}
