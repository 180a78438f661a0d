import { tableToIPC, Table } from 'apache-arrow';
import { batchToArrow, type ColumnBatch } from '@caudal/core';
import type { PartFileEncoder } from '../format/part-file-encoder.ts';
import type { ParquetCodec } from './parquet-options.ts';

type ParquetWasm = typeof import('parquet-wasm');

let loading: Promise<ParquetWasm> | undefined;

/** parquet-wasm carries a 5 MB WebAssembly module: loaded on the first Parquet write, not on import. */
function parquetWasm(): Promise<ParquetWasm> {
  loading ??= import('parquet-wasm');
  return loading;
}

/**
 * Parquet through parquet-wasm (the Rust `parquet` crate, Arrow-native): the rows go over as an Arrow IPC
 * stream and come back as a complete Parquet file, one row group per file.
 */
export function parquetEncoder(codec: ParquetCodec): PartFileEncoder {
  return {
    extension: `${codec.extension}.parquet`,
    encode: async (batch: ColumnBatch) => {
      const pq = await parquetWasm();
      const ipc = tableToIPC(new Table([batchToArrow(batch)]), 'stream');
      const props = new pq.WriterPropertiesBuilder().setCompression(pq.Compression[codec.name]).build();
      return pq.writeParquet(pq.Table.fromIPCStream(ipc), props);
    },
  };
}
