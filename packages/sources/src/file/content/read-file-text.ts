import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';

const decoder = new TextDecoder('utf-8', { ignoreBOM: false });

/**
 * A file's text as UTF-8, without a leading byte-order mark (Hadoop's line reader skips it too).
 * Invalid byte sequences become U+FFFD, as Java's decoder does for Spark.
 */
export async function readFileText(path: string): Promise<string> {
  return decodeUtf8(await readFile(path));
}

/** The synchronous twin, for schema inference (which runs when a DataFrame is defined). */
export function readFileTextSync(path: string): string {
  return decodeUtf8(readFileSync(path));
}

export function decodeUtf8(bytes: Uint8Array): string {
  // TextDecoder drops a UTF-8 BOM unless ignoreBOM is set.
  return decoder.decode(bytes);
}
