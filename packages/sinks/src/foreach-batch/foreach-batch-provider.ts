import { AnalysisError, type Options, type Sink, type SinkContext, type SinkProvider } from '@caudal/core';
import { ALL_OUTPUT_MODES } from '../shared/all-output-modes.ts';
import { assertNotPartitioned } from '../shared/assert-not-partitioned.ts';
import { ForeachBatchSink } from './foreach-batch-sink.ts';

/**
 * `writeStream.foreachBatch(fn)`.
 *
 * @example
 * ```ts
 * import { registerSink } from '@caudal/core';
 * import { ForeachBatchSinkProvider } from '@caudal/sinks';
 * registerSink(new ForeachBatchSinkProvider()); // what writeStream.foreachBatch(fn) needs with @caudal/core alone
 * ```
 */
export class ForeachBatchSinkProvider implements SinkProvider {
  readonly format = 'foreachBatch';
  readonly supportedOutputModes = ALL_OUTPUT_MODES;
  readonly requiresCheckpointLocation = false;

  createSink(_options: Options, ctx: SinkContext): Sink {
    if (ctx.foreachBatch === undefined) {
      throw new AnalysisError('foreachBatch function cannot be missing: pass one with writeStream.foreachBatch((batchDf, batchId) => ...)');
    }
    assertNotPartitioned(ctx, 'foreachBatch');
    return new ForeachBatchSink(ctx.foreachBatch);
  }
}
