import type { Options, Sink, SinkContext, SinkProvider } from '@caudal/core';
import { ALL_OUTPUT_MODES } from '../shared/all-output-modes.ts';
import { sessionTimeZone } from '../shared/session-time-zone.ts';
import { parseConsoleOptions } from './console-options.ts';
import { ConsoleSink } from './console-sink.ts';

/** `format('console')`: prints every batch to stdout. */
export class ConsoleSinkProvider implements SinkProvider {
  readonly format = 'console';
  readonly supportedOutputModes = ALL_OUTPUT_MODES;
  readonly requiresCheckpointLocation = false;

  createSink(options: Options, ctx: SinkContext): Sink {
    return new ConsoleSink({ ...parseConsoleOptions(options), timeZone: sessionTimeZone(ctx.session) });
  }
}
