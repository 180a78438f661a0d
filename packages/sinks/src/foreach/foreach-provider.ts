import { AnalysisError, type Options, type Sink, type SinkContext, type SinkProvider } from '@caudal/core';
import { ALL_OUTPUT_MODES } from '../shared/all-output-modes.ts';
import { assertNotPartitioned } from '../shared/assert-not-partitioned.ts';
import { ForeachSink } from './foreach-sink.ts';

/**
 * `writeStream.foreach(writer)`.
 *
 * @example
 * ```ts
 * import { registerSink } from '@caudal/core';
 * import { ForeachSinkProvider } from '@caudal/sinks';
 * registerSink(new ForeachSinkProvider()); // what writeStream.foreach(writer) needs with @caudal/core alone
 * ```
 */
export class ForeachSinkProvider implements SinkProvider {
  readonly format = 'foreach';
  readonly supportedOutputModes = ALL_OUTPUT_MODES;
  readonly requiresCheckpointLocation = false;

  createSink(_options: Options, ctx: SinkContext): Sink {
    if (ctx.foreachWriter === undefined) {
      throw new AnalysisError('foreach writer cannot be missing: pass one with writeStream.foreach({ open, process, close })');
    }
    assertNotPartitioned(ctx, 'foreach');
    return new ForeachSink(ctx.foreachWriter);
  }
}
