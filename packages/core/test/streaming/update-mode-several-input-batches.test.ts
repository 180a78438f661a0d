import { afterEach, describe, expect, it } from 'vitest';
import { LONG, MemoryStream, STRING, Session, StructType, count, max } from 'caudal';

// A micro-batch whose input arrives as several column batches (two addData calls, or several files of a
// file source) must still emit each changed group once in update mode, with its total over all of them.

const schema = new StructType().add('word', STRING).add('n', LONG);
let session: Session | undefined;
afterEach(async () => { await session?.stop(); session = undefined; });

describe('update mode over a micro-batch of several input batches', () => {
  it('emits each changed group once, with the totals over every input batch', async () => {
    session = Session.builder().create();
    const stream = new MemoryStream(session, schema);
    stream.addData([{ word: 'a', n: 1 }, { word: 'b', n: 2 }]);
    stream.addData([{ word: 'a', n: 5 }, { word: 'c', n: 3 }]);
    const query = await stream.toDF().groupBy('word').agg(count('*').alias('rows'), max('n').alias('hi'))
      .writeStream.format('memory').queryName('changes').outputMode('update').trigger({ availableNow: true }).start();
    await query.awaitTermination();
    expect(query.recentProgress.map((p) => [p.numInputRows, p.sink.numOutputRows])).toEqual([[4, 3]]);
    expect(await session.table('changes').orderBy('word').collect()).toEqual([
      { word: 'a', rows: 2, hi: 5 },
      { word: 'b', rows: 1, hi: 2 },
      { word: 'c', rows: 1, hi: 3 },
    ]);
  });
});
