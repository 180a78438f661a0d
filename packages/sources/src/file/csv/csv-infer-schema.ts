import { AnalysisError, BOOLEAN, DATE, DOUBLE, INT, LONG, NULL_TYPE, STRING, StructType, TIMESTAMP, type DataType } from '@caudal/core';
import { readFileTextSync } from '../content/read-file-text.ts';
import { compatibleType } from '../inference/compatible-type.ts';
import type { InputFile } from '../listing/list-files.ts';
import { columnNames } from './csv-header.ts';
import { parseBooleanText, parseDoubleText, parseIntText, parseLongText } from './csv-number-text.ts';
import type { CsvConfig } from './csv-options.ts';
import { forEachCsvRecord } from './csv-records.ts';

/**
 * Spark's CSV schema: names from the first record of the first file (`header`) or `_c0..`; all strings,
 * or with `inferSchema` each column's type widened over every record (CSVInferSchema). Each file's
 * first record is its header when `header` is set. Columns seen only as null are strings.
 */
export function inferCsvSchema(files: readonly InputFile[], config: CsvConfig): StructType {
  if (files.length === 0) throw new AnalysisError('Unable to infer schema for CSV. It must be specified manually.');
  // Filled by the first record seen (an object, so the callbacks' writes are visible to the checks).
  const columns: { names: string[] | undefined; types: DataType[] } = { names: undefined, types: [] };
  const infer = fieldInference(config);
  for (const file of files) {
    let index = 0;
    forEachCsvRecord(readFileTextSync(file.path), config, (tokens) => {
      const first = index++ === 0;
      if (columns.names === undefined) {
        columns.names = columnNames(tokens ?? [], config.header, config.nullValue);
        columns.types = columns.names.map(() => NULL_TYPE);
      }
      if (!config.inferSchema || tokens === null || (first && config.header)) return;
      const types = columns.types;
      const n = Math.min(tokens.length, types.length);
      for (let i = 0; i < n; i++) types[i] = infer(types[i]!, tokens[i] ?? null);
    });
    // Without inference the first file with a record decides everything.
    if (columns.names !== undefined && !config.inferSchema) break;
  }
  const { names, types } = columns;
  if (names === undefined) return new StructType();
  return new StructType(names.map((name, i) => {
    const t = types[i]!;
    return { name, dataType: !config.inferSchema || t.kind === 'null' ? STRING : t, nullable: true };
  }));
}

/** CSVInferSchema.inferField: from the type so far, try the next types in Spark's order for one value. */
function fieldInference(config: CsvConfig): (soFar: DataType, field: string | null) => DataType {
  const isInfOrNan = (f: string): boolean => f === config.nanValue || f === config.positiveInf || f === config.negativeInf;
  const tryBoolean = (f: string): DataType => (parseBooleanText(f) !== null ? BOOLEAN : STRING);
  const tryTimestamp = (f: string): DataType => (config.parseTimestamp(f) !== null ? TIMESTAMP : tryBoolean(f));
  const tryDate = (f: string): DataType => (config.inferDate(f) !== null ? DATE : tryTimestamp(f));
  const tryDouble = (f: string): DataType =>
    parseDoubleText(f) !== null || isInfOrNan(f) ? DOUBLE : config.preferDate ? tryDate(f) : tryTimestamp(f);
  // Whole numbers beyond the long range fall through to double (Spark: decimal).
  const tryLong = (f: string): DataType => (parseLongText(f) !== null ? LONG : tryDouble(f));
  const tryInt = (f: string): DataType => (parseIntText(f) !== null ? INT : tryLong(f));
  return (soFar, field) => {
    if (field === null || field === '' || field === config.nullValue) return soFar;
    let next: DataType;
    switch (soFar.kind) {
      case 'null': case 'int': next = tryInt(field); break;
      case 'long': next = tryLong(field); break;
      case 'double': next = tryDouble(field); break;
      case 'date': next = tryDate(field); break;
      case 'timestamp': next = tryTimestamp(field); break;
      case 'boolean': next = tryBoolean(field); break;
      default: return STRING;
    }
    return compatibleType(soFar, next);
  };
}
