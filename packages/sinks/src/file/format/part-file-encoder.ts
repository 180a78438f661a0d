import type { ColumnBatch } from '@caudal/core';

/**
 * Turns the rows of one part file into its bytes. The batch holds only the data columns (partition
 * columns are in the folder names, not in the files).
 */
export interface PartFileEncoder {
  /** What follows `.c000` in the file name: `.json`, `.csv`, `.txt`, `.snappy.parquet`. */
  readonly extension: string;
  encode(batch: ColumnBatch): Promise<Uint8Array>;
}
