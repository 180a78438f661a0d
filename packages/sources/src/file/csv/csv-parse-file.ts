import type { StructType } from '@caudal/core';
import { RowAssembler } from '../columns/row-assembler.ts';
import type { ParsedFile } from '../file-format.ts';
import { ConversionFailure } from '../malformed/conversion-failure.ts';
import { corruptRecordLayout } from '../malformed/corrupt-record-column.ts';
import { csvConverter } from './csv-converter.ts';
import { directCsvLine } from './csv-direct-line.ts';
import type { CsvConfig } from './csv-options.ts';
import { forEachCsvRecord } from './csv-records.ts';

/**
 * One CSV file into rows of `schema`: fields map to the schema's columns by position (the
 * corrupt-record column excluded). A record is malformed when csv-parse rejects it, when it has more
 * or fewer fields than the schema, or when a field does not fit its column's type; PERMISSIVE keeps the
 * fields that did convert (missing ones null), as Spark does. Lines without quotes are read straight
 * from the text (csv-direct-line.ts); the others, and any line that is malformed, go through tokens.
 * `directLines: false` sends every record through tokens: the reference the direct path must match.
 */
export function parseCsvFile(path: string, text: string, config: CsvConfig, schema: StructType, directLines = true): ParsedFile {
  const layout = corruptRecordLayout(schema, config.common.corruptColumn);
  const out = new RowAssembler(schema, layout, config.common.mode, path);
  const names = layout.dataSchema.fields.map((f) => f.name);
  const converters = layout.dataSchema.fields.map((f) => csvConverter(f.dataType, config));
  const target = layout.dataIndices;
  const width = names.length;
  const row = out.row;
  let index = 0;
  const fast = width === 0 || !directLines ? undefined : directCsvLine(config, layout, converters, out.builder);
  const direct = fast === undefined ? undefined : (t: string, start: number, end: number, line: number): boolean => {
    if (index === 0 && config.header) {
      index++;
      return true;
    }
    if (!fast(t, start, end, line)) return false;
    index++;
    return true;
  };
  forEachCsvRecord(text, config, (tokens, raw, line, error) => {
    if (index++ === 0 && config.header) return;
    if (tokens === null) {
      out.emitMalformed(line, error ?? 'malformed CSV record', raw, false);
      return;
    }
    let failure: string | null = tokens.length === width ? null : `expected ${width} fields but found ${tokens.length}`;
    const n = Math.min(width, tokens.length);
    for (let j = 0; j < n; j++) {
      try {
        row[target[j]!] = converters[j]!(tokens[j] ?? null);
      } catch (e) {
        if (!(e instanceof ConversionFailure)) throw e;
        failure ??= e.describe(names[j]!);
      }
    }
    if (failure === null) out.emit();
    else out.emitMalformed(line, failure, raw, true);
  }, direct);
  return out.finish();
}
