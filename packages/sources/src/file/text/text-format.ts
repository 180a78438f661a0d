import { AnalysisError, ColumnBatch, STRING, StructType, simpleString, type Options } from '@caudal/core';
import type { ConfiguredFileFormat, FileFormat, ParsedFile } from '../file-format.ts';
import { splitLines } from '../content/split-lines.ts';
import { asNullable } from '../schema-nullable.ts';
import { parseTextOptions, type TextConfig } from './text-options.ts';

const TEXT_BATCH_ROWS = 65_536;

export const TEXT_SCHEMA = new StructType().add('value', STRING);

/** `text`: one `value: string` row per line (or per file with `wholetext`). */
export const textFormat: FileFormat = {
  name: 'text',
  configure(options: Options): ConfiguredFileFormat {
    const config = parseTextOptions(options);
    return {
      common: config.common,
      userSchema: checkTextSchema,
      inferSchema: () => TEXT_SCHEMA,
      parseText: (_path, text, schema) => parseTextFile(text, config, schema),
    };
  },
};

/** Spark's checks: one column, of type string (any name). */
function checkTextSchema(schema: StructType): StructType {
  if (schema.length !== 1) {
    throw new AnalysisError(`Text data source supports only a single column, and you have ${schema.length} columns.`);
  }
  const t = schema.fields[0]!.dataType;
  if (t.kind !== 'string') throw new AnalysisError(`Text data source does not support ${simpleString(t)} data type.`);
  return asNullable(schema);
}

export function parseTextFile(text: string, config: TextConfig, schema: StructType): ParsedFile {
  const values = config.wholetext ? [text] : splitLines(text, config.common.lineSep);
  const batches: ColumnBatch[] = [];
  for (let start = 0; start < values.length; start += TEXT_BATCH_ROWS) {
    const part = values.length <= TEXT_BATCH_ROWS ? values : values.slice(start, start + TEXT_BATCH_ROWS);
    batches.push(new ColumnBatch(schema, [{ kind: 'obj', type: STRING, values: part }], part.length));
  }
  return { batches, rows: values.length, malformed: [] };
}
