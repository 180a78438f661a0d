import { AnalysisError, type StructType } from '@caudal/core';

/** The built-in sources have a fixed schema; Spark rejects `.schema(...)` for them before checking any option. */
export function rejectUserSchema(format: string, userSchema: StructType | undefined): void {
  if (userSchema !== undefined) throw new AnalysisError(`The ${format} source does not support a user-specified schema.`);
}
