import { readFile } from 'node:fs/promises';
import { tableFromIPC } from 'apache-arrow';
import {
  arrowTableToBatches, ColumnBatch, nullVector, sameType, simpleString, type DataType, type StructType, type Vector,
} from '@caudal/core';
import type { ParsedFile } from '../file-format.ts';
import { parquetFileSchema, unreadable } from './parquet-schema.ts';
import { parquetWasm } from './parquet-wasm.ts';

/**
 * One Parquet file into batches of `schema` (one per row group batch): parquet-wasm decodes the file to an
 * Arrow IPC stream, apache-arrow reads it, and core converts the Arrow batches. Columns are matched by name
 * (exactly, else ignoring case, as Spark's default `spark.sql.caseSensitive=false`); a column the file lacks
 * reads as null; int widens to bigint and double, bigint to double; any other difference fails.
 */
export async function readParquetFile(path: string, schema: StructType): Promise<ParsedFile> {
  const bytes = await readFile(path);
  const fileSchema = parquetFileSchema(path, bytes);
  const sources = schema.fields.map((f) => matchColumn(fileSchema, f.name));
  const columns = [...new Set(sources.filter((i) => i >= 0).map((i) => fileSchema.fields[i]!.name))];
  for (const [i, f] of schema.fields.entries()) {
    const at = sources[i]!;
    if (at >= 0) checkConvertible(path, f.name, f.dataType, fileSchema.fields[at]!.dataType);
  }
  let ipc: Uint8Array;
  try {
    // With no column to read, the file is read whole just to count its rows.
    ipc = parquetWasm().readParquet(bytes, columns.length > 0 ? { columns } : null).intoIPCStream();
  } catch (e) {
    throw unreadable(path, e);
  }
  const read = arrowTableToBatches(tableFromIPC(ipc));
  const batches = read.batches.filter((b) => b.numRows > 0).map((b) => {
    const vectors = schema.fields.map((f, i) => {
      const at = sources[i]!;
      if (at < 0) return nullVector(f.dataType, b.numRows);
      return asType(b.column(read.schema.indexOf(fileSchema.fields[at]!.name)), f.dataType);
    });
    return new ColumnBatch(schema, vectors, b.numRows);
  });
  return { batches, rows: batches.reduce((n, b) => n + b.numRows, 0), malformed: [] };
}

/** The file's column for a schema field: same name, else the one whose name differs only in case; -1 if none. */
function matchColumn(fileSchema: StructType, name: string): number {
  const exact = fileSchema.fields.findIndex((f) => f.name === name);
  if (exact >= 0) return exact;
  const lower = name.toLowerCase();
  return fileSchema.fields.findIndex((f) => f.name.toLowerCase() === lower);
}

const WIDENS: Readonly<Record<string, readonly string[]>> = { long: ['int'], double: ['int', 'long'] };

function checkConvertible(path: string, name: string, expected: DataType, found: DataType): void {
  if (sameType(expected, found) || (WIDENS[expected.kind]?.includes(found.kind) ?? false)) return;
  throw new Error(
    `Parquet column cannot be converted in file ${path}. Column: [${name}], Expected: ${simpleString(expected)}, Found: ${simpleString(found)}.`,
  );
}

/** Numbers share one layout, so widening only relabels the vector (as does the schema's nullability). */
function asType(v: Vector, t: DataType): Vector {
  return { ...v, type: t } as Vector;
}
