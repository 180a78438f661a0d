import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AnalysisError } from '@caudal/core';
import { Fixtures, fileSession, messageOf } from './support/file-fixtures.ts';

const spark = fileSession();
afterAll(() => spark.stop());

let fx: Fixtures;
beforeEach(async () => {
  fx = await Fixtures.create();
  await fx.write('a.txt', 'a');
  await fx.write('b.csv', 'b');
  await fx.write('_SUCCESS', 'hidden');
  await fx.write('.a.txt.crc', 'hidden');
  await fx.write('sub/c.txt', 'c');
  await fx.write('sub/deeper/d.txt', 'd');
  await fx.write('sub/_tmp/e.txt', 'hidden dir');
  await fx.write('other/f.txt', 'f');
});
afterEach(() => fx.remove());

async function read(path: string, options: Record<string, string | boolean> = {}): Promise<unknown[]> {
  const rows = await spark.read.options(options).text(path).collect();
  return rows.map((r) => r.value).sort();
}

describe('which files a path reads', () => {
  it('a file, or the files directly in a directory without names starting with _ or .', async () => {
    expect(await read(fx.path('a.txt'))).toEqual(['a']);
    expect(await read(fx.path('_SUCCESS'))).toEqual(['hidden']);
    expect(await read(fx.dir)).toEqual(['a', 'b']);
  });

  it('every level with recursiveFileLookup, still skipping hidden files and directories', async () => {
    expect(await read(fx.dir, { recursiveFileLookup: true })).toEqual(['a', 'b', 'c', 'd', 'f']);
  });

  it('globs in any path component, and pathGlobFilter on file names', async () => {
    expect(await read(fx.path('*.txt'))).toEqual(['a']);
    expect(await read(fx.path('{a,b}.*'))).toEqual(['a', 'b']);
    expect(await read(fx.path('*/?.txt'))).toEqual(['c', 'f']);
    expect(await read(fx.path('[!a]*'))).toEqual(['b', 'c', 'f']);
    expect(await read(fx.dir, { pathGlobFilter: '*.csv' })).toEqual(['b']);
    expect(await read(`file://${fx.path('a.txt')}`)).toEqual(['a']);
  });

  it('fails at load() for a path or glob that matches nothing, even with a schema', () => {
    const missing = fx.path('missing');
    const e = (() => { try { spark.read.schema('value STRING').text(missing); } catch (err) { return err; } return undefined; })();
    expect(e).toBeInstanceOf(AnalysisError);
    expect((e as Error).message).toBe(`Path does not exist: file:${missing}`);
    expect(messageOf(() => spark.read.json(fx.path('*.parquet')))).toBe(`Path does not exist: file:${fx.path('*.parquet')}`);
  });

  it('lists the files again on every read (Spark keeps the listing made when the DataFrame was defined)', async () => {
    const df = spark.read.text(fx.dir);
    expect(await df.count()).toBe(2);
    await fx.write('g.txt', 'g');
    expect(await df.count()).toBe(3);
  });
});
