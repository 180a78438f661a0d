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
export interface SinkOptionsByFormat {}

export type GenericOptions = Readonly<Record<string, OptionValue>>;

export type SourceOptionsFor<F extends string> = F extends keyof SourceOptionsByFormat ? SourceOptionsByFormat[F] : GenericOptions;
export type SinkOptionsFor<F extends string> = F extends keyof SinkOptionsByFormat ? SinkOptionsByFormat[F] : GenericOptions;
