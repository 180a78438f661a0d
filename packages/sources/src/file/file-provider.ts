import type { BatchSource, ColumnBatch, SourceProvider, StructType } from '@caudal/core';
import { readFileText } from './content/read-file-text.ts';
import { csvFormat } from './csv/csv-format.ts';
import type { ConfiguredFileFormat, FileFormat } from './file-format.ts';
import { jsonFormat } from './json/json-format.ts';
import { inputFiles } from './parse-file.ts';
import { fileStreamProvider } from './stream/file-stream-provider.ts';
import { textFileReader } from './stream/file-reader.ts';
import { textFormat } from './text/text-format.ts';

/**
 * `session.read.format('json' | 'csv' | 'text')`: options and the path are checked, and the schema
 * inferred when none is given, when the DataFrame is defined; files are listed again and parsed on each
 * read, one after another in path order.
 * `session.readStream.format(...)`: the streaming file source (stream/file-stream-source.ts).
 */
export function fileSourceProvider(format: FileFormat): SourceProvider {
  return {
    format: format.name,
    ...fileStreamProvider((options) => textFileReader(format, options)),
    batchSchema(options, userSchema) {
      const configured = format.configure(options);
      // Listing fails for a path that does not exist, even when a schema is given (as in Spark).
      const files = inputFiles(configured);
      return userSchema !== undefined ? configured.userSchema(userSchema) : configured.inferSchema(files);
    },
    createBatchSource(options, schema) {
      return new FileBatchSource(format.configure(options), schema);
    },
  };
}

class FileBatchSource implements BatchSource {
  constructor(private readonly format: ConfiguredFileFormat, readonly schema: StructType) {}

  async read(): Promise<ColumnBatch[]> {
    const out: ColumnBatch[] = [];
    for (const file of inputFiles(this.format)) {
      const parsed = this.format.parseText(file.path, await readFileText(file.path), this.schema);
      out.push(...parsed.batches);
    }
    return out;
  }
}

/**
 * The `json` source format (JSON Lines files).
 *
 * @example
 * ```ts
 * import { Session, registerSource } from '@caudal/core';
 * import { jsonProvider } from '@caudal/sources';
 * registerSource(jsonProvider);
 * const people = Session.builder().getOrCreate().read.json('data/people.jsonl');
 * ```
 */
export const jsonProvider = fileSourceProvider(jsonFormat);
/**
 * The `csv` source format.
 *
 * @example
 * ```ts
 * import { Session, registerSource } from '@caudal/core';
 * import { csvProvider } from '@caudal/sources';
 * registerSource(csvProvider);
 * const sales = Session.builder().getOrCreate().read.option('header', true).csv('data/sales.csv');
 * ```
 */
export const csvProvider = fileSourceProvider(csvFormat);
/**
 * The `text` source format (one row per line, column `value`).
 *
 * @example
 * ```ts
 * import { Session, registerSource } from '@caudal/core';
 * import { textProvider } from '@caudal/sources';
 * registerSource(textProvider);
 * const logLines = Session.builder().getOrCreate().readStream.text('logs'); // column value, new files as they arrive
 * ```
 */
export const textProvider = fileSourceProvider(textFormat);
