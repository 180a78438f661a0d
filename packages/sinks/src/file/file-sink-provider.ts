import type { Options, OutputMode, Sink, SinkContext, SinkProvider } from '@caudal/core';
import { sessionTimeZone } from '../shared/session-time-zone.ts';
import { checkDataTypes } from './format/check-data-types.ts';
import { encoderForFormat } from './format/encoder-for-format.ts';
import type { FileFormatName } from './format/file-format-name.ts';
import { FileSink } from './file-sink.ts';
import { fileSinkLogConf } from './file-sink-log-conf.ts';
import { parseFileSinkOptions } from './file-sink-options.ts';
import { partitionLayout } from './partition/partition-columns.ts';

const APPEND_ONLY: readonly OutputMode[] = Object.freeze(['append']);

/**
 * `writeStream.format('json' | 'csv' | 'text' | 'parquet').option('path', dir)` (or `.start(dir)`):
 * the exactly-once file sink. Append mode only, and a checkpoint location is required, as in Spark.
 * Everything (path, partition columns, column types, format options) is checked here, at start.
 *
 * @example
 * ```ts
 * import { registerSink } from '@caudal/core';
 * import { FileSinkProvider } from '@caudal/sinks';
 * registerSink(new FileSinkProvider('json')); // writeStream.format('json') with @caudal/core alone
 * ```
 */
export class FileSinkProvider implements SinkProvider {
  readonly supportedOutputModes = APPEND_ONLY;
  readonly requiresCheckpointLocation = true;

  constructor(readonly format: FileFormatName) {}

  createSink(options: Options, ctx: SinkContext): Sink {
    const common = parseFileSinkOptions(options);
    const layout = partitionLayout(ctx.schema, ctx.partitionBy);
    checkDataTypes(this.format, layout.dataSchema);
    const timeZone = sessionTimeZone(ctx.session);
    const encoder = encoderForFormat(this.format, options, layout.dataSchema, timeZone);
    const log = fileSinkLogConf(ctx.session);
    return new FileSink({ path: common.path, schema: ctx.schema, layout, encoder, maxRecordsPerFile: common.maxRecordsPerFile, timeZone, log });
  }
}
