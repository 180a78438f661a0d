/**
 * `query.status`, with Spark's messages (`Waiting for data to arrive`, `Processing new data`, ...).
 *
 * @example
 * ```ts
 * import type { StreamingQueryStatus } from 'caudal';
 * const status: StreamingQueryStatus = query.status;
 * console.log(status.message, status.isDataAvailable, status.isTriggerActive); // 'Waiting for data to arrive' false false
 * // PySpark: print(query.status)
 * ```
 */
export interface StreamingQueryStatus {
  /** What the query is doing, in Spark's words (`Waiting for data to arrive`, `Processing new data`, ...). */
  readonly message: string;
  /** Whether new data is being processed. */
  readonly isDataAvailable: boolean;
  /** Whether a trigger is running. */
  readonly isTriggerActive: boolean;
}
