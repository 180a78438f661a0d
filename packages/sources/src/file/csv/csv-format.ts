import type { Options, StructType } from '@caudal/core';
import type { ConfiguredFileFormat, FileFormat } from '../file-format.ts';
import { corruptRecordLayout } from '../malformed/corrupt-record-column.ts';
import { asNullable } from '../schema-nullable.ts';
import { checkSupportedTypes } from '../supported-types.ts';
import { csvSupports } from './csv-converter.ts';
import { inferCsvSchema } from './csv-infer-schema.ts';
import { parseCsvOptions } from './csv-options.ts';
import { parseCsvFile } from './csv-parse-file.ts';

/** `csv`: delimited text, one record per line (or across lines with `multiLine`). */
export const csvFormat: FileFormat = {
  name: 'csv',
  configure(options: Options): ConfiguredFileFormat {
    const config = parseCsvOptions(options);
    return {
      common: config.common,
      userSchema(schema: StructType): StructType {
        const s = asNullable(schema);
        checkSupportedTypes(s, 'CSV', csvSupports);
        corruptRecordLayout(s, config.common.corruptColumn);
        return s;
      },
      inferSchema: (files) => inferCsvSchema(files, config),
      parseText: (path, text, schema) => parseCsvFile(path, text, config, schema),
    };
  },
};
