import { AnalysisError } from '../analyzer/analysis-error.ts';

/**
 * What a streaming query writes after each batch: new rows (`append`), changed rows (`update`), or the
 * whole result (`complete`).
 *
 * @example
 * ```ts
 * import type { OutputMode } from 'caudal';
 * const mode: OutputMode = 'update';
 * await counts.writeStream.outputMode(mode).format('console').start();
 * // PySpark: counts.writeStream.outputMode("update").format("console").start()
 * ```
 */
export type OutputMode = 'append' | 'update' | 'complete';

/**
 * Parses a user's output mode case-insensitively, as Spark does.
 *
 * @example
 * ```ts
 * import { parseOutputMode } from 'caudal';
 * parseOutputMode('Complete'); // 'complete'
 * parseOutputMode('upsert'); // throws AnalysisError: Unknown output mode upsert. Accepted output modes are ...
 * ```
 */
export function parseOutputMode(mode: string): OutputMode {
  const m = mode.toLowerCase();
  if (m === 'append' || m === 'update' || m === 'complete') return m;
  throw new AnalysisError(`Unknown output mode ${mode}. Accepted output modes are 'append', 'complete', 'update'`);
}

/**
 * The mode as Spark's messages write it (`Append`, `Update`, `Complete`).
 *
 * @example
 * ```ts
 * import { modeTitle } from 'caudal';
 * console.log(`${modeTitle('append')} output mode not supported`); // 'Append output mode not supported'
 * ```
 */
export function modeTitle(mode: OutputMode): string {
  return mode === 'append' ? 'Append' : mode === 'update' ? 'Update' : 'Complete';
}
