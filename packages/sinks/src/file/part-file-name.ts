/**
 * Spark's part-file name: `part-<task, 5 digits>-<write job uuid>.c<file counter, 3 digits><extension>`,
 * e.g. `part-00000-8d1c…-….c000.snappy.parquet`. Each batch is one write job with a fresh uuid, so a
 * replayed or retried batch never overwrites files of an earlier attempt.
 */
export function partFileName(task: number, jobId: string, fileCounter: number, extension: string): string {
  return `part-${String(task).padStart(5, '0')}-${jobId}.c${String(fileCounter).padStart(3, '0')}${extension}`;
}
