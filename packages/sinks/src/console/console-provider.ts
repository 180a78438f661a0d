import type { Options, Sink, SinkContext, SinkProvider } from '@caudal/core';
import { ALL_OUTPUT_MODES } from '../shared/all-output-modes.ts';
import { sessionTimeZone } from '../shared/session-time-zone.ts';
import { parseConsoleOptions } from './console-options.ts';
import { ConsoleSink } from './console-sink.ts';

/**
 * `format('console')`: prints every batch to stdout.
 *
 * @example
 * ```ts
 * import { Session, registerSink } from '@caudal/core';
 * import { ConsoleSinkProvider } from '@caudal/sinks';
 * registerSink(new ConsoleSinkProvider()); // with @caudal/core alone; 'caudal' registers it already
 * const spark = Session.builder().getOrCreate();
 * await spark.readStream.format('rate').load().writeStream.format('console').start();
 * ```
 */
export class ConsoleSinkProvider implements SinkProvider {
  readonly format = 'console';
  readonly supportedOutputModes = ALL_OUTPUT_MODES;
  readonly requiresCheckpointLocation = false;

  createSink(options: Options, ctx: SinkContext): Sink {
    return new ConsoleSink({ ...parseConsoleOptions(options), timeZone: sessionTimeZone(ctx.session) });
  }
}
