import { valueAt, type ColumnBatch, type DataType, type StructType } from '@caudal/core';
import { dateText, timestampText } from '../format/datetime-text.ts';
import { doubleText, integerText } from '../format/number-text.ts';
import type { PartFileEncoder } from '../format/part-file-encoder.ts';
import type { ZoneOffsetFn } from '../format/zone-offset.ts';
import { csvField } from './csv-field.ts';
import type { CsvWriteSettings } from './csv-options.ts';

const utf8 = new TextEncoder();

/** CSV as Spark writes it: an optional header line in every file, then one line per row, each ending in `lineSep`. */
export function csvEncoder(schema: StructType, settings: CsvWriteSettings): PartFileEncoder {
  const q = settings.quoting;
  const texts = schema.fields.map((f) => valueText(f.dataType, settings.zoneOffset));
  const line = (fields: readonly (string | null)[]): string => fields.map((v) => csvField(v, q)).join(q.sep) + settings.lineSep;
  const header = settings.header ? line(schema.fieldNames()) : '';
  return {
    extension: '.csv',
    encode: async (batch: ColumnBatch) => {
      const lines: string[] = [header];
      const cells: (string | null)[] = new Array<string | null>(texts.length);
      for (let r = 0; r < batch.numRows; r++) {
        for (let c = 0; c < texts.length; c++) {
          const v = valueAt(batch.column(c), r);
          cells[c] = v === null ? null : texts[c]!(v);
        }
        lines.push(line(cells));
      }
      return utf8.encode(lines.join(''));
    },
  };
}

/** A non-null value as Spark's CSV writer prints it (`toString`, with its date-time formats). */
function valueText(t: DataType, zoneOffset: ZoneOffsetFn): (v: unknown) => string {
  switch (t.kind) {
    case 'string': return (v) => v as string;
    case 'boolean': return (v) => (v ? 'true' : 'false');
    case 'int': case 'long': return (v) => integerText(v as number);
    case 'double': return (v) => doubleText(v as number);
    case 'timestamp': return (v) => timestampText(v as number, zoneOffset);
    case 'date': return (v) => dateText(v as number);
    default: throw new Error(`internal: the CSV sink cannot write ${t.kind} (refused at start)`);
  }
}
