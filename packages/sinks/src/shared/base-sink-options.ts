/**
 * Options every streaming sink accepts (the writer passes them through `.option(...)`).
 *
 * @example
 * ```ts
 * import type { BaseSinkOptions } from 'caudal';
 * const options: BaseSinkOptions = { checkpointLocation: '/tmp/checkpoints/counts' };
 * await counts.writeStream.outputMode('complete').format('memory').queryName('counts').options(options).start();
 * // PySpark: counts.writeStream.format("memory").queryName("counts").option("checkpointLocation", "/tmp/checkpoints/counts").start()
 * ```
 */
export interface BaseSinkOptions {
  /** Where the query keeps offsets and commits; optional for the built-in sinks in this package. */
  readonly checkpointLocation?: string;
}
