import { valueAt, type ColumnBatch, type StructType } from '@caudal/core';
import type { PartFileEncoder } from '../format/part-file-encoder.ts';
import type { JsonWriteSettings } from './json-options.ts';
import { jsonString } from './json-string.ts';
import { jsonValueWriter } from './json-value.ts';

const utf8 = new TextEncoder();

/** JSON Lines as Spark's JSON writer: one object per row, each followed by `lineSep`. */
export function jsonEncoder(schema: StructType, settings: JsonWriteSettings): PartFileEncoder {
  const names = schema.fields.map((f) => `${jsonString(f.name)}:`);
  const writers = schema.fields.map((f) => jsonValueWriter(f.dataType, settings));
  return {
    extension: '.json',
    encode: async (batch: ColumnBatch) => {
      const lines: string[] = new Array<string>(batch.numRows);
      const parts: string[] = [];
      for (let r = 0; r < batch.numRows; r++) {
        parts.length = 0;
        for (let c = 0; c < writers.length; c++) {
          const v = valueAt(batch.column(c), r);
          if (v === null) {
            if (!settings.ignoreNullFields) parts.push(`${names[c]!}null`);
          } else parts.push(names[c]! + writers[c]!(v));
        }
        lines[r] = `{${parts.join(',')}}${settings.lineSep}`;
      }
      return utf8.encode(lines.join(''));
    },
  };
}
