import { afterEach, describe, expect, it } from 'vitest';
import { MemoryStream, STRING, Session, StructType, col, explode, split, type DataFrame, type ForeachWriter } from 'caudal';

const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function wordCounts(): { input: MemoryStream; counts: DataFrame } {
  const session = Session.builder().create();
  cleanups.push(() => session.stop());
  const input = new MemoryStream(session, new StructType().add('value', STRING));
  return { input, counts: input.toDF().select(explode(split(col('value'), ' ')).alias('word')).groupBy('word').count() };
}

/** A writer that records every call in order; `open` accepts the epochs in `accept` (all when absent). */
function recorder(accept?: readonly number[]): { writer: ForeachWriter; calls: unknown[][] } {
  const calls: unknown[][] = [];
  return {
    calls,
    writer: {
      open: (partitionId, epochId) => {
        calls.push(['open', partitionId, epochId]);
        return accept === undefined || accept.includes(epochId);
      },
      process: async (row) => {
        calls.push(['process', row]);
      },
      close: (error) => {
        calls.push(['close', error]);
      },
    },
  };
}

describe('foreach sink in a running query', () => {
  it('calls open(0, batchId), process for each row, then close(null), batch after batch', async () => {
    const { input, counts } = wordCounts();
    const { writer, calls } = recorder();
    const query = await counts.writeStream.outputMode('update').foreach(writer).start();
    input.addData([['a b a']]);
    await query.processAllAvailable();
    input.addData([['b c']]);
    await query.processAllAvailable();
    await query.stop();
    expect(calls).toEqual([
      ['open', 0, 0],
      ['process', { word: 'a', count: 2 }],
      ['process', { word: 'b', count: 1 }],
      ['close', null],
      ['open', 0, 1],
      ['process', { word: 'b', count: 2 }],
      ['process', { word: 'c', count: 1 }],
      ['close', null],
    ]);
  });

  it('skips the rows of an epoch whose open returns false, and still closes it', async () => {
    const { input, counts } = wordCounts();
    const { writer, calls } = recorder([1]);
    const query = await counts.writeStream.outputMode('complete').foreach(writer).start();
    input.addData([['a']]);
    await query.processAllAvailable();
    input.addData([['b']]);
    await query.processAllAvailable();
    await query.stop();
    expect(calls).toEqual([
      ['open', 0, 0],
      ['close', null],
      ['open', 0, 1],
      ['process', { word: 'a', count: 1 }],
      ['process', { word: 'b', count: 1 }],
      ['close', null],
    ]);
  });

  it('accepts a plain function as the process step', async () => {
    const { input, counts } = wordCounts();
    const rows: unknown[] = [];
    const query = await counts.writeStream.outputMode('complete').foreach((row) => void rows.push(row)).start();
    input.addData([['x y x']]);
    await query.processAllAvailable();
    await query.stop();
    expect(rows).toEqual([{ word: 'x', count: 2 }, { word: 'y', count: 1 }]);
  });

  it('fails the query with the error process threw, after closing with it', async () => {
    const { input, counts } = wordCounts();
    const closedWith: (Error | null)[] = [];
    const failure = new Error('cannot write word b');
    const query = await counts.writeStream.outputMode('update').foreach({
      process: (row) => {
        if (row['word'] === 'b') throw failure;
      },
      close: (error) => void closedWith.push(error),
    }).start();
    input.addData([['a b']]);
    await expect(query.processAllAvailable()).rejects.toThrow('cannot write word b');
    expect(query.isActive).toBe(false);
    expect(query.exception()?.cause).toBe(failure);
    expect(closedWith).toEqual([failure]);
  });
});
