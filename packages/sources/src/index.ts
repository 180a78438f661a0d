// The public API of @caudal/sources: the built-in streaming sources `rate`, `rate-micro-batch` and `socket`.
import { registerSource } from '@caudal/core';
import type { RateMicroBatchSourceOptions } from './rate-micro-batch/rate-micro-batch-options.ts';
import { rateMicroBatchProvider } from './rate-micro-batch/rate-micro-batch-provider.ts';
import type { RateSourceOptions } from './rate/rate-options.ts';
import { rateProvider } from './rate/rate-provider.ts';
import type { SocketSourceOptions } from './socket/socket-options.ts';
import { socketProvider } from './socket/socket-provider.ts';

export type { RateSourceOptions } from './rate/rate-options.ts';
export type { RateMicroBatchSourceOptions } from './rate-micro-batch/rate-micro-batch-options.ts';
export type { SocketSourceOptions } from './socket/socket-options.ts';
export { rateProvider, rateMicroBatchProvider, socketProvider };

// Typed `readStream.format(name).options({...})` for these formats.
declare module '@caudal/core' {
  interface SourceOptionsByFormat {
    rate: RateSourceOptions;
    'rate-micro-batch': RateMicroBatchSourceOptions;
    socket: SocketSourceOptions;
  }
}

/** Registers `rate`, `rate-micro-batch` and `socket` with the format registry (idempotent). */
export function registerBuiltinSources(): void {
  registerSource(rateProvider);
  registerSource(rateMicroBatchProvider);
  registerSource(socketProvider);
}
