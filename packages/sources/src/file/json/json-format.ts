import type { DataType, Options, StructType } from '@caudal/core';
import type { ConfiguredFileFormat, FileFormat } from '../file-format.ts';
import { corruptRecordLayout } from '../malformed/corrupt-record-column.ts';
import { asNullable } from '../schema-nullable.ts';
import { checkSupportedTypes } from '../supported-types.ts';
import { inferJsonSchema } from './json-infer-schema.ts';
import { parseJsonOptions } from './json-options.ts';
import { parseJsonFile } from './json-parse-file.ts';

/** `json`: JSON Lines, or one document per file with `multiLine`. */
export const jsonFormat: FileFormat = {
  name: 'json',
  configure(options: Options): ConfiguredFileFormat {
    const config = parseJsonOptions(options);
    return {
      common: config.common,
      userSchema(schema: StructType): StructType {
        const s = asNullable(schema);
        checkSupportedTypes(s, 'JSON', jsonSupports);
        corruptRecordLayout(s, config.common.corruptColumn);
        return s;
      },
      inferSchema: (files) => inferJsonSchema(files, config),
      parseText: (path, text, schema) => parseJsonFile(path, text, config, schema),
    };
  },
};

/** Every type but interval and void; map keys are JSON object keys, so they must be strings. */
function jsonSupports(t: DataType): boolean {
  if (t.kind === 'interval' || t.kind === 'null') return false;
  return t.kind !== 'map' || t.keyType.kind === 'string';
}
