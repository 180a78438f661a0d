import { AnalysisError } from '../analyzer/analysis-error.ts';
import type { SinkProvider } from './sink.ts';
import type { SourceProvider } from './source.ts';

/**
 * Formats by name. Connector packages register their providers (the `caudal` package registers all
 * built-ins on import); core itself never imports a connector package.
 */
const sources = new Map<string, SourceProvider>();
const sinks = new Map<string, SinkProvider>();

/**
 * Makes a source format available to `readStream.format(name)` and `read.format(name)`; the same name again
 * replaces it.
 *
 * @example
 * ```ts
 * import { ColumnBatch, STRING, StructType, registerSource, vectorFromValues, type SourceProvider } from 'caudal';
 * const schema = new StructType().add('greeting', STRING);
 * const hello: SourceProvider = {
 *   format: 'hello',
 *   batchSchema: () => schema,
 *   createBatchSource: () => ({
 *     schema,
 *     read: async () => [new ColumnBatch(schema, [vectorFromValues(STRING, ['hi', 'hola'])], 2)],
 *   }),
 * };
 * registerSource(hello);
 * await spark.read.format('hello').load().show();
 * ```
 */
export function registerSource(provider: SourceProvider): void {
  sources.set(provider.format.toLowerCase(), provider);
}

/**
 * Makes a sink format available to `writeStream.format(name)`; the same name again replaces it.
 *
 * @example
 * ```ts
 * import { registerSink, type SinkProvider } from 'caudal';
 * const logSink: SinkProvider = {
 *   format: 'log',
 *   supportedOutputModes: ['append', 'update', 'complete'],
 *   requiresCheckpointLocation: false,
 *   createSink: (_options, ctx) => ({
 *     description: 'LogSink',
 *     addBatch: async (batch) => { for (const row of batch.rows()) console.log(ctx.queryName, row); },
 *     stop: async () => {},
 *   }),
 * };
 * registerSink(logSink);
 * const query = await df.writeStream.format('log').queryName('events').start();
 * ```
 */
export function registerSink(provider: SinkProvider): void {
  sinks.set(provider.format.toLowerCase(), provider);
}

/**
 * The provider of a source format (case-insensitive); throws AnalysisError naming the unknown format.
 *
 * @example
 * ```ts
 * import { lookupSource } from 'caudal';
 * const rate = lookupSource('RATE'); // case-insensitive
 * console.log(rate.format, typeof rate.createStreamSource === 'function'); // rate true
 * ```
 */
export function lookupSource(format: string): SourceProvider {
  const p = sources.get(format.toLowerCase());
  if (!p) {
    throw new AnalysisError(`Failed to find data source: ${format}. Known sources: ${[...sources.keys()].sort().join(', ') || '(none registered; import from \'caudal\' to register the built-in connectors)'}`);
  }
  return p;
}

/**
 * The provider of a sink format (case-insensitive); throws AnalysisError naming the unknown format.
 *
 * @example
 * ```ts
 * import { lookupSink } from 'caudal';
 * const sink = lookupSink('parquet');
 * console.log(sink.supportedOutputModes, sink.requiresCheckpointLocation); // [ 'append' ] true
 * ```
 */
export function lookupSink(format: string): SinkProvider {
  const p = sinks.get(format.toLowerCase());
  if (!p) {
    throw new AnalysisError(`Failed to find data sink: ${format}. Known sinks: ${[...sinks.keys()].sort().join(', ') || '(none registered; import from \'caudal\' to register the built-in connectors)'}`);
  }
  return p;
}
