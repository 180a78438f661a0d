import type { Options, StructType } from '@caudal/core';
import { readFileText } from '../content/read-file-text.ts';
import type { CommonFileOptions } from '../file-options.ts';
import type { FileFormat, ParsedFile } from '../file-format.ts';
import type { InputFile } from '../listing/list-files.ts';

/**
 * A file format with its options bound, as the streaming file source and the Parquet reader use it: the
 * text formats' `ConfiguredFileFormat` with the file read folded in, so a binary format fits too.
 */
export interface FileReader {
  /** `json`, `csv`, `text` or `parquet`. */
  readonly format: string;
  readonly common: CommonFileOptions;
  /** The format has one schema whatever the files hold (text: `value: string`), so streams need none given. */
  readonly fixedSchema: boolean;
  /** Checks a `.schema(...)` for this format; returns the schema reads use (all fields nullable). */
  userSchema(schema: StructType): StructType;
  /** Infers the schema from files; fails when there is nothing to infer from. */
  inferSchema(files: readonly InputFile[]): StructType;
  /** Reads one whole file into batches of `schema`, applying `mode` to malformed records. */
  read(path: string, schema: StructType): Promise<ParsedFile>;
}

/** The reader of a text format (json, csv, text): the file is decoded as UTF-8 and parsed. */
export function textFileReader(format: FileFormat, options: Options): FileReader {
  const configured = format.configure(options);
  return {
    format: format.name,
    common: configured.common,
    fixedSchema: format.name === 'text',
    userSchema: (schema) => configured.userSchema(schema),
    inferSchema: (files) => configured.inferSchema(files),
    read: async (path, schema) => configured.parseText(path, await readFileText(path), schema),
  };
}
