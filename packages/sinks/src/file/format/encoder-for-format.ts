import type { Options, StructType } from '@caudal/core';
import { csvEncoder } from '../csv/csv-encoder.ts';
import { parseCsvOptions } from '../csv/csv-options.ts';
import { jsonEncoder } from '../json/json-encoder.ts';
import { parseJsonOptions } from '../json/json-options.ts';
import { parquetEncoder } from '../parquet/parquet-encoder.ts';
import { parseParquetOptions } from '../parquet/parquet-options.ts';
import { textEncoder } from '../text/text-encoder.ts';
import { parseTextOptions } from '../text/text-options.ts';
import type { FileFormatName } from './file-format-name.ts';
import type { PartFileEncoder } from './part-file-encoder.ts';

/** Validates the format's options (a bad value fails at start) and returns its encoder for `dataSchema`. */
export function encoderForFormat(format: FileFormatName, options: Options, dataSchema: StructType, sessionZone: string): PartFileEncoder {
  switch (format) {
    case 'json': return jsonEncoder(dataSchema, parseJsonOptions(options, sessionZone));
    case 'csv': return csvEncoder(dataSchema, parseCsvOptions(options, sessionZone));
    case 'text': return textEncoder(parseTextOptions(options));
    case 'parquet': return parquetEncoder(parseParquetOptions(options));
  }
}
