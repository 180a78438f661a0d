/** The folder name of a null (or empty) partition value, as in Hive and Spark. */
export const DEFAULT_PARTITION_NAME = '__HIVE_DEFAULT_PARTITION__';

// Spark's ExternalCatalogUtils.charToEscape, plus U+0000 (Spark leaves it, but no file system takes it).
const ESCAPED = new Set<number>([
  ...Array.from({ length: 0x20 }, (_, i) => i),
  ...'"#%\'*/:=?\\\u007f{[]^'.split('').map((c) => c.charCodeAt(0)),
]);

/**
 * Spark's `escapePathName`: control characters, DEL and the characters " # % ' * / : = ? \ { [ ] ^ become
 * `%XX` (upper-case hex), so a column name or value is always exactly one folder name: `a/b` → `a%2Fb`, `../../etc` → `..%2F..%2Fetc`.
 */
export function escapePathName(name: string): string {
  let out = '';
  let start = 0;
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c >= 128 || !ESCAPED.has(c)) continue;
    out += `${name.slice(start, i)}%${c.toString(16).toUpperCase().padStart(2, '0')}`;
    start = i + 1;
  }
  return start === 0 ? name : out + name.slice(start);
}
