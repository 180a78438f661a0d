import { AnalysisError, type Options, type Sink, type SinkContext, type SinkProvider } from '@caudal/core';
import { ALL_OUTPUT_MODES } from '../shared/all-output-modes.ts';
import { assertNotPartitioned } from '../shared/assert-not-partitioned.ts';
import { MemorySink } from './memory-sink.ts';

/**
 * `format('memory')`: an in-memory table named by `queryName`, readable with `session.table(name)`.
 *
 * @example
 * ```ts
 * import { Session, registerSink } from '@caudal/core';
 * import { MemorySinkProvider } from '@caudal/sinks';
 * registerSink(new MemorySinkProvider());
 * const spark = Session.builder().getOrCreate();
 * await spark.readStream.format('rate').load().writeStream.format('memory').queryName('rates').start();
 * const rows = await spark.table('rates').collect();
 * ```
 */
export class MemorySinkProvider implements SinkProvider {
  readonly format = 'memory';
  readonly supportedOutputModes = ALL_OUTPUT_MODES;
  readonly requiresCheckpointLocation = false;

  createSink(_options: Options, ctx: SinkContext): Sink {
    if (ctx.queryName === null || ctx.queryName === '') {
      throw new AnalysisError('queryName must be specified for memory sink');
    }
    assertNotPartitioned(ctx, 'memory');
    const sink = new MemorySink(ctx.schema);
    // Registered at start (replacing any earlier table of that name), so the table exists before batch 0.
    ctx.session.catalog.registerTable(ctx.queryName, sink);
    return sink;
  }
}
