import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileSinkLog, LONG, MemoryStream, StructType, type SinkFileStatus } from 'caudal';
import { committedTexts, filesOnDisk, manifestText, newSession, tempDir, useCleanup } from './helpers/file-sink-fixture.ts';

useCleanup();

const schema = new StructType().add('n', LONG);

function manifestNames(out: string): string[] {
  const key = (n: string): number => Number.parseInt(n, 10);
  return readdirSync(join(out, '_caudal_metadata')).filter((n) => !n.startsWith('.')).sort((a, b) => key(a) - key(b));
}

function status(path: string, action: 'add' | 'delete' = 'add'): SinkFileStatus {
  return { path, size: 1, isDir: false, modificationTime: 1000, blockReplication: 1, blockSize: 33_554_432, action };
}

describe('file sink manifest compaction', () => {
  it('compacts every 10th batch into <id>.compact, deletes entries two compactions old, and readers still see every file', async () => {
    const session = newSession();
    const dir = tempDir();
    const out = join(dir, 'out');
    const checkpoint = join(dir, 'ck');
    const input = new MemoryStream(session, schema);
    const start = () => input.toDF().writeStream.format('json').option('checkpointLocation', checkpoint).start(out);
    let query = await start();
    const run = async (from: number, to: number): Promise<void> => {
      for (let n = from; n < to; n++) {
        input.addData([[n]]);
        await query.processAllAvailable();
      }
    };
    await run(0, 20);
    await query.stop();
    expect(manifestNames(out)).toEqual(['9.compact', '10', '11', '12', '13', '14', '15', '16', '17', '18', '19.compact']);
    // A compaction lists every file so far, in commit order.
    const compact = manifestText(out, '19.compact').trimEnd().split('\n');
    expect(compact.length).toBe(21);
    expect(compact.slice(1).map((l) => (JSON.parse(l) as { path: string }).path)).toEqual(
      (FileSinkLog.readCommittedFiles(out) ?? []).map((f) => f.slice(out.length + 1)),
    );

    // A restart that re-runs the compaction batch (commits/19 gone) skips it.
    rmSync(join(checkpoint, 'commits', '19'));
    query = await start();
    await query.processAllAvailable();
    expect(query.lastProgress?.batchId).toBe(19);
    await run(20, 25);
    await query.stop();
    expect(manifestNames(out)).toEqual([
      '9.compact', '10', '11', '12', '13', '14', '15', '16', '17', '18', '19.compact', '20', '21', '22', '23', '24',
    ]);
    const expected = Array.from({ length: 25 }, (_, n) => `{"n":${n}}\n`);
    expect(committedTexts(out)).toEqual(expected);
    expect(new FileSinkLog(out).get(19)!.length).toBe(20);
    expect(new FileSinkLog(out).get(20)!.length).toBe(1);

    // And a re-run delta batch after a compaction too.
    rmSync(join(checkpoint, 'commits', '24'));
    query = await start();
    await query.processAllAvailable();
    expect(query.lastProgress?.batchId).toBe(24);
    input.addData([[25]]);
    await query.processAllAvailable();
    await query.stop();
    expect(committedTexts(out)).toEqual([...expected, '{"n":25}\n']);
    expect(filesOnDisk(out).length).toBe(26);
  });

  it('follows spark.sql.streaming.fileSink.log.compactInterval and .deletion', async () => {
    const session = newSession();
    session.conf.set('spark.sql.streaming.fileSink.log.compactInterval', '3');
    session.conf.set('spark.sql.streaming.fileSink.log.deletion', 'false');
    const dir = tempDir();
    const out = join(dir, 'out');
    const input = new MemoryStream(session, schema);
    const query = await input.toDF().writeStream.format('json').option('checkpointLocation', join(dir, 'ck')).start(out);
    for (let n = 0; n < 7; n++) {
      input.addData([[n]]);
      await query.processAllAvailable();
    }
    await query.stop();
    expect(manifestNames(out)).toEqual(['0', '1', '2.compact', '3', '4', '5.compact', '6']);
    expect(committedTexts(out)).toEqual(Array.from({ length: 7 }, (_, n) => `{"n":${n}}\n`));
  });

  it('rejects a compact interval that is not positive', async () => {
    const session = newSession();
    session.conf.set('spark.sql.streaming.fileSink.log.compactInterval', '0');
    const dir = tempDir();
    const input = new MemoryStream(session, schema);
    await expect(input.toDF().writeStream.format('json').option('checkpointLocation', join(dir, 'ck')).start(join(dir, 'out')))
      .rejects.toThrow('Please set spark.sql.streaming.fileSink.log.compactInterval (was 0) to a positive value.');
  });

  it('reads delete entries, absolute paths and compactions written through the FileSinkLog API', () => {
    const out = join(tempDir(), 'out');
    mkdirSync(out);
    const log = new FileSinkLog(out, { compactInterval: 3 });
    expect(log.latestBatchId()).toBeUndefined();
    log.add(0, [status('a.json'), status('p=1/b.json')]);
    log.add(1, [status('a.json', 'delete'), status('/elsewhere/c.json')]);
    expect(FileSinkLog.readCommittedFiles(out)).toEqual([join(out, 'p=1', 'b.json'), '/elsewhere/c.json']);
    log.add(2, [status('d.json')]);
    expect(manifestNames(out)).toEqual(['0', '1', '2.compact']);
    expect(manifestText(out, '2.compact')).toBe([
      'v1',
      ...['p=1/b.json', '/elsewhere/c.json', 'd.json'].map((p) =>
        `{"path":"${p}","size":1,"isDir":false,"modificationTime":1000,"blockReplication":1,"blockSize":33554432,"action":"add"}`),
      '',
    ].join('\n'));
    expect(FileSinkLog.readCommittedEntries(out)).toEqual([
      { path: join(out, 'p=1', 'b.json'), size: 1, modificationTimeMs: 1000 },
      { path: '/elsewhere/c.json', size: 1, modificationTimeMs: 1000 },
      { path: join(out, 'd.json'), size: 1, modificationTimeMs: 1000 },
    ]);
    expect(log.latestBatchId()).toBe(2);
    expect(log.isCommitted(2)).toBe(true);
    expect(log.isCommitted(3)).toBe(false);
    expect(new FileSinkLog(out).latestBatchId()).toBe(2);
    expect(() => log.add(1, [])).toThrow(`Concurrent update to the log. Multiple streaming jobs detected for 1 (${join(out, '_caudal_metadata')})`);
    expect(() => log.add(2, [])).toThrow('Concurrent update to the log. Multiple streaming jobs detected for 2');
  });
});
