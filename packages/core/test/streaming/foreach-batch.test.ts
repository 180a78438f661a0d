import { afterEach, describe, expect, it } from 'vitest';
import { AnalysisError, LONG, MemoryStream, STRING, Session, StructType, col, sum, type DataFrame, type Row } from 'caudal';
import { captureStdout } from './support/capture-output.ts';

// foreachBatch hands user code each micro-batch as a static DataFrame with its batch id.

const schema = new StructType().add('word', STRING).add('n', LONG);
const batches = [
  [{ word: 'a', n: 1 }, { word: 'b', n: 2 }, { word: 'a', n: 3 }],
  [{ word: 'c', n: 4 }],
  [{ word: 'b', n: 5 }, { word: 'b', n: 6 }],
];

interface Seen {
  batchId: number;
  isStreaming: boolean;
  count: number;
  rows: Row[];
  big: Row[];
  perWord: Row[];
  shown: string;
  writeStreamError: string;
}

let session: Session | undefined;
afterEach(async () => { await session?.stop(); session = undefined; });

describe('foreachBatch', () => {
  it('receives batch ids 0, 1, 2 with static DataFrames that support batch operations', async () => {
    session = Session.builder().create();
    const stream = new MemoryStream(session, schema);
    const seen: Seen[] = [];
    let everything: DataFrame | undefined;

    const query = await stream.toDF().writeStream.foreachBatch(async (batchDf, batchId) => {
      let writeStreamError = '';
      try {
        void batchDf.writeStream;
      } catch (e) {
        writeStreamError = e instanceof AnalysisError ? e.message : `not an AnalysisError: ${String(e)}`;
      }
      seen.push({
        batchId,
        isStreaming: batchDf.isStreaming,
        count: await batchDf.count(),
        rows: await batchDf.collect(),
        big: await batchDf.filter(col('n').gt(2)).collect(),
        perWord: await batchDf.groupBy('word').count().orderBy('word').collect(),
        shown: await batchDf.showString(),
        writeStreamError,
      });
      await batchDf.show();
      // Static operations across batches: keep a union of every batch seen so far.
      everything = everything === undefined ? batchDf : everything.union(batchDf);
    }).start();

    const { text: printed } = await captureStdout(async () => {
      for (const b of batches) {
        stream.addData(b);
        await query.processAllAvailable();
      }
    });

    expect(seen.map((s) => s.batchId)).toEqual([0, 1, 2]);
    expect(seen.map((s) => s.isStreaming)).toEqual([false, false, false]);
    expect(seen.map((s) => s.count)).toEqual([3, 1, 2]);
    expect(seen.map((s) => s.rows)).toEqual(batches);
    expect(seen.map((s) => s.big)).toEqual([[{ word: 'a', n: 3 }], [{ word: 'c', n: 4 }], [{ word: 'b', n: 5 }, { word: 'b', n: 6 }]]);
    expect(seen.map((s) => s.perWord)).toEqual([
      [{ word: 'a', count: 2 }, { word: 'b', count: 1 }],
      [{ word: 'c', count: 1 }],
      [{ word: 'b', count: 2 }],
    ]);
    expect(seen.map((s) => s.writeStreamError)).toEqual(Array(3).fill("'writeStream' can be called only on streaming Dataset/DataFrame"));
    expect(seen[0]!.shown).toBe(
      '+----+---+\n' +
      '|word|  n|\n' +
      '+----+---+\n' +
      '|   a|  1|\n' +
      '|   b|  2|\n' +
      '|   a|  3|\n' +
      '+----+---+\n',
    );
    // show() prints the same table followed by a blank line.
    expect(printed).toBe(seen.map((s) => `${s.shown}\n`).join(''));

    // The union built inside foreachBatch is an ordinary static DataFrame, usable after the query.
    expect(everything!.isStreaming).toBe(false);
    expect(await everything!.groupBy('word').agg(sum('n').alias('total')).orderBy('word').collect()).toEqual([
      { word: 'a', total: 4 }, { word: 'b', total: 13 }, { word: 'c', total: 4 },
    ]);
    // Progress names the sink.
    expect(query.recentProgress.map((p) => p.sink.description)).toEqual(['ForeachBatchSink', 'ForeachBatchSink', 'ForeachBatchSink']);
  });
});
