import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MemoryStream, Session, StructType } from 'caudal';

const dirs: string[] = [];
afterEach(() => { for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true }); });

describe('static reads of a file sink output folder', () => {
  it('read only the files the sink committed, never a stray part file of a failed batch', async () => {
    const root = mkdtempSync(join(tmpdir(), 'caudal-committed-'));
    dirs.push(root);
    const out = join(root, 'out');
    const session = Session.builder().create();
    const stream = new MemoryStream(session, new StructType([{ name: 'n', dataType: { kind: 'long' }, nullable: true }]));
    const q = await stream.toDF().writeStream.format('json').option('path', out)
      .option('checkpointLocation', join(root, 'cp')).start();
    stream.addData([{ n: 1 }, { n: 2 }]);
    await q.processAllAvailable();
    await q.stop();
    // What a batch killed between writing its part file and committing its manifest leaves behind.
    writeFileSync(join(out, 'part-00000-stray.c000.json'), '{"n":99}\n');
    for (const format of ['json', 'text'] as const) {
      const df = format === 'json' ? session.read.schema('n BIGINT').json(out) : session.read.text(out);
      const rows = await df.collect();
      expect(rows.map((r) => (format === 'json' ? r.n : JSON.parse(String(r.value)).n)).sort()).toEqual([1, 2]);
    }
    await session.stop();
  });
});
