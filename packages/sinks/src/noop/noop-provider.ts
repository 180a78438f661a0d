import type { Sink, SinkProvider } from '@caudal/core';
import { ALL_OUTPUT_MODES } from '../shared/all-output-modes.ts';
import { NoopSink } from './noop-sink.ts';

/**
 * `format('noop')`.
 *
 * @example
 * ```ts
 * import { registerSink } from '@caudal/core';
 * import { NoopSinkProvider } from '@caudal/sinks';
 * registerSink(new NoopSinkProvider()); // writeStream.format('noop') with @caudal/core alone
 * ```
 */
export class NoopSinkProvider implements SinkProvider {
  readonly format = 'noop';
  readonly supportedOutputModes = ALL_OUTPUT_MODES;
  readonly requiresCheckpointLocation = false;

  createSink(): Sink {
    return new NoopSink();
  }
}
