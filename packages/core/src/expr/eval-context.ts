/** Per-batch values an expression may read: the batch timestamp (stable on replay) and the session zone. */
export interface EvalContext {
  readonly batchTimestampMs: number;
  readonly timeZone: string;
}
