import { AnalysisError, type SinkContext } from '@caudal/core';

/** Sinks that write no files have nothing to partition; Spark rejects `partitionBy` for them at start. */
export function assertNotPartitioned(ctx: SinkContext, sinkName: string): void {
  if (ctx.partitionBy.length > 0) {
    throw new AnalysisError(`'${sinkName}' does not support partitioning (partitionBy(${ctx.partitionBy.join(', ')})); remove partitionBy for this sink`);
  }
}
