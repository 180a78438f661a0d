import { afterEach, describe, expect, it } from 'vitest';
import { MemoryStream, Session, StructType, col, window } from 'caudal';

const schema = new StructType([
  { name: 'word', dataType: { kind: 'string' }, nullable: true },
  { name: 'ts', dataType: { kind: 'timestamp' }, nullable: true },
]);
const at = (hhmm: string): Date => new Date(`2024-01-01T${hhmm}:00Z`);
const sessions: Session[] = [];
afterEach(async () => { for (const s of sessions.splice(0)) await s.stop(); });

describe('late rows side output', () => {
  it('routes rows dropped by the watermark to a second sink instead of losing them', async () => {
    const session = Session.builder().create();
    sessions.push(session);
    const stream = new MemoryStream(session, schema);
    const counts = stream.toDF().withWatermark('ts', '5 minutes').groupBy(window(col('ts'), '10 minutes'), col('word')).count();
    const q = await counts.writeStream.outputMode('update').format('memory').queryName('counts')
      .lateRowsSink('memory', { queryName: 'late' }).start();
    stream.addData([{ word: 'a', ts: at('12:01') }, { word: 'b', ts: at('12:30') }]);
    await q.processAllAvailable();
    // Watermark 12:25: windows ending at or before it are closed, their rows are late.
    stream.addData([{ word: 'late', ts: at('12:03') }, { word: 'c', ts: at('12:31') }, { word: 'late2', ts: at('12:14') }]);
    await q.processAllAvailable();
    const late = await session.table('late').collect();
    expect(late.map((r) => [r.word, (r.ts as Date).toISOString().slice(11, 16)])).toEqual([['late', '12:03'], ['late2', '12:14']]);
    // The late table carries the operator's input columns (with the window the row fell into).
    expect(session.table('late').columns).toEqual(['word', 'ts', 'window']);
    expect(q.lastProgress?.stateOperators[0]?.numRowsDroppedByWatermark).toBe(2);
  });

  it('needs a stateful operation to take late rows from', async () => {
    const session = Session.builder().create();
    sessions.push(session);
    const stream = new MemoryStream(session, schema);
    await expect(stream.toDF().writeStream.format('noop').lateRowsSink('memory', { queryName: 'x' }).start())
      .rejects.toThrow('lateRowsSink needs a stateful operation with a watermark');
  });
});
