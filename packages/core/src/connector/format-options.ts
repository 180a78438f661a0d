import type { OptionValue } from './options.ts';

/**
 * Typed options per format. Connector packages add their formats by declaration merging:
 * `declare module '@caudal/core' { interface SourceOptionsByFormat { rate: RateSourceOptions } }`,
 * so `readStream.format('rate').options({ rowsPerSecond: 10 })` is checked by the compiler.
 * Unknown formats still accept any string-keyed options, as in Spark.
 *
 * @example
 * ```ts
 * import type { SourceOptionsByFormat } from 'caudal';
 * // The built-in formats are declared, so their options are checked by the compiler:
 * const rate: SourceOptionsByFormat['rate'] = { rowsPerSecond: 100, rampUpTime: '10s' };
 * spark.readStream.format('rate').options(rate).load();
 * // A connector package declares its own: declare module '@caudal/core' { interface SourceOptionsByFormat { mine: MyOptions } }
 * ```
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface SourceOptionsByFormat {}
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
/**
 * Typed options per sink format; sink packages add their formats here by declaration merging.
 *
 * @example
 * ```ts
 * import type { SinkOptionsByFormat } from 'caudal';
 * const csv: SinkOptionsByFormat['csv'] = { path: 'out/counts', header: true, checkpointLocation: 'chk/counts' };
 * await df.select('id', 'amount').writeStream.format('csv').options(csv).start();
 * ```
 */
export interface SinkOptionsByFormat {}

/**
 * Options of any format: string, number or boolean values by key.
 *
 * @example
 * ```ts
 * import type { GenericOptions } from 'caudal';
 * // Options for a format without a typed declaration: any string-keyed values.
 * const options: GenericOptions = { path: 'data/in', customFlag: true, retries: 3 };
 * spark.read.format('json').options(options).load();
 * ```
 */
export type GenericOptions = Readonly<Record<string, OptionValue>>;

/**
 * The typed options of source format `F`, or generic options for a format without a declaration.
 *
 * @example
 * ```ts
 * import type { SourceOptionsFor } from 'caudal';
 * const socket: SourceOptionsFor<'socket'> = { host: 'localhost', port: 9999, includeTimestamp: true };
 * const lines = spark.readStream.format('socket').options(socket).load();
 * // PySpark: spark.readStream.format("socket").option("host", "localhost").option("port", 9999).load()
 * ```
 */
export type SourceOptionsFor<F extends string> = F extends keyof SourceOptionsByFormat ? SourceOptionsByFormat[F] : GenericOptions;
/**
 * The typed options of sink format `F`, or generic options for a format without a declaration.
 *
 * @example
 * ```ts
 * import type { SinkOptionsFor } from 'caudal';
 * const shown: SinkOptionsFor<'console'> = { numRows: 50, truncate: false };
 * await df.writeStream.format('console').options(shown).start();
 * // PySpark: df.writeStream.format("console").option("numRows", 50).option("truncate", False).start()
 * ```
 */
export type SinkOptionsFor<F extends string> = F extends keyof SinkOptionsByFormat ? SinkOptionsByFormat[F] : GenericOptions;
