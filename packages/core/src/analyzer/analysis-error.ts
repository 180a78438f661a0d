/**
 * A query that cannot run as written: an unknown column, a type mismatch, an unsupported operation or
 * output mode. Raised while the plan is built or at `start()`, before any data is read.
 */
export class AnalysisError extends Error {
  /** Always `AnalysisError` (Spark's exception class name). */
  override readonly name = 'AnalysisError';
}
