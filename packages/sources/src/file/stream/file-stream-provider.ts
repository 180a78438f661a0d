import { existsSync } from 'node:fs';
import { sep } from 'node:path';
import {
  AnalysisError, OptionError, type Options, type SchemaContext, type SourceContext, type StreamSource, type StructType,
} from '@caudal/core';
import { globToRegExp, isGlob } from '../listing/glob-pattern.ts';
import { localPath } from '../listing/list-files.ts';
import { asNullable } from '../schema-nullable.ts';
import type { FileReader } from './file-reader.ts';
import { parseFileStreamOptions } from './file-stream-options.ts';
import { FileStreamSource } from './file-stream-source.ts';
import { hasGlob, listSourceFiles } from './list-source-files.ts';

const SCHEMA_INFERENCE_CONF = 'spark.sql.streaming.schemaInference';

export const SCHEMA_REQUIRED_MESSAGE =
  'Schema must be specified when creating a streaming source DataFrame. If some files already exist in the directory, ' +
  "then depending on the file format you may be able to create a static DataFrame on that directory with 'spark.read.load(directory)' " +
  'and infer schema from it.';

/** The streaming half of a file format's `SourceProvider`. */
export interface FileStreamProvider {
  streamSchema(options: Options, userSchema: StructType | undefined, ctx?: SchemaContext): StructType;
  createStreamSource(options: Options, schema: StructType, ctx: SourceContext): StreamSource;
}

/**
 * `readStream.format(f).load(path)` for a file format whose reader `configure` builds. At load(), as in Spark:
 * the path must be given and (unless it is a glob) exist; a schema must be given unless the format has a
 * fixed one (text) or `spark.sql.streaming.schemaInference` is true, in which case it is inferred from the
 * files there now; then the streaming options are checked.
 */
export function fileStreamProvider(configure: (options: Options) => FileReader): FileStreamProvider {
  return {
    streamSchema(options, userSchema, ctx) {
      const reader = configure(options);
      const path = requirePath(reader);
      let schema: StructType;
      if (userSchema !== undefined) schema = reader.userSchema(userSchema);
      else if (reader.fixedSchema) schema = reader.inferSchema([]);
      else if (ctx?.conf(SCHEMA_INFERENCE_CONF)?.trim().toLowerCase() !== 'true') throw new AnalysisError(SCHEMA_REQUIRED_MESSAGE);
      else schema = asNullable(reader.inferSchema(listSourceFiles(path, reader.common.listing).files));
      parseFileStreamOptions(options, path);
      return schema;
    },
    createStreamSource(options, schema, ctx) {
      const reader = configure(options);
      return new FileStreamSource(reader, parseFileStreamOptions(options, requirePath(reader)), schema, ctx);
    },
  };
}

/** The `path` option, which must name something that exists unless it is a glob (whose matches may appear later). */
function requirePath(reader: FileReader): string {
  const path = reader.common.path;
  if (path === undefined) throw new OptionError("'path' is not specified");
  const abs = localPath(path);
  if (hasGlob(abs)) {
    for (const part of abs.split(sep)) if (isGlob(part)) globToRegExp(part); // a bad pattern fails now
  } else if (!existsSync(abs)) {
    throw new AnalysisError(`Path does not exist: file:${abs}`);
  }
  return path;
}
