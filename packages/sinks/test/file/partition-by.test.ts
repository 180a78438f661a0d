import { join, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BOOLEAN, DATE, DOUBLE, FileSinkLog, LONG, MemoryStream, STRING, StructType, TIMESTAMP } from 'caudal';
import { escapePathName } from '../../src/file/partition/escape-path-name.ts';
import { committedFiles, committedTexts, filesOnDisk, newSession, tempDir, useCleanup, withoutUuid } from './helpers/file-sink-fixture.ts';

useCleanup();

describe('partitionBy in the file sink', () => {
  it('writes key=value folders with escaped values that never leave the output folder', async () => {
    const session = newSession();
    const dir = tempDir();
    const out = join(dir, 'out');
    const input = new MemoryStream(session, new StructType().add('n', LONG).add('p', STRING));
    const query = await input.toDF().writeStream.format('json').partitionBy('p').option('checkpointLocation', join(dir, 'ck')).start(out);
    const values = ['../../etc', 'a/b', 'x=y', '100%', 'c:\\d', 'tab\there', '', null, 'spaces ok', 'é', '..', '{[^]}', '#?*"\''];
    input.addData(values.map((p, n) => [n, p]));
    await query.processAllAvailable();
    await query.stop();

    const files = committedFiles(out);
    expect(files.map(withoutUuid)).toEqual([
      // Sorted by value, nulls first; '' and null share the default partition, as in Spark.
      'p=__HIVE_DEFAULT_PARTITION__/part-00000-<uuid>.c000.json',
      'p=%23%3F%2A%22%27/part-00000-<uuid>.c000.json',
      'p=../part-00000-<uuid>.c000.json',
      'p=..%2F..%2Fetc/part-00000-<uuid>.c000.json',
      'p=100%25/part-00000-<uuid>.c000.json',
      'p=a%2Fb/part-00000-<uuid>.c000.json',
      'p=c%3A%5Cd/part-00000-<uuid>.c000.json',
      'p=spaces ok/part-00000-<uuid>.c000.json',
      'p=tab%09here/part-00000-<uuid>.c000.json',
      'p=x%3Dy/part-00000-<uuid>.c000.json',
      'p=%7B%5B%5E%5D}/part-00000-<uuid>.c000.json',
      'p=é/part-00000-<uuid>.c000.json',
    ]);
    // Partition columns are not written inside the files.
    expect(committedTexts(out)).toEqual([
      '{"n":6}\n{"n":7}\n', '{"n":12}\n', '{"n":10}\n', '{"n":0}\n', '{"n":3}\n', '{"n":1}\n', '{"n":4}\n',
      '{"n":8}\n', '{"n":5}\n', '{"n":2}\n', '{"n":11}\n', '{"n":9}\n',
    ]);
    for (const f of FileSinkLog.readCommittedFiles(out)!) expect(f.startsWith(resolve(out) + sep)).toBe(true);
    expect(filesOnDisk(out)).toEqual([...files].sort());
    expect(filesOnDisk(dir).filter((f) => !f.startsWith('out/') && !f.startsWith('ck/'))).toEqual([]);
  });

  it('nests folders in partitionBy order and writes values as Spark casts them to strings', async () => {
    const session = newSession();
    const dir = tempDir();
    const out = join(dir, 'out');
    const schema = new StructType().add('v', STRING).add('ts', TIMESTAMP).add('d', DATE).add('x', DOUBLE).add('b', BOOLEAN).add('a/b', LONG);
    const input = new MemoryStream(session, schema);
    const query = await input.toDF().writeStream.format('csv').partitionBy('TS', 'd', 'x', 'b', 'a/b')
      .option('checkpointLocation', join(dir, 'ck')).start(out);
    input.addData([
      ['one', new Date('2024-01-01T12:00:00Z'), '2024-02-29', 1e7, true, 5],
      ['two', new Date('2024-01-01T12:00:00.5Z'), '2024-03-01', 1.5, false, null],
      ['three', new Date('2024-01-01T12:00:00Z'), '2024-02-29', 1e7, true, 5],
    ]);
    await query.processAllAvailable();
    await query.stop();
    expect(committedFiles(out).map(withoutUuid)).toEqual([
      'ts=2024-01-01 12%3A00%3A00/d=2024-02-29/x=1.0E7/b=true/a%2Fb=5/part-00000-<uuid>.c000.csv',
      'ts=2024-01-01 12%3A00%3A00.5/d=2024-03-01/x=1.5/b=false/a%2Fb=__HIVE_DEFAULT_PARTITION__/part-00000-<uuid>.c000.csv',
    ]);
    expect(committedTexts(out)).toEqual(['one\nthree\n', 'two\n']);
  });

  it('formats timestamp partition values in the session time zone', async () => {
    const session = newSession('Asia/Tokyo');
    const dir = tempDir();
    const out = join(dir, 'out');
    const input = new MemoryStream(session, new StructType().add('n', LONG).add('ts', TIMESTAMP));
    const query = await input.toDF().writeStream.format('json').partitionBy('ts').option('checkpointLocation', join(dir, 'ck')).start(out);
    input.addData([[1, new Date('2024-01-01T20:30:00Z')]]);
    await query.processAllAvailable();
    await query.stop();
    expect(committedFiles(out).map(withoutUuid)).toEqual(['ts=2024-01-02 05%3A30%3A00/part-00000-<uuid>.c000.json']);
  });

  it("escapes exactly the characters of Spark's ExternalCatalogUtils.escapePathName (and U+0000)", () => {
    // Spark's list: U+0001..U+001F, " # % ' * / : = ? \ DEL { [ ] ^ (and, here, U+0000 too).
    const spark = new Set([...Array.from({ length: 32 }, (_, i) => i), ...[...'"#%\'*/:=?\\{[]^'].map((c) => c.charCodeAt(0)), 0x7f]);
    for (let c = 0; c < 256; c++) {
      const ch = String.fromCharCode(c);
      const expected = spark.has(c) ? `%${c.toString(16).toUpperCase().padStart(2, '0')}` : ch;
      expect(escapePathName(`a${ch}b`)).toBe(`a${expected}b`);
    }
    expect(escapePathName('../../etc/passwd')).toBe('..%2F..%2Fetc%2Fpasswd');
  });
});
