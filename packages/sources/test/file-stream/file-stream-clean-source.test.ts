import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { DataFrame } from 'caudal';
import { BatchRecorder, T0, TestContext } from './support/stream-fixtures.ts';

const SCHEMA = 'name STRING, amount INT';

const t = new TestContext();
afterEach(() => t.close());

describe('cleanSource', () => {
  it('archive: moves each file under sourceArchiveDir, keeping its own path, once its batch has committed', async () => {
    const spark = t.session();
    const dir = t.dir();
    const archive = dir.path('archive');
    const a = dir.write('a.csv', 'a,1\n', T0);
    const b = dir.write('sub/b.csv', 'b,2\n', T0 + 1000);
    const seenDuringBatch: boolean[] = [];
    const rec = new BatchRecorder();
    const sink = async (df: DataFrame, id: number): Promise<void> => {
      // While its batch runs, a file is still in the source folder.
      seenDuringBatch.push(existsSync(id === 0 ? a : b));
      await rec.sink(df, id);
    };
    const q = t.query(await spark.readStream.schema(SCHEMA)
      .options({ cleanSource: 'archive', sourceArchiveDir: archive, maxFilesPerTrigger: 1, recursiveFileLookup: true }).csv(dir.input)
      .writeStream.foreachBatch(sink).option('checkpointLocation', dir.checkpoint).start());
    await q.processAllAvailable();
    expect(rec.list()).toEqual([[['a', 1]], [['b', 2]]]);
    expect(seenDuringBatch).toEqual([true, true]);
    expect(existsSync(a)).toBe(false);
    expect(existsSync(b)).toBe(false);
    expect(readFileSync(join(archive, a), 'utf8')).toBe('a,1\n');
    expect(readFileSync(join(archive, b), 'utf8')).toBe('b,2\n');
    expect(readdirSync(dir.input)).toEqual(['sub']);
  });

  it('delete: removes each file once its batch has committed', async () => {
    const spark = t.session();
    const dir = t.dir();
    dir.write('a.csv', 'a,1\n', T0);
    dir.write('b.csv', 'b,2\n', T0 + 1000);
    const rec = new BatchRecorder();
    const q = t.query(await spark.readStream.schema(SCHEMA).options({ cleanSource: 'delete', maxFilesPerTrigger: 1 }).csv(dir.input)
      .writeStream.foreachBatch(rec.sink).option('checkpointLocation', dir.checkpoint).start());
    await q.processAllAvailable();
    expect(rec.list()).toEqual([[['a', 1]], [['b', 2]]]);
    expect(readdirSync(dir.input)).toEqual([]);
  });

  it('leaves the files of a batch that did not commit; the restarted query reads them again, then cleans them', async () => {
    const dir = t.dir();
    const archive = dir.path('archive');
    const a = dir.write('a.csv', 'a,1\n', T0);
    const b = dir.write('b.csv', 'b,2\n', T0 + 1000);
    let failing = true;
    const rec = new BatchRecorder();
    const sink = async (df: DataFrame, id: number): Promise<void> => {
      if (id === 1 && failing) throw new Error('the process died here');
      await rec.sink(df, id);
    };
    const options = { cleanSource: 'archive', sourceArchiveDir: archive, maxFilesPerTrigger: 1 } as const;
    const q = t.query(await t.session().readStream.schema(SCHEMA).options(options).csv(dir.input)
      .writeStream.foreachBatch(sink).option('checkpointLocation', dir.checkpoint).start());
    await expect(q.awaitTermination()).rejects.toThrow('the process died here');
    // Batch 0 committed: archived. Batch 1 did not: its file is still where it was.
    expect(existsSync(join(archive, a))).toBe(true);
    expect(existsSync(b)).toBe(true);

    failing = false;
    const again = t.query(await t.session().readStream.schema(SCHEMA).options(options).csv(dir.input)
      .writeStream.foreachBatch(sink).option('checkpointLocation', dir.checkpoint).start());
    await again.processAllAvailable();
    expect(rec.list()).toEqual([[['a', 1]], [['b', 2]]]);
    expect(existsSync(b)).toBe(false);
    expect(readFileSync(join(archive, b), 'utf8')).toBe('b,2\n');
  });

  it('is best effort: a file that cannot be archived is logged and left, and the query goes on', async () => {
    const spark = t.session();
    const dir = t.dir();
    const archive = dir.path('archive');
    const a = dir.write('a.csv', 'a,1\n', T0);
    dir.write('b.csv', 'b,2\n', T0 + 1000);
    // The archive already holds a file of that name: archiving `a` fails.
    const clash = join(archive, a);
    mkdirSync(join(clash, '..'), { recursive: true });
    writeFileSync(clash, 'earlier\n');
    const rec = new BatchRecorder();
    const q = t.query(await spark.readStream.schema(SCHEMA).options({ cleanSource: 'archive', sourceArchiveDir: archive, maxFilesPerTrigger: 1 })
      .csv(dir.input).writeStream.foreachBatch(rec.sink).option('checkpointLocation', dir.checkpoint).start());
    await q.processAllAvailable();
    expect(q.isActive).toBe(true);
    expect(rec.list()).toEqual([[['a', 1]], [['b', 2]]]);
    expect(readFileSync(a, 'utf8')).toBe('a,1\n');
    expect(readFileSync(clash, 'utf8')).toBe('earlier\n');
    expect(readdirSync(dir.input)).toEqual(['a.csv']);
  });
});
