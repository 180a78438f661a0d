import type { BatchSource, ColumnBatch, Options, SourceProvider, StructType } from '@caudal/core';
import type { InputFile } from '../listing/list-files.ts';
import type { FileReader } from '../stream/file-reader.ts';
import { fileStreamProvider } from '../stream/file-stream-provider.ts';
import { listBatchFiles } from '../stream/list-source-files.ts';
import { parquetReader } from './parquet-reader.ts';

/**
 * `read.parquet(path)` / `readStream.parquet(path)`. A batch read of a file sink's output folder reads only
 * the files its manifest (`_caudal_metadata`) has committed, as Spark does with `_spark_metadata`.
 *
 * @example
 * ```ts
 * import { Session, registerSource } from '@caudal/core';
 * import { parquetProvider } from '@caudal/sources';
 * registerSource(parquetProvider);
 * const events = Session.builder().getOrCreate().read.parquet('data/events');
 * ```
 */
export const parquetProvider: SourceProvider = {
  format: 'parquet',
  batchSchema(options, userSchema) {
    const reader = parquetReader(options);
    const files = batchFiles(reader);
    return userSchema !== undefined ? reader.userSchema(userSchema) : reader.inferSchema(files);
  },
  createBatchSource(options: Options, schema: StructType): BatchSource {
    const reader = parquetReader(options);
    return {
      schema,
      async read(): Promise<ColumnBatch[]> {
        const out: ColumnBatch[] = [];
        for (const f of batchFiles(reader)) out.push(...(await reader.read(f.path, schema)).batches);
        return out;
      },
    };
  },
  ...fileStreamProvider(parquetReader),
};

/** The committed files of a file sink's output, else the listing. */
function batchFiles(reader: FileReader): InputFile[] {
  const { path, listing } = reader.common;
  return path === undefined ? [] : listBatchFiles(path, listing);
}
