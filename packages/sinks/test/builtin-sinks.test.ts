import { describe, expect, it } from 'vitest';
import { LONG, Options, Session, StructType, createSinkBatch, lookupSink, type SinkOptionsFor } from '@caudal/core';
import { NoopSink, registerBuiltinSinks } from '../src/index.ts';
import { batchOf } from './helpers/batch-of.ts';
import { makeContext } from './helpers/sink-context.ts';

describe('registerBuiltinSinks', () => {
  it('registers every sink of the package, looked up case-insensitively', () => {
    registerBuiltinSinks();
    registerBuiltinSinks();
    for (const [name, format] of [['console', 'console'], ['MEMORY', 'memory'], ['foreachbatch', 'foreachBatch'], ['foreach', 'foreach'], ['noop', 'noop']]) {
      const p = lookupSink(name!);
      expect(p.format).toBe(format);
      expect(p.requiresCheckpointLocation).toBe(false);
    }
  });
});

describe('NoopSink', () => {
  it('discards every batch in any mode', async () => {
    registerBuiltinSinks();
    const schema = new StructType().add('id', LONG);
    const session = Session.builder().create();
    const sink = lookupSink('noop').createSink(new Options(), makeContext(schema));
    expect(sink).toBeInstanceOf(NoopSink);
    expect(sink.description).toBe('NoopSink');
    for (const mode of ['append', 'update', 'complete'] as const) await sink.addBatch(createSinkBatch(session, 0, schema, [batchOf(schema, [[1]])]), mode);
    await sink.stop();
    await sink.stop();
  });
});

describe('typed sink options', () => {
  it('type-checks console options by format', () => {
    const ok: SinkOptionsFor<'console'> = { numRows: 5, truncate: false, checkpointLocation: '/tmp/x' };
    // @ts-expect-error numRows is a number
    const bad: SinkOptionsFor<'console'> = { numRows: 'five' };
    const memory: SinkOptionsFor<'memory'> = { checkpointLocation: '/tmp/y' };
    expect([ok, bad, memory]).toHaveLength(3);
  });
});
