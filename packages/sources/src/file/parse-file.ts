import type { Options, StructType } from '@caudal/core';
import { readFileText } from './content/read-file-text.ts';
import { csvFormat } from './csv/csv-format.ts';
import type { ConfiguredFileFormat, FileFormat, FileFormatName, ParsedFile } from './file-format.ts';
import { jsonFormat } from './json/json-format.ts';
import type { InputFile } from './listing/list-files.ts';
import { listBatchFiles } from './stream/list-source-files.ts';
import { textFormat } from './text/text-format.ts';

const FORMATS: Readonly<Record<FileFormatName, FileFormat>> = { json: jsonFormat, csv: csvFormat, text: textFormat };

/** The reader of a file format by name. */
export function fileFormat(name: FileFormatName): FileFormat {
  return FORMATS[name];
}

function configured(format: FileFormatName | ConfiguredFileFormat, options: Options): ConfiguredFileFormat {
  return typeof format === 'string' ? FORMATS[format].configure(options) : format;
}

/**
 * Reads and parses one file into batches of `schema` (the per-file step of batch reads and of the
 * streaming file source). `format` may be a name (options are checked on each call) or a format
 * already configured once with `fileFormat(name).configure(options)`, whose options win.
 * Malformed records follow the `mode` option; FAILFAST rejects with a MalformedRecordError.
 */
export async function parseFile(path: string, format: FileFormatName | ConfiguredFileFormat, options: Options, schema: StructType): Promise<ParsedFile> {
  return configured(format, options).parseText(path, await readFileText(path), schema);
}

/** Infers a format's schema from files (synchronous, as it runs when a DataFrame is defined). */
export function inferFileSchema(files: readonly InputFile[], format: FileFormatName | ConfiguredFileFormat, options: Options): StructType {
  return configured(format, options).inferSchema(files);
}

/** The files of the `path` option (none without one); a file sink's output folder gives its committed files. */
export function inputFiles(format: ConfiguredFileFormat): InputFile[] {
  const { path, listing } = format.common;
  return path === undefined ? [] : listBatchFiles(path, listing);
}
