import { describe, expect, it } from 'vitest';
import { AnalysisError, LONG, Options, Session, StructType, createSinkBatch, type ForeachBatchFunction } from '@caudal/core';
import { ForeachBatchSink, ForeachBatchSinkProvider } from '../src/index.ts';
import { batchOf } from './helpers/batch-of.ts';
import { makeContext } from './helpers/sink-context.ts';
import { thrown } from './helpers/thrown.ts';

const schema = new StructType().add('id', LONG);
const session = Session.builder().create();
const batch = (id: number) => createSinkBatch(session, id, schema, [batchOf(schema, [[id]])]);

describe('ForeachBatchSink', () => {
  it("passes the batch's DataFrame and id, and waits for an async function", async () => {
    const events: string[] = [];
    const seen: unknown[] = [];
    const fn: ForeachBatchFunction = async (df, batchId) => {
      seen.push([await df.collect(), df.isStreaming, batchId]);
      await new Promise((r) => setTimeout(r, 5));
      events.push(`done ${batchId}`);
    };
    const sink = new ForeachBatchSinkProvider().createSink(new Options(), makeContext(schema, { foreachBatch: fn }));
    await sink.addBatch(batch(4), 'append');
    events.push('returned');
    await sink.addBatch(batch(5), 'complete');
    expect(events).toEqual(['done 4', 'returned', 'done 5']);
    expect(seen).toEqual([[[{ id: 4 }], false, 4], [[{ id: 5 }], false, 5]]);
    expect(sink.description).toBe('ForeachBatchSink');
  });

  it('passes the same id again on replay', async () => {
    const ids: number[] = [];
    const sink = new ForeachBatchSink((_df, id) => void ids.push(id));
    await sink.addBatch(batch(2), 'append');
    await sink.addBatch(batch(2), 'append');
    expect(ids).toEqual([2, 2]);
  });

  it('propagates errors, sync or async', async () => {
    const failure = new Error('write failed');
    await expect(new ForeachBatchSink(() => {
      throw failure;
    }).addBatch(batch(0), 'append')).rejects.toBe(failure);
    await expect(new ForeachBatchSink(async () => {
      throw failure;
    }).addBatch(batch(0), 'append')).rejects.toBe(failure);
  });

  it('fails clearly without a function', () => {
    const p = new ForeachBatchSinkProvider();
    const err = thrown(() => p.createSink(new Options(), makeContext(schema)));
    expect(err).toBeInstanceOf(AnalysisError);
    expect(err.message).toBe('foreachBatch function cannot be missing: pass one with writeStream.foreachBatch((batchDf, batchId) => ...)');
    expect(p.requiresCheckpointLocation).toBe(false);
    expect([...p.supportedOutputModes].sort()).toEqual(['append', 'complete', 'update']);
  });
});
