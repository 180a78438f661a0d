import { afterEach, describe, expect, it } from 'vitest';
import { LONG, ManualClock, MemoryStream, STRING, Session, StructType } from 'caudal';

// StreamingQueryProgress: Spark's field names, JSON field order, and exact counts. A manual clock makes
// every duration exact: the foreachBatch function below is the only thing that moves time.

const schema = new StructType().add('word', STRING).add('n', LONG);
const T0 = 1_700_000_000_000;

let session: Session | undefined;
afterEach(async () => { await session?.stop(); session = undefined; });

describe('query progress', () => {
  it('reports each batch with exact counts, durations, and Spark\'s JSON field order', async () => {
    const clock = new ManualClock(T0);
    session = Session.builder().clock(clock).create();
    const stream = new MemoryStream(session, schema);
    const query = await stream.toDF().groupBy('word').count().writeStream.queryName('progress').outputMode('complete')
      .foreachBatch(() => { clock.advance(250); }) // each batch spends 250 ms in the sink
      .start();
    expect(query.lastProgress).toBeNull();
    expect(query.recentProgress).toEqual([]);

    stream.addData([{ word: 'a', n: 1 }, { word: 'b', n: 2 }, { word: 'a', n: 3 }]);
    await query.processAllAvailable();
    clock.advance(1_750); // the next trigger starts 2 s after the first
    stream.addData([{ word: 'c', n: 4 }, { word: 'a', n: 5 }]);
    await query.processAllAvailable();

    const [first, second] = query.recentProgress;
    expect(query.recentProgress).toHaveLength(2);
    expect(query.lastProgress).toBe(second);
    expect(first!.batchId).toBe(0);
    expect(first!.numInputRows).toBe(3);
    expect(first!.processedRowsPerSecond).toBe(12); // 3 rows in 0.25 s
    expect(first!.stateOperators[0]).toMatchObject({ numRowsTotal: 2, numRowsUpdated: 2 });
    expect(first!.sources[0]!.startOffset).toBeNull(); // a new query's first batch starts from nothing

    const p = second!;
    const parsed = JSON.parse(p.json) as { stateOperators: { memoryUsedBytes: number }[] };
    const memoryUsedBytes = parsed.stateOperators[0]!.memoryUsedBytes;
    expect(Number.isInteger(memoryUsedBytes) && memoryUsedBytes > 0).toBe(true);
    // Fields in Spark's order; eventTime, observedMetrics and empty metrics maps are left out, as Spark does.
    const expected = {
      id: query.id,
      runId: query.runId,
      name: 'progress',
      timestamp: new Date(T0 + 2_000).toISOString(),
      batchId: 1,
      batchDuration: 250,
      numInputRows: 2,
      inputRowsPerSecond: 1, // 2 rows since the trigger 2 s earlier
      processedRowsPerSecond: 8, // 2 rows in 0.25 s
      durationMs: { addBatch: 250, commitOffsets: 0, getBatch: 0, latestOffset: 0, queryPlanning: 0, triggerExecution: 250, walCommit: 0 },
      stateOperators: [{
        operatorName: 'stateStoreSave', numRowsTotal: 3, numRowsUpdated: 2, allUpdatesTimeMs: 0, numRowsRemoved: 0,
        allRemovalsTimeMs: 0, commitTimeMs: 0, memoryUsedBytes, numRowsDroppedByWatermark: 0, numShufflePartitions: 1,
        numStateStoreInstances: 1,
      }],
      sources: [{
        description: 'MemoryStream', startOffset: 1, endOffset: 2, latestOffset: 2, numInputRows: 2,
        inputRowsPerSecond: 1, processedRowsPerSecond: 8,
      }],
      sink: { description: 'ForeachBatchSink', numOutputRows: 3 },
    };
    expect(p.json).toBe(JSON.stringify(expected));
    expect(Object.keys(JSON.parse(p.json) as object)).toEqual([
      'id', 'runId', 'name', 'timestamp', 'batchId', 'batchDuration', 'numInputRows', 'inputRowsPerSecond',
      'processedRowsPerSecond', 'durationMs', 'stateOperators', 'sources', 'sink',
    ]);
    expect(JSON.parse(p.prettyJson)).toEqual(JSON.parse(p.json));
    expect(Object.keys(p.durationMs).sort()).toEqual(
      ['addBatch', 'commitOffsets', 'getBatch', 'latestOffset', 'queryPlanning', 'triggerExecution', 'walCommit'],
    );
  });

  it('names the memory sink and a null query name in the JSON', async () => {
    session = Session.builder().create();
    const stream = new MemoryStream(session, schema);
    const named = await stream.toDF().writeStream.format('memory').queryName('rows_table').start();
    const unnamed = await stream.toDF().writeStream.foreachBatch(() => {}).start();
    stream.addData([{ word: 'x', n: 1 }]);
    await named.processAllAvailable();
    await unnamed.processAllAvailable();
    expect(named.lastProgress!.sink).toEqual({ description: 'MemorySink', numOutputRows: 1, metrics: {} });
    expect(named.lastProgress!.sources[0]!.description).toBe('MemoryStream');
    expect(named.lastProgress!.stateOperators).toEqual([]);
    expect((JSON.parse(unnamed.lastProgress!.json) as { name: unknown }).name).toBeNull();
  });

  it('keeps at most spark.sql.streaming.numRecentProgressUpdates reports', async () => {
    session = Session.builder().config('spark.sql.streaming.numRecentProgressUpdates', 3).create();
    const stream = new MemoryStream(session, schema);
    const query = await stream.toDF().writeStream.format('memory').queryName('bounded').start();
    for (let i = 0; i < 5; i++) {
      stream.addData([{ word: `w${i}`, n: i }]);
      await query.processAllAvailable();
    }
    expect(query.recentProgress.map((p) => p.batchId)).toEqual([2, 3, 4]);
    expect(query.lastProgress!.batchId).toBe(4);
  });
});
