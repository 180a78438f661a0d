import type { DataType, Options, StructType } from '@caudal/core';
import type { FileReader } from '../stream/file-reader.ts';
import { asNullable } from '../schema-nullable.ts';
import { checkSupportedTypes } from '../supported-types.ts';
import { parseParquetOptions } from './parquet-options.ts';
import { readParquetFile } from './parquet-read.ts';
import { inferParquetSchema } from './parquet-schema.ts';

/** `format('parquet')` as a file reader, for batch reads and the streaming file source. */
export function parquetReader(options: Options): FileReader {
  const config = parseParquetOptions(options);
  return {
    format: 'parquet',
    common: config.common,
    fixedSchema: false,
    userSchema(schema: StructType): StructType {
      const s = asNullable(schema);
      checkSupportedTypes(s, 'Parquet', parquetSupports);
      return s;
    },
    inferSchema: (files) => inferParquetSchema(files, config.mergeSchema),
    read: (path, schema) => readParquetFile(path, schema),
  };
}

/** Parquet has no interval or void column. */
function parquetSupports(t: DataType): boolean {
  return t.kind !== 'interval' && t.kind !== 'null';
}

