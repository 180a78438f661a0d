import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MemoryStream, Session, StructType, col, count, sum } from 'caudal';

const dirs: string[] = [];
afterEach(() => { for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true }); });

describe('streaming aggregation state across restarts', () => {
  it('continues counting from the checkpointed state after stop and restart', async () => {
    const session = Session.builder().create();
    const checkpointLocation = mkdtempSync(join(tmpdir(), 'caudal-agg-restart-'));
    dirs.push(checkpointLocation);
    const stream = new MemoryStream(session, new StructType([{ name: 'word', dataType: { kind: 'string' }, nullable: true }, { name: 'n', dataType: { kind: 'long' }, nullable: true }]));
    const counts = stream.toDF().groupBy('word').agg(count('*').alias('c'), sum(col('n')).alias('total'));
    const start = () => counts.writeStream.outputMode('complete').format('memory').queryName('counts')
      .option('checkpointLocation', checkpointLocation).start();

    let q = await start();
    stream.addData([{ word: 'a', n: 1 }, { word: 'b', n: 2 }, { word: 'a', n: 3 }]);
    await q.processAllAvailable();
    await q.stop();
    expect(existsSync(join(checkpointLocation, 'state', '0', '1.delta'))).toBe(true);

    stream.addData([{ word: 'a', n: 10 }, { word: 'c', n: 5 }]);
    q = await start();
    await q.processAllAvailable();
    const rows = await session.table('counts').orderBy('word').collect();
    expect(rows).toEqual([
      { word: 'a', c: 3, total: 14 },
      { word: 'b', c: 1, total: 2 },
      { word: 'c', c: 1, total: 5 },
    ]);
    expect(q.lastProgress?.batchId).toBe(1);
    expect(q.lastProgress?.stateOperators[0]?.numRowsTotal).toBe(3);
    expect(q.lastProgress?.stateOperators[0]?.numRowsUpdated).toBe(2);
    await session.stop();
  });
});
