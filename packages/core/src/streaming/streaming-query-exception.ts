/**
 * Why a streaming query terminated: `query.exception()`, and what `awaitTermination()` rejects with.
 *
 * @example
 * ```ts
 * import { StreamingQueryException } from 'caudal';
 * try {
 *   await query.awaitTermination();
 * } catch (e) {
 *   if (e instanceof StreamingQueryException) console.error(`${e.queryName ?? e.queryId} failed:`, e.cause.message);
 * }
 * // PySpark: except StreamingQueryException as e: print(e)
 * ```
 */
export class StreamingQueryException extends Error {
  /** Always `StreamingQueryException`. */
  override readonly name = 'StreamingQueryException';

  constructor(
    /** The failed query's name, or null. */
    readonly queryName: string | null,
    /** The failed query's id. */
    readonly queryId: string,
    /** The failed run's id. */
    readonly runId: string,
    /** The error that stopped the query. */
    override readonly cause: Error,
  ) {
    // Spark's prettyIdString: the name and a space only when the query has one.
    super(`Query ${queryName === null ? '' : `${queryName} `}[id = ${queryId}, runId = ${runId}] terminated with exception: ${cause.message}`);
  }
}
