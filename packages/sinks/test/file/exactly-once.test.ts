import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { readParquet } from 'parquet-wasm';
import { describe, expect, it } from 'vitest';
import { FileSinkLog, LONG, MemoryStream, STRING, StructType, col, type DataFrame, type Session } from 'caudal';
import { committedFiles, committedTexts, filesOnDisk, newSession, tempDir, useCleanup } from './helpers/file-sink-fixture.ts';

useCleanup();

const schema = new StructType().add('n', LONG).add('word', STRING);

function startJson(df: DataFrame, out: string, checkpoint: string) {
  return df.writeStream.format('json').option('checkpointLocation', checkpoint).start(out);
}

/** Adds three batches (0, 1, 2) through a json sink and stops; returns the input stream. */
async function threeBatches(session: Session, out: string, checkpoint: string): Promise<MemoryStream> {
  const input = new MemoryStream(session, schema);
  const query = await startJson(input.toDF(), out, checkpoint);
  for (const batch of [[[1, 'a'], [2, 'b']], [[3, 'c']], [[4, 'd'], [5, 'e']]]) {
    input.addData(batch);
    await query.processAllAvailable();
  }
  await query.stop();
  return input;
}

const expectedText = ['{"n":1,"word":"a"}\n{"n":2,"word":"b"}\n', '{"n":3,"word":"c"}\n', '{"n":4,"word":"d"}\n{"n":5,"word":"e"}\n'];

function manifestIds(out: string): string[] {
  return readdirSync(join(out, '_caudal_metadata')).filter((n) => !n.startsWith('.')).sort();
}

