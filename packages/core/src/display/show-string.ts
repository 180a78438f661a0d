import type { StructType } from '../types/schema.ts';
import { formatCell } from './cell-format.ts';
import { displayWidth } from './display-width.ts';

/**
 * Spark's default `truncate` for `show()`: cells longer than 20 characters are cut.
 *
 * @example
 * ```ts
 * import { DEFAULT_TRUNCATE } from 'caudal';
 * await df.show(20, DEFAULT_TRUNCATE); // the same as df.show(): cells cut at 20 characters
 * // PySpark: df.show(20, truncate=True)
 * ```
 */
export const DEFAULT_TRUNCATE = 20;

/** Spark never makes a column narrower than this. */
const MIN_COLUMN_WIDTH = 3;

/**
 * The table `df.show()` and the console sink print, as Spark's `Dataset.showString` (non-vertical).
 * `rows` holds internal values of the first rows (at most `numRows` are shown); `totalRows` is how many
 * the result has, for the `only showing top N rows` footer. `truncate`: true = 20, false/0 = no cut;
 * with truncation cells are right-aligned, without it left-aligned. The result ends with a newline.
 *
 * @example
 * ```ts
 * import { LONG, STRING, StructType, showString } from 'caudal';
 * const schema = new StructType().add('word', STRING).add('count', LONG);
 * process.stdout.write(showString(schema, [['spark', 3], ['caudal', 1]], 2, 20, true, 'UTC'));
 * // +------+-----+
 * // |  word|count|
 * // +------+-----+
 * // | spark|    3|
 * // |caudal|    1|
 * // +------+-----+
 * ```
 */
export function showString(
  schema: StructType,
  rows: readonly (readonly unknown[])[],
  totalRows: number,
  numRows: number,
  truncate: number | boolean,
  timeZone: string,
): string {
  const limit = Math.max(0, Math.trunc(numRows));
  const cut = truncate === true ? DEFAULT_TRUNCATE : truncate === false ? 0 : Math.trunc(truncate);
  const shown = Math.min(limit, rows.length);

  // Header names are escaped but never truncated (Spark's getRows); cells are both.
  const header = schema.fields.map((f) => escapeMetaCharacters(f.name));
  const body: string[][] = [];
  for (let r = 0; r < shown; r++) {
    const row = rows[r]!;
    body.push(schema.fields.map((f, c) => truncateCell(escapeMetaCharacters(formatCell(f.dataType, row[c], timeZone)), cut)));
  }

  const widths = header.map((h) => Math.max(MIN_COLUMN_WIDTH, displayWidth(h)));
  for (const row of body) {
    for (let c = 0; c < row.length; c++) widths[c] = Math.max(widths[c]!, displayWidth(row[c]!));
  }

  const sep = `+${widths.map((w) => '-'.repeat(w)).join('+')}+\n`;
  const line = (cells: readonly string[]): string =>
    `|${cells.map((cell, c) => {
      const padding = ' '.repeat(widths[c]! - displayWidth(cell));
      return cut > 0 ? padding + cell : cell + padding;
    }).join('|')}|\n`;

  let out = sep + line(header) + sep;
  for (const row of body) out += line(row);
  out += sep;
  if (totalRows > limit) out += `only showing top ${limit} ${limit === 1 ? 'row' : 'rows'}\n`;
  return out;
}

/** Spark cuts by UTF-16 length; below 4 characters there is no room for an ellipsis. */
function truncateCell(s: string, truncate: number): string {
  if (truncate <= 0 || s.length <= truncate) return s;
  return truncate < 4 ? s.slice(0, truncate) : `${s.slice(0, truncate - 3)}...`;
}

/** Control characters would break the table's lines, so they print as escapes (Spark's SchemaUtils). */
const META = /[\n\r\t\f\b\u000B\u0007]/g;
const META_ESCAPES: Readonly<Record<string, string>> = {
  '\n': '\\n', '\r': '\\r', '\t': '\\t', '\f': '\\f', '\b': '\\b', '\u000B': '\\v', '\u0007': '\\a',
};

function escapeMetaCharacters(s: string): string {
  return s.replace(META, (ch) => META_ESCAPES[ch] ?? ch);
}
