import type { OptionValue } from './options.ts';

/**
 * Typed options per format. Connector packages add their formats by declaration merging:
 * `declare module '@caudal/core' { interface SourceOptionsByFormat { rate: RateSourceOptions } }`,
 * so `readStream.format('rate').options({ rowsPerSecond: 10 })` is checked by the compiler.
 * Unknown formats still accept any string-keyed options, as in Spark.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface SourceOptionsByFormat {}
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
/** Typed options per sink format; sink packages add their formats here by declaration merging. */
export interface SinkOptionsByFormat {}

/** Options of any format: string, number or boolean values by key. */
export type GenericOptions = Readonly<Record<string, OptionValue>>;

/** The typed options of source format `F`, or generic options for a format without a declaration. */
export type SourceOptionsFor<F extends string> = F extends keyof SourceOptionsByFormat ? SourceOptionsByFormat[F] : GenericOptions;
/** The typed options of sink format `F`, or generic options for a format without a declaration. */
export type SinkOptionsFor<F extends string> = F extends keyof SinkOptionsByFormat ? SinkOptionsByFormat[F] : GenericOptions;
