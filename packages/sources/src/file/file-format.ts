import type { ColumnBatch, Options, StructType } from '@caudal/core';
import type { CommonFileOptions } from './file-options.ts';
import type { InputFile } from './listing/list-files.ts';
import type { MalformedRecord } from './malformed/malformed-record-error.ts';

export type FileFormatName = 'json' | 'csv' | 'text';

/** One file's rows, with the records that were malformed (kept with nulls, or dropped, per `mode`). */
export interface ParsedFile {
  readonly batches: ColumnBatch[];
  readonly rows: number;
  readonly malformed: readonly MalformedRecord[];
}

/** A readable file format (json, csv, text). `configure` checks options without I/O. */
export interface FileFormat {
  readonly name: FileFormatName;
  configure(options: Options): ConfiguredFileFormat;
}

/**
 * A format with its options bound: everything a batch read or a streaming file source needs.
 * Schema inference reads files synchronously because it runs when the DataFrame is defined.
 */
export interface ConfiguredFileFormat {
  readonly common: CommonFileOptions;
  /** Checks a `.schema(...)` for this format and returns the schema the read uses (all fields nullable). */
  userSchema(schema: StructType): StructType;
  /** Infers the schema from the files (Spark's rules for the format); fails when there is nothing to infer from. */
  inferSchema(files: readonly InputFile[]): StructType;
  /** Parses one file's text (UTF-8, without BOM) into batches of `schema`, applying `mode`. */
  parseText(path: string, text: string, schema: StructType): ParsedFile;
}
