import { describe, expect, it } from 'vitest';
import {
  AnalysisError, LONG, Options, STRING, Session, StructType, createSinkBatch, type ForeachWriter, type Row,
} from '@caudal/core';
import { ForeachSink, ForeachSinkProvider } from '../src/index.ts';
import { batchOf } from './helpers/batch-of.ts';
import { makeContext } from './helpers/sink-context.ts';
import { thrown } from './helpers/thrown.ts';

const schema = new StructType().add('word', STRING).add('n', LONG);
const session = Session.builder().create();
const twoParts = createSinkBatch(session, 7, schema, [batchOf(schema, [['a', 1], ['b', 2]]), batchOf(schema, [['c', 3]])]);

/** A writer that records every call in order. */
function recorder(opts: { open?: boolean; failOn?: string; failWith?: unknown } = {}): { writer: ForeachWriter; calls: unknown[][] } {
  const calls: unknown[][] = [];
  const writer: ForeachWriter = {
    open: async (partitionId, epochId) => {
      calls.push(['open', partitionId, epochId]);
      return opts.open ?? true;
    },
    process: async (row: Row) => {
      calls.push(['process', row]);
      if (row['word'] === opts.failOn) throw opts.failWith ?? new Error(`bad row ${String(row['word'])}`);
    },
    close: async (error) => {
      calls.push(['close', error]);
    },
  };
  return { writer, calls };
}

describe('ForeachSink', () => {
  it('calls open(0, batchId), process per row, then close(null)', async () => {
    const { writer, calls } = recorder();
    await new ForeachSink(writer).addBatch(twoParts, 'append');
    expect(calls).toEqual([
      ['open', 0, 7],
      ['process', { word: 'a', n: 1 }],
      ['process', { word: 'b', n: 2 }],
      ['process', { word: 'c', n: 3 }],
      ['close', null],
    ]);
  });

  it('skips the rows but still closes when open returns false', async () => {
    const { writer, calls } = recorder({ open: false });
    await new ForeachSink(writer).addBatch(twoParts, 'append');
    expect(calls).toEqual([['open', 0, 7], ['close', null]]);
  });

  it('opens and closes for an empty batch too', async () => {
    const { writer, calls } = recorder();
    await new ForeachSink(writer).addBatch(createSinkBatch(session, 3, schema, []), 'update');
    expect(calls).toEqual([['open', 0, 3], ['close', null]]);
  });

  it('works with a writer that has only process', async () => {
    const seen: Row[] = [];
    await new ForeachSink({ process: (row) => void seen.push(row) }).addBatch(twoParts, 'complete');
    expect(seen.map((r) => r['word'])).toEqual(['a', 'b', 'c']);
  });

  it('closes with the error, stops processing and rethrows when process fails', async () => {
    const failure = new Error('disk full');
    const { writer, calls } = recorder({ failOn: 'b', failWith: failure });
    await expect(new ForeachSink(writer).addBatch(twoParts, 'append')).rejects.toBe(failure);
    expect(calls).toEqual([
      ['open', 0, 7],
      ['process', { word: 'a', n: 1 }],
      ['process', { word: 'b', n: 2 }],
      ['close', failure],
    ]);
  });

  it('wraps a non-Error failure for close and rethrows the original value', async () => {
    const { writer, calls } = recorder({ failOn: 'a', failWith: 'boom' });
    await expect(new ForeachSink(writer).addBatch(twoParts, 'append')).rejects.toBe('boom');
    const closeArg = calls.at(-1)?.[1];
    expect(closeArg).toBeInstanceOf(Error);
    expect((closeArg as Error).message).toBe('boom');
  });

  it('reports the row failure even if close also fails', async () => {
    const failure = new Error('bad row');
    const writer: ForeachWriter = {
      process: () => {
        throw failure;
      },
      close: (error) => {
        if (error) throw new Error('close failed');
      },
    };
    await expect(new ForeachSink(writer).addBatch(twoParts, 'append')).rejects.toBe(failure);
  });

  it('propagates a failure in open without calling close', async () => {
    const calls: string[] = [];
    const writer: ForeachWriter = {
      open: () => {
        throw new Error('cannot connect');
      },
      process: () => void calls.push('process'),
      close: () => void calls.push('close'),
    };
    await expect(new ForeachSink(writer).addBatch(twoParts, 'append')).rejects.toThrow('cannot connect');
    expect(calls).toEqual([]);
  });

  it('is created from the context writer, and fails clearly without one', () => {
    const { writer } = recorder();
    const p = new ForeachSinkProvider();
    expect(p.createSink(new Options(), makeContext(schema, { foreachWriter: writer })).description).toBe('ForeachSink');
    const err = thrown(() => p.createSink(new Options(), makeContext(schema)));
    expect(err).toBeInstanceOf(AnalysisError);
    expect(err.message).toBe('foreach writer cannot be missing: pass one with writeStream.foreach({ open, process, close })');
    expect(thrown(() => p.createSink(new Options(), makeContext(schema, { foreachWriter: writer, partitionBy: ['word'] }))).message)
      .toBe("'foreach' does not support partitioning (partitionBy(word)); remove partitionBy for this sink");
    expect(p.requiresCheckpointLocation).toBe(false);
    expect([...p.supportedOutputModes].sort()).toEqual(['append', 'complete', 'update']);
  });
});
