import { AnalysisError, OptionError, StructType, type Options } from '@caudal/core';

export const DEFAULT_CORRUPT_RECORD_COLUMN = '_corrupt_record';

/** Spark's `columnNameOfCorruptRecord` option (default `_corrupt_record`). */
export function corruptColumnOption(options: Options): string {
  const name = options.get('columnNameOfCorruptRecord') ?? DEFAULT_CORRUPT_RECORD_COLUMN;
  if (name === '') throw new OptionError("Invalid value '' for option 'columnNameOfCorruptRecord', must not be empty");
  return name;
}

/**
 * How a schema splits into the columns parsed from the data and the optional column that receives
 * the raw text of malformed records (matched by exact name, as Spark).
 */
export interface CorruptRecordLayout {
  /** The schema's index of the corrupt-record column, or -1. */
  readonly corruptIndex: number;
  /** The schema without the corrupt-record column: what the parser fills. */
  readonly dataSchema: StructType;
  /** For each data field, its index in the full schema. */
  readonly dataIndices: readonly number[];
}

export function corruptRecordLayout(schema: StructType, corruptColumn: string): CorruptRecordLayout {
  const corruptIndex = schema.fields.findIndex((f) => f.name === corruptColumn);
  if (corruptIndex !== -1) {
    const f = schema.fields[corruptIndex]!;
    if (f.dataType.kind !== 'string' || !f.nullable) {
      throw new AnalysisError('The field for corrupt records must be string type and nullable');
    }
  }
  const dataIndices: number[] = [];
  schema.fields.forEach((_, i) => { if (i !== corruptIndex) dataIndices.push(i); });
  return { corruptIndex, dataSchema: new StructType(dataIndices.map((i) => schema.fields[i]!)), dataIndices };
}
