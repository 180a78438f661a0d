// The public API of @caudal/sinks: the built-in console, memory, foreach, foreachBatch and noop sinks, and the
// exactly-once file sink (json, csv, text, parquet).
import { registerSink } from '@caudal/core';
import { ConsoleSinkProvider } from './console/console-provider.ts';
import { ForeachBatchSinkProvider } from './foreach-batch/foreach-batch-provider.ts';
import { ForeachSinkProvider } from './foreach/foreach-provider.ts';
import { KafkaSinkProvider } from './kafka/kafka-sink-provider.ts';
import { FileSinkProvider } from './file/file-sink-provider.ts';
import { FILE_FORMAT_NAMES } from './file/format/file-format-name.ts';
import { MemorySinkProvider } from './memory/memory-provider.ts';
import { NoopSinkProvider } from './noop/noop-provider.ts';
import './format-options.ts';
import './kafka/kafka-sink-format.ts';
import './file/file-sink-format-options.ts';

export type { BaseSinkOptions } from './shared/base-sink-options.ts';
export { type ConsoleSinkOptions, type ConsoleSettings, parseConsoleOptions } from './console/console-options.ts';
export { ConsoleSink, type ConsoleWrite } from './console/console-sink.ts';
export { ConsoleSinkProvider } from './console/console-provider.ts';
export { MemorySink } from './memory/memory-sink.ts';
export { MemorySinkProvider } from './memory/memory-provider.ts';
export { ForeachBatchSink } from './foreach-batch/foreach-batch-sink.ts';
export { ForeachBatchSinkProvider } from './foreach-batch/foreach-batch-provider.ts';
export { ForeachSink } from './foreach/foreach-sink.ts';
export { ForeachSinkProvider } from './foreach/foreach-provider.ts';
export { NoopSink } from './noop/noop-sink.ts';
export { NoopSinkProvider } from './noop/noop-provider.ts';
export { KafkaSinkProvider } from './kafka/kafka-sink-provider.ts';
export type { KafkaSinkOptions } from './kafka/kafka-sink-options.ts';
export { FileSink } from './file/file-sink.ts';
export { FileSinkProvider } from './file/file-sink-provider.ts';
export type { FileFormatName } from './file/format/file-format-name.ts';
export type { FileSinkOptions, JsonSinkOptions, CsvSinkOptions, TextSinkOptions, ParquetSinkOptions } from './file/file-sink-options.ts';
export { SESSION_TIME_ZONE_CONF, sessionTimeZone } from './shared/session-time-zone.ts';

/**
 * Registers every sink of this package with core's format registry (idempotent).
 *
 * @example
 * ```ts
 * import { Session } from '@caudal/core';
 * import { registerBuiltinSinks } from '@caudal/sinks';
 * registerBuiltinSinks(); // what importing 'caudal' does for sinks
 * const spark = Session.builder().getOrCreate();
 * ```
 */
export function registerBuiltinSinks(): void {
  registerSink(new ConsoleSinkProvider());
  registerSink(new MemorySinkProvider());
  registerSink(new ForeachBatchSinkProvider());
  registerSink(new ForeachSinkProvider());
  registerSink(new NoopSinkProvider());
  registerSink(new KafkaSinkProvider());
  for (const format of FILE_FORMAT_NAMES) registerSink(new FileSinkProvider(format));
}
