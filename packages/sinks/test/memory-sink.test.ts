import { describe, expect, it } from 'vitest';
import {
  AnalysisError, LONG, Options, STRING, Session, StructType, createSinkBatch, type ColumnBatch, type TableProvider,
} from '@caudal/core';
import { MemorySink, MemorySinkProvider } from '../src/index.ts';
import { batchOf } from './helpers/batch-of.ts';
import { makeContext } from './helpers/sink-context.ts';
import { thrown } from './helpers/thrown.ts';

const schema = new StructType().add('word', STRING).add('n', LONG);
const session = Session.builder().create();
const rowsOf = (batches: readonly ColumnBatch[]): unknown[][] => batches.flatMap((b) => Array.from({ length: b.numRows }, (_, i) => b.rowValues(i)));
const batch = (id: number, ...parts: unknown[][][]) => createSinkBatch(session, id, schema, parts.map((rows) => batchOf(schema, rows)));

function start(queryName: string | null = 'counts'): { sink: MemorySink; table: () => TableProvider } {
  // Its own session, so each test starts with an empty catalog.
  const own = Session.builder().create();
  const sink = new MemorySinkProvider().createSink(new Options(), makeContext(schema, { session: own, queryName })) as MemorySink;
  const table = (): TableProvider => {
    const entry = own.catalog.lookup('COUNTS');
    if (entry.kind !== 'table') throw new Error('expected a table');
    return entry.provider;
  };
  return { sink, table };
}

describe('MemorySink', () => {
  it('requires a query name', () => {
    for (const name of [null, '']) {
      const err = thrown(() => new MemorySinkProvider().createSink(new Options(), makeContext(schema, { queryName: name })));
      expect(err).toBeInstanceOf(AnalysisError);
      expect(err.message).toBe('queryName must be specified for memory sink');
    }
  });

  it('rejects partitionBy', () => {
    const err = thrown(() => new MemorySinkProvider().createSink(new Options(), makeContext(schema, { queryName: 'q', partitionBy: ['word'] })));
    expect(err.message).toBe("'memory' does not support partitioning (partitionBy(word)); remove partitionBy for this sink");
  });

  it('registers its table under the query name at start, empty until the first batch', () => {
    const { sink, table } = start();
    expect(table()).toBe(sink);
    expect(table().schema).toBe(schema);
    expect(table().snapshot()).toEqual([]);
    expect(sink.description).toBe('MemorySink');
  });

  it('appends each batch in append mode', async () => {
    const { sink, table } = start();
    await sink.addBatch(batch(0, [['a', 1], ['b', 2]], [['c', 3]]), 'append');
    await sink.addBatch(batch(1, [['d', 4]]), 'append');
    expect(rowsOf(table().snapshot())).toEqual([['a', 1], ['b', 2], ['c', 3], ['d', 4]]);
    expect(sink.latestBatchId).toBe(1);
    expect(sink.numRows).toBe(4);
  });

  it('treats update as append', async () => {
    const { sink, table } = start();
    await sink.addBatch(batch(0, [['a', 1]]), 'update');
    await sink.addBatch(batch(1, [['a', 2]]), 'update');
    expect(rowsOf(table().snapshot())).toEqual([['a', 1], ['a', 2]]);
  });

  it('replaces its contents in complete mode', async () => {
    const { sink, table } = start();
    await sink.addBatch(batch(0, [['a', 1], ['b', 1]]), 'complete');
    await sink.addBatch(batch(1, [['a', 2]], [['b', 1]]), 'complete');
    expect(rowsOf(table().snapshot())).toEqual([['a', 2], ['b', 1]]);
    await sink.addBatch(batch(2), 'complete');
    expect(rowsOf(table().snapshot())).toEqual([]);
  });

  it('skips a replayed batch id (idempotent)', async () => {
    const { sink, table } = start();
    await sink.addBatch(batch(0, [['a', 1]]), 'append');
    await sink.addBatch(batch(1, [['b', 2]]), 'append');
    await sink.addBatch(batch(1, [['b', 2]]), 'append');
    await sink.addBatch(batch(0, [['a', 1]]), 'append');
    expect(rowsOf(table().snapshot())).toEqual([['a', 1], ['b', 2]]);
    await sink.addBatch(batch(1, [['x', 9]]), 'complete');
    expect(rowsOf(table().snapshot())).toEqual([['a', 1], ['b', 2]]);
    await sink.addBatch(batch(2, [['c', 3]]), 'append');
    expect(rowsOf(table().snapshot())).toEqual([['a', 1], ['b', 2], ['c', 3]]);
  });

  it('counts an empty batch as added', async () => {
    const { sink } = start();
    await sink.addBatch(batch(0), 'append');
    expect(sink.latestBatchId).toBe(0);
    expect(sink.snapshot()).toEqual([]);
  });

  it('gives snapshots that later batches do not change', async () => {
    const { sink, table } = start();
    await sink.addBatch(batch(0, [['a', 1]]), 'append');
    const before = table().snapshot();
    await sink.addBatch(batch(1, [['b', 2]]), 'append');
    await sink.addBatch(batch(2, [['c', 3]]), 'complete');
    expect(rowsOf(before)).toEqual([['a', 1]]);
  });

  it('keeps its rows after stop, and clear empties them', async () => {
    const { sink, table } = start();
    await sink.addBatch(batch(0, [['a', 1]]), 'append');
    await sink.stop();
    expect(rowsOf(table().snapshot())).toEqual([['a', 1]]);
    sink.clear();
    expect(table().snapshot()).toEqual([]);
  });

  it('needs no checkpoint location and accepts every output mode', () => {
    const p = new MemorySinkProvider();
    expect(p.format).toBe('memory');
    expect(p.requiresCheckpointLocation).toBe(false);
    expect([...p.supportedOutputModes].sort()).toEqual(['append', 'complete', 'update']);
  });
});
