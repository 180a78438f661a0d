/**
 * Column names from a header record (Spark's CSVUtils.makeSafeHeader, case-insensitive): an empty name,
 * or one equal to `nullValue`, becomes `_c<index>`; names that repeat (ignoring case) get their index
 * appended. Without a header the columns are `_c0`, `_c1`, ...
 */
export function columnNames(first: readonly (string | null)[], header: boolean, nullValue: string): string[] {
  if (!header) return first.map((_, i) => `_c${i}`);
  const lower = first.map((n) => (n ?? '').toLowerCase());
  const counts = new Map<string, number>();
  for (const n of lower) counts.set(n, (counts.get(n) ?? 0) + 1);
  return first.map((name, i) => {
    if (name === null || name === '' || name === nullValue) return `_c${i}`;
    return counts.get(lower[i]!)! > 1 ? `${name}${i}` : name;
  });
}
