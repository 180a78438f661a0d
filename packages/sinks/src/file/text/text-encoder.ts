import type { ColumnBatch } from '@caudal/core';
import type { PartFileEncoder } from '../format/part-file-encoder.ts';
import type { TextWriteSettings } from './text-options.ts';

const utf8 = new TextEncoder();

/** The one string column, one value per line; a null is an empty line (as Spark's text writer). */
export function textEncoder(settings: TextWriteSettings): PartFileEncoder {
  return {
    extension: '.txt',
    encode: async (batch: ColumnBatch) => {
      const col = batch.column(0);
      if (col.kind !== 'obj') throw new Error('internal: the text sink writes a string column');
      const lines: string[] = new Array<string>(batch.numRows);
      for (let r = 0; r < batch.numRows; r++) {
        const v = col.values[r];
        lines[r] = (typeof v === 'string' ? v : '') + settings.lineSep;
      }
      return utf8.encode(lines.join(''));
    },
  };
}
