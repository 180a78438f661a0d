import { readFileSync } from 'node:fs';
import { tableFromIPC } from 'apache-arrow';
import { AnalysisError, fromArrowSchema, sameType, simpleString, StructType } from '@caudal/core';
import type { InputFile } from '../listing/list-files.ts';
import { asNullable } from '../schema-nullable.ts';
import { parquetWasm } from './parquet-wasm.ts';

/** The Spark schema a Parquet file's footer describes (as Arrow, mapped to Spark types). */
export function parquetFileSchema(path: string, bytes: Uint8Array = readFileSync(path)): StructType {
  let ipc: Uint8Array;
  try {
    ipc = parquetWasm().readSchema(bytes).intoIPCStream();
  } catch (e) {
    throw unreadable(path, e);
  }
  return fromArrowSchema(tableFromIPC(ipc).schema);
}

/**
 * Spark's Parquet schema inference: the first file's schema (files in path order), or with `mergeSchema` the
 * union of every file's columns, in order of first appearance; a column with two different types fails.
 */
export function inferParquetSchema(files: readonly InputFile[], mergeSchema: boolean): StructType {
  if (files.length === 0) throw new AnalysisError('Unable to infer schema for Parquet. It must be specified manually.');
  if (!mergeSchema) return asNullable(parquetFileSchema(files[0]!.path));
  const fields: StructType['fields'][number][] = [];
  for (const f of files) {
    for (const field of parquetFileSchema(f.path).fields) {
      const known = fields.find((x) => x.name === field.name);
      if (known === undefined) fields.push(field);
      else if (!sameType(known.dataType, field.dataType)) {
        throw new AnalysisError(
          `Failed to merge fields '${field.name}' and '${field.name}'. Failed to merge incompatible data types ` +
          `${simpleString(known.dataType)} and ${simpleString(field.dataType)}`,
        );
      }
    }
  }
  return asNullable(new StructType(fields));
}

export function unreadable(path: string, e: unknown): Error {
  return new Error(`Could not read the Parquet file ${path}: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
}
