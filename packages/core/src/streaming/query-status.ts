/** `query.status`, with Spark's messages (`Waiting for data to arrive`, `Processing new data`, ...). */
export interface StreamingQueryStatus {
  readonly message: string;
  readonly isDataAvailable: boolean;
  readonly isTriggerActive: boolean;
}
