import { AnalysisError } from '../analyzer/analysis-error.ts';

/**
 * What a streaming query writes after each batch: new rows (`append`), changed rows (`update`), or the
 * whole result (`complete`).
 */
export type OutputMode = 'append' | 'update' | 'complete';

/** Parses a user's output mode case-insensitively, as Spark does. */
export function parseOutputMode(mode: string): OutputMode {
  const m = mode.toLowerCase();
  if (m === 'append' || m === 'update' || m === 'complete') return m;
  throw new AnalysisError(`Unknown output mode ${mode}. Accepted output modes are 'append', 'complete', 'update'`);
}

/** The mode as Spark's messages write it (`Append`, `Update`, `Complete`). */
export function modeTitle(mode: OutputMode): string {
  return mode === 'append' ? 'Append' : mode === 'update' ? 'Update' : 'Complete';
}
