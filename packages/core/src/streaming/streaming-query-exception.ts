/** Why a streaming query terminated: `query.exception()`, and what `awaitTermination()` rejects with. */
export class StreamingQueryException extends Error {
  override readonly name = 'StreamingQueryException';

  constructor(
    readonly queryName: string | null,
    readonly queryId: string,
    readonly runId: string,
    override readonly cause: Error,
  ) {
    // Spark's prettyIdString: the name and a space only when the query has one.
    super(`Query ${queryName === null ? '' : `${queryName} `}[id = ${queryId}, runId = ${runId}] terminated with exception: ${cause.message}`);
  }
}
