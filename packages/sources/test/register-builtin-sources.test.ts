import { describe, expect, it } from 'vitest';
import { lookupSource, type GenericOptions, type SourceOptionsFor } from '@caudal/core';
import { rateMicroBatchProvider, rateProvider, registerBuiltinSources, socketProvider } from '../src/index.ts';

describe('registerBuiltinSources', () => {
  it('registers rate, rate-micro-batch and socket (format names are case-insensitive)', () => {
    registerBuiltinSources();
    registerBuiltinSources(); // idempotent
    expect(lookupSource('rate')).toBe(rateProvider);
    expect(lookupSource('Rate-Micro-Batch')).toBe(rateMicroBatchProvider);
    expect(lookupSource('SOCKET')).toBe(socketProvider);
  });

  it('types the options of each format (checked by tsc)', () => {
    const rate: SourceOptionsFor<'rate'> = { rowsPerSecond: 10, rampUpTime: '5s', numPartitions: 2 };
    const perBatch: SourceOptionsFor<'rate-micro-batch'> = { rowsPerBatch: 100, startTimestamp: 0, advanceMillisPerBatch: 1000 };
    const socket: SourceOptionsFor<'socket'> = { host: 'localhost', port: 9999, includeTimestamp: true };
    // @ts-expect-error rowsPerSecond is a number
    const wrong: SourceOptionsFor<'rate'> = { rowsPerSecond: 'fast' };
    // The typed shapes stay usable where core takes generic options.
    const generic: GenericOptions[] = [rate, perBatch, socket];
    expect(generic).toHaveLength(3);
    expect(wrong).toBeDefined();
  });
});
