import type { ColumnBatch } from '@caudal/core';

/**
 * Turns the rows of one part file into its bytes. The batch holds only the data columns (partition
 * columns are in the folder names, not in the files).
 */
export interface PartFileEncoder {
  /** What follows `.c000` in the file name: `.json`, `.csv`, `.txt`, `.snappy.parquet`. */
  readonly extension: string;
  encode(batch: ColumnBatch): Promise<Uint8Array>;
  /**
   * Formats whose file is its rows' text one after another (JSON Lines) also give the bytes of one file
   * holding the rows of several batches, piece by piece, so the sink writes them as they come instead of
   * concatenating the batches and the whole file in memory first.
   */
  encodeStream?(batches: readonly ColumnBatch[]): Iterable<Uint8Array>;
}
