/**
 * The file formats the file sink writes (`writeStream.format(name)`).
 *
 * @example
 * ```ts
 * import type { FileFormatName } from 'caudal';
 * const format: FileFormatName = 'csv';
 * await df.select('id', 'amount').writeStream.format(format).option('path', 'out/orders').option('checkpointLocation', 'chk/orders').start();
 * ```
 */
export type FileFormatName = 'json' | 'csv' | 'text' | 'parquet';

export const FILE_FORMAT_NAMES: readonly FileFormatName[] = Object.freeze(['json', 'csv', 'text', 'parquet']);

/** How Spark names each format in its messages (`FileFormat.toString`). */
export function formatTitle(format: FileFormatName): string {
  switch (format) {
    case 'json': return 'JSON';
    case 'csv': return 'CSV';
    case 'text': return 'Text';
    case 'parquet': return 'Parquet';
  }
}
