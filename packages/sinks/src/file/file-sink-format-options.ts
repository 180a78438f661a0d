import type { CsvSinkOptions, JsonSinkOptions, ParquetSinkOptions, TextSinkOptions } from './file-sink-options.ts';

// Typed `writeStream.format('json' | 'csv' | 'text' | 'parquet').options({...})`.
declare module '@caudal/core' {
  interface SinkOptionsByFormat {
    /** Options of `writeStream.format('json')`. */
    json: JsonSinkOptions;
    /** Options of `writeStream.format('csv')`. */
    csv: CsvSinkOptions;
    /** Options of `writeStream.format('text')`. */
    text: TextSinkOptions;
    /** Options of `writeStream.format('parquet')`. */
    parquet: ParquetSinkOptions;
  }
}
