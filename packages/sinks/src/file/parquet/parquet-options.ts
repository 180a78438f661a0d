import { OptionError, type Options } from '@caudal/core';

/** A Parquet codec as parquet-wasm names it, with the part of the file name Spark gives it. */
export interface ParquetCodec {
  readonly name: 'UNCOMPRESSED' | 'SNAPPY' | 'GZIP' | 'BROTLI' | 'LZ4' | 'ZSTD' | 'LZ4_RAW';
  /** `.snappy` in `part-00000-<uuid>.c000.snappy.parquet`; empty when uncompressed. */
  readonly extension: string;
}

const CODECS: Readonly<Record<string, ParquetCodec>> = {
  none: { name: 'UNCOMPRESSED', extension: '' },
  uncompressed: { name: 'UNCOMPRESSED', extension: '' },
  snappy: { name: 'SNAPPY', extension: '.snappy' },
  gzip: { name: 'GZIP', extension: '.gz' },
  brotli: { name: 'BROTLI', extension: '.br' },
  lz4: { name: 'LZ4', extension: '.lz4' },
  lz4_raw: { name: 'LZ4_RAW', extension: '.lz4raw' },
  lz4raw: { name: 'LZ4_RAW', extension: '.lz4raw' },
  zstd: { name: 'ZSTD', extension: '.zstd' },
};

/**
 * `format('parquet')` options: `compression` (or `parquet.compression`), default `snappy` as in Spark.
 * LZO, which Spark accepts with a Hadoop codec installed, is not available.
 */
export function parseParquetOptions(options: Options): ParquetCodec {
  const raw = options.get('compression') ?? options.get('parquet.compression') ?? 'snappy';
  const codec = CODECS[raw.trim().toLowerCase()];
  if (codec === undefined) {
    throw new OptionError(`Codec [${raw}] is not available. Available codecs are ${Object.keys(CODECS).join(', ')}.`);
  }
  return codec;
}
