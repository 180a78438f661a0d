import { AnalysisError, StructType, simpleString, type StructField } from '@caudal/core';
import { sqlId } from '../format/sql-type.ts';

/** Where the `partitionBy` columns are in the query's schema, and what is left for the files. */
export interface PartitionLayout {
  /** The partition columns' positions in the query schema, in `partitionBy` order. */
  readonly partitionIndices: readonly number[];
  readonly partitionFields: readonly StructField[];
  /** The other columns' positions: these are written inside the files. */
  readonly dataIndices: readonly number[];
  readonly dataSchema: StructType;
}

/**
 * Resolves `partitionBy(...)` names against the schema (case-insensitively, as Spark by default) and checks
 * them as Spark does: each must exist once, hold a flat value, and at least one column must be left to write.
 */
export function partitionLayout(schema: StructType, names: readonly string[]): PartitionLayout {
  const partitionIndices: number[] = [];
  for (const name of names) {
    const lower = name.toLowerCase();
    const i = schema.fields.findIndex((f) => f.name.toLowerCase() === lower);
    if (i < 0) throw new AnalysisError(`Partition column ${sqlId(name)} not found in schema ${schema.simpleString()}`);
    if (partitionIndices.includes(i)) {
      throw new AnalysisError(`Found duplicate column(s) in the partition schema: ${sqlId(schema.fields[i]!.name.toLowerCase())}`);
    }
    partitionIndices.push(i);
  }
  const partitionFields = partitionIndices.map((i) => schema.fields[i]!);
  for (const f of partitionFields) {
    const k = f.dataType.kind;
    if (k === 'array' || k === 'map' || k === 'struct' || k === 'interval' || k === 'null') {
      throw new AnalysisError(`Cannot use ${simpleString(f.dataType)} for partition column`);
    }
  }
  if (partitionIndices.length > 0 && partitionIndices.length === schema.length) {
    throw new AnalysisError('Cannot use all columns for partition columns');
  }
  const dataIndices = schema.fields.map((_, i) => i).filter((i) => !partitionIndices.includes(i));
  return { partitionIndices, partitionFields, dataIndices, dataSchema: new StructType(dataIndices.map((i) => schema.fields[i]!)) };
}
