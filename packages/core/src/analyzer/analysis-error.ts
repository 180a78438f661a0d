/**
 * A query that cannot run as written: an unknown column, a type mismatch, an unsupported operation or
 * output mode. Raised while the plan is built or at `start()`, before any data is read.
 *
 * @example
 * ```ts
 * import { AnalysisError, col } from 'caudal';
 * try {
 *   df.select(col('amout'));
 * } catch (e) {
 *   if (e instanceof AnalysisError) console.error(e.message); // A column or function parameter with name `amout` cannot be resolved. ...
 * }
 * // PySpark: except AnalysisException as e: print(e)
 * ```
 */
export class AnalysisError extends Error {
  /** Always `AnalysisError` (Spark's exception class name). */
  override readonly name = 'AnalysisError';
}