describe('file sink exactly-once', () => {
  it('skips a batch the manifest already holds when a restart re-runs it (commits/N deleted)', async () => {
    const session = newSession();
    const dir = tempDir();
    const out = join(dir, 'out');
    const checkpoint = join(dir, 'ck');
    const input = await threeBatches(session, out, checkpoint);
    const before = committedFiles(out);
    expect(committedTexts(out)).toEqual(expectedText);

    // A crash after the sink committed batch 2 but before the engine wrote commits/2: the restart runs batch 2 again.
    rmSync(join(checkpoint, 'commits', '2'));
    const query = await startJson(input.toDF(), out, checkpoint);
    await query.processAllAvailable();
    expect(query.lastProgress?.batchId).toBe(2);
    expect(query.lastProgress?.numInputRows).toBe(2);
    expect(committedFiles(out)).toEqual(before);
    expect(filesOnDisk(out)).toEqual([...before].sort());
    expect(manifestIds(out)).toEqual(['0', '1', '2']);

    // The query goes on from there.
    input.addData([[6, 'f']]);
    await query.processAllAvailable();
    await query.stop();
    expect(query.lastProgress?.batchId).toBe(3);
    expect(committedFiles(out).slice(0, 3)).toEqual(before);
    expect(committedTexts(out)).toEqual([...expectedText, '{"n":6,"word":"f"}\n']);
  });

  it('ignores the part files of a batch that crashed before its manifest entry, and rewrites the batch once', async () => {
    const session = newSession();
    const dir = tempDir();
    const out = join(dir, 'out');
    const checkpoint = join(dir, 'ck');
    const input = new MemoryStream(session, schema);
    const start = () => input.toDF().writeStream.format('parquet').partitionBy('word').option('checkpointLocation', checkpoint).start(out);
    let query = await start();
    input.addData([[1, 'a'], [2, 'b']]);
    await query.processAllAvailable();
    input.addData([[3, 'a'], [4, 'c']]);
    await query.processAllAvailable();
    await query.stop();

    // As if the process died after writing batch 1's part files: no manifest entry, no commit.
    const batch1Files = FileSinkLog.readCommittedFiles(out)!.slice(2);
    expect(batch1Files.length).toBe(2);
    rmSync(join(out, '_caudal_metadata', '1'));
    rmSync(join(checkpoint, 'commits', '1'));
    // Readers now see batch 0 only, although batch 1's files are still on disk.
    expect(committedFiles(out).length).toBe(2);
    expect(batch1Files.every((f) => existsSync(f))).toBe(true);

    query = await start();
    await query.processAllAvailable();
    await query.stop();
    const files = FileSinkLog.readCommittedFiles(out)!;
    expect(files.length).toBe(4);
    expect(files.filter((f) => batch1Files.includes(f))).toEqual([]);
    const rows = files.flatMap((f) => tableFromIPC(readParquet(new Uint8Array(readFileSync(f))).intoIPCStream()).toArray().map((r) => ({
      n: Number((r as { n: bigint }).n), folder: f.slice(out.length + 1).split('/')[0],
    })));
    expect(rows.sort((x, y) => x.n - y.n)).toEqual([
      { n: 1, folder: 'word=a' }, { n: 2, folder: 'word=b' }, { n: 3, folder: 'word=a' }, { n: 4, folder: 'word=c' },
    ]);
    // The orphans stay on disk (as in Spark) but are no part of the output.
    expect(filesOnDisk(out).length).toBe(6);
  });

  it('reads only committed files: stray part files are ignored, plain folders give null', async () => {
    const session = newSession();
    const dir = tempDir();
    const out = join(dir, 'out');
    await threeBatches(session, out, join(dir, 'ck'));
    writeFileSync(join(out, 'part-00000-00000000-0000-0000-0000-000000000000.c000.json'), '{"n":99,"word":"stray"}\n');
    mkdirSync(join(out, 'word=x'));
    writeFileSync(join(out, 'word=x', 'part-00001-00000000-0000-0000-0000-000000000000.c000.json'), '{"n":98}\n');
    expect(committedTexts(out)).toEqual(expectedText);
    expect(FileSinkLog.readCommittedFiles(out)!.some((f) => f.includes('00000000-0000'))).toBe(false);

    const plain = join(dir, 'plain');
    mkdirSync(plain);
    writeFileSync(join(plain, 'data.json'), '{}\n');
    expect(FileSinkLog.readCommittedFiles(plain)).toBeNull();
    expect(FileSinkLog.readCommittedEntries(plain)).toBeNull();
    expect(FileSinkLog.readCommittedFiles(join(dir, 'missing'))).toBeNull();
    expect(FileSinkLog.hasMetadata(out)).toBe(true);
    expect(FileSinkLog.hasMetadata(plain)).toBe(false);
  });

  it('commits an empty manifest entry for a batch without rows', async () => {
    const session = newSession();
    const dir = tempDir();
    const out = join(dir, 'out');
    const input = new MemoryStream(session, schema);
    const query = await startJson(input.toDF().filter(col('n').gt(2)), out, join(dir, 'ck'));
    input.addData([[1, 'a'], [2, 'b']]);
    await query.processAllAvailable();
    input.addData([[3, 'c']]);
    await query.processAllAvailable();
    await query.stop();
    expect(readFileSync(join(out, '_caudal_metadata', '0'), 'utf8')).toBe('v1\n');
    expect(new FileSinkLog(out).get(0)).toEqual([]);
    expect(manifestIds(out)).toEqual(['0', '1']);
    expect(committedTexts(out)).toEqual(['{"n":3,"word":"c"}\n']);
    expect(filesOnDisk(out).length).toBe(1);
  });

  it('removes the files of a batch that fails while writing, and commits nothing', async () => {
    const session = newSession();
    const dir = tempDir();
    const out = join(dir, 'out');
    const input = new MemoryStream(session, schema);
    const query = await input.toDF().writeStream.format('json').partitionBy('word').option('checkpointLocation', join(dir, 'ck')).start(out);
    // 'a' is written first; the second folder name is longer than any file system allows.
    input.addData([[1, 'a'], [2, 'b'.repeat(300)]]);
    await expect(query.processAllAvailable()).rejects.toThrow(/ENAMETOOLONG/);
    expect(query.exception()?.message).toMatch(/ENAMETOOLONG/);
    expect(FileSinkLog.readCommittedFiles(out)).toEqual([]);
    expect(filesOnDisk(out)).toEqual([]);
    expect(existsSync(join(out, '_caudal_metadata', '0'))).toBe(false);
  });
});
