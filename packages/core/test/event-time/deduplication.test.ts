import { afterEach, describe, expect, it } from 'vitest';
import { MemoryStream, Session, StructType, type DataFrame } from 'caudal';

const schema = new StructType([
  { name: 'id', dataType: { kind: 'string' }, nullable: true },
  { name: 'ts', dataType: { kind: 'timestamp' }, nullable: true },
]);
const at = (hhmm: string): Date => new Date(`2024-01-01T${hhmm}:00Z`);
const sessions: Session[] = [];
afterEach(async () => { for (const s of sessions.splice(0)) await s.stop(); });

async function run(build: (df: DataFrame) => DataFrame, inputs: { id: string; ts: Date }[][]) {
  const session = Session.builder().create();
  sessions.push(session);
  const stream = new MemoryStream(session, schema);
  const batches: string[][] = [];
  const q = await build(stream.toDF()).writeStream.outputMode('append').foreachBatch(async (b) => {
    batches.push((await b.collect()).map((r) => `${String(r.id)}@${(r.ts as Date).toISOString().slice(11, 16)}`));
  }).start();
  for (const rows of inputs) {
    stream.addData(rows);
    await q.processAllAvailable();
  }
  return { q, batches };
}

describe('streaming deduplication', () => {
  it('dropDuplicates with the event-time column among the keys forgets keys the watermark has passed', async () => {
    const { q, batches } = await run((df) => df.withWatermark('ts', '10 minutes').dropDuplicates(['id', 'ts']), [
      [{ id: 'a', ts: at('12:00') }, { id: 'a', ts: at('12:00') }, { id: 'b', ts: at('12:05') }],
      [{ id: 'a', ts: at('12:00') }, { id: 'c', ts: at('12:30') }],
      [{ id: 'd', ts: at('12:01') }, { id: 'c', ts: at('12:30') }],
    ]);
    expect(batches.filter((b) => b.length > 0)).toEqual([['a@12:00', 'b@12:05'], ['c@12:30']]);
    // After batch 1 the watermark is 12:20: keys at 12:00 and 12:05 are evicted; 'd' at 12:01 is late.
    const p = q.recentProgress[q.recentProgress.length - 1]!;
    expect(p.stateOperators[0]?.numRowsDroppedByWatermark).toBe(1);
    expect(p.stateOperators[0]?.numRowsTotal).toBe(1);
  });

  it('dropDuplicatesWithinWatermark drops duplicates with different event times within the delay', async () => {
    const { batches } = await run((df) => df.withWatermark('ts', '10 minutes').dropDuplicatesWithinWatermark(['id']), [
      [{ id: 'a', ts: at('12:00') }, { id: 'a', ts: at('12:04') }],
      [{ id: 'a', ts: at('12:08') }, { id: 'b', ts: at('12:20') }],
      [{ id: 'c', ts: at('12:40') }],
      [{ id: 'a', ts: at('12:45') }],
    ]);
    // 'a' first seen at 12:00 expires when the watermark passes 12:10 (after 'c' moves it to 12:30).
    expect(batches.filter((b) => b.length > 0)).toEqual([['a@12:00'], ['b@12:20'], ['c@12:40'], ['a@12:45']]);
  });

  it('dropDuplicatesWithinWatermark needs a watermark and a stream', async () => {
    const session = Session.builder().create();
    sessions.push(session);
    const stream = new MemoryStream(session, schema);
    await expect(stream.toDF().dropDuplicatesWithinWatermark(['id']).writeStream.format('noop').start())
      .rejects.toThrow('dropDuplicatesWithinWatermark is not supported on streaming DataFrames/DataSets without watermark');
    await expect(session.createDataFrame([{ id: 'a' }]).dropDuplicatesWithinWatermark().collect())
      .rejects.toThrow('dropDuplicatesWithinWatermark is not supported with batch DataFrames/DataSets');
  });
});
