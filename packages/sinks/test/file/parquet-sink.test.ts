import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { readParquet } from 'parquet-wasm';
import { describe, expect, it } from 'vitest';
import {
  BINARY, BOOLEAN, DATE, DOUBLE, FileSinkLog, INT, LONG, MemoryStream, STRING, StructType, TIMESTAMP,
  arrayOf, arrowTableToBatches, field, mapOf, rowToExternal, structOf, type Row,
} from 'caudal';
import { committedFiles, newSession, tempDir, useCleanup, withoutUuid } from './helpers/file-sink-fixture.ts';

useCleanup();

/** Reads one Parquet file back with parquet-wasm: its schema and its rows as external values. */
function readParquetFile(path: string): { schema: StructType; rows: Row[] } {
  const table = tableFromIPC(readParquet(new Uint8Array(readFileSync(path))).intoIPCStream());
  const { schema, batches } = arrowTableToBatches(table);
  return { schema, rows: batches.flatMap((b) => Array.from({ length: b.numRows }, (_, i) => rowToExternal(schema, b.rowValues(i)))) };
}

const schema = new StructType()
  .add('id', LONG).add('name', STRING).add('score', DOUBLE).add('ok', BOOLEAN).add('n', INT).add('ts', TIMESTAMP).add('day', DATE)
  .add('raw', BINARY).add('tags', arrayOf(STRING)).add('attrs', mapOf(STRING, LONG))
  .add('point', structOf([field('x', INT), field('y', STRING)]));

const batch0 = [
  {
    id: 1, name: 'Ana', score: 1.5, ok: true, n: -7, ts: new Date('2024-01-01T12:00:00.123Z'), day: new Date('2024-02-29T00:00:00Z'),
    raw: new Uint8Array([1, 2, 255]), tags: ['a', null], attrs: new Map<string, number | null>([['k', 1], ['n', null]]), point: { x: 1, y: null },
  },
  {
    id: 2, name: null, score: null, ok: null, n: null, ts: null, day: null, raw: null, tags: null, attrs: null, point: null,
  },
];
const batch1 = [
  {
    id: 9_007_199_254_740_991, name: 'ñ', score: -0.25, ok: false, n: 2_147_483_647, ts: new Date('1969-12-31T23:59:59.999Z'),
    day: new Date('1970-01-01T00:00:00Z'), raw: new Uint8Array(0), tags: [], attrs: new Map<string, number | null>(), point: { x: null, y: 'q' },
  },
];

describe('parquet file sink', () => {
  it('writes each batch as a snappy Parquet part file that parquet-wasm reads back to the same rows', async () => {
    const session = newSession();
    const dir = tempDir();
    const out = join(dir, 'out');
    const input = new MemoryStream(session, schema);
    const query = await input.toDF().writeStream.format('parquet').option('checkpointLocation', join(dir, 'ck')).start(out);
    input.addData(batch0);
    await query.processAllAvailable();
    input.addData(batch1);
    await query.processAllAvailable();
    await query.stop();

    const files = committedFiles(out);
    expect(files.map(withoutUuid)).toEqual(['part-00000-<uuid>.c000.snappy.parquet', 'part-00000-<uuid>.c000.snappy.parquet']);
    const [first, second] = files.map((f) => readParquetFile(join(out, f)));
    expect(first!.schema.simpleString()).toBe(schema.simpleString());
    expect(first!.rows).toEqual(batch0);
    expect(second!.rows).toEqual(batch1);
    expect(readFileSync(join(out, files[0]!)).subarray(0, 4).toString()).toBe('PAR1');
  });

  it('names files after the codec and reads back every codec', async () => {
    const session = newSession();
    const dir = tempDir();
    const s = new StructType().add('k', LONG).add('v', STRING);
    const input = new MemoryStream(session, s);
    input.addData([[1, 'a'], [2, null], [3, 'ccc']]);
    const codecs: [string, string][] = [
      ['none', '.parquet'], ['UNCOMPRESSED', '.parquet'], ['snappy', '.snappy.parquet'], ['gzip', '.gz.parquet'],
      ['zstd', '.zstd.parquet'], ['brotli', '.br.parquet'], ['lz4', '.lz4.parquet'], ['lz4_raw', '.lz4raw.parquet'],
    ];
    for (const [codec, ext] of codecs) {
      const out = join(dir, codec);
      const query = await input.toDF().writeStream.format('parquet').option('compression', codec)
        .option('checkpointLocation', join(dir, `ck-${codec}`)).start(out);
      await query.processAllAvailable();
      await query.stop();
      const files = committedFiles(out);
      expect(files.map(withoutUuid)).toEqual([`part-00000-<uuid>.c000${ext}`]);
      expect(readParquetFile(join(out, files[0]!)).rows).toEqual([{ k: 1, v: 'a' }, { k: 2, v: null }, { k: 3, v: 'ccc' }]);
    }
  });

  it('leaves partition columns out of the files', async () => {
    const session = newSession();
    const dir = tempDir();
    const out = join(dir, 'out');
    const input = new MemoryStream(session, new StructType().add('country', STRING).add('n', LONG).add('year', INT));
    const query = await input.toDF().writeStream.format('parquet').partitionBy('year', 'country')
      .option('checkpointLocation', join(dir, 'ck')).start(out);
    input.addData([['ES', 1, 2024], ['FR', 2, 2023], ['ES', 3, 2024]]);
    await query.processAllAvailable();
    await query.stop();
    const files = FileSinkLog.readCommittedFiles(out)!;
    expect(committedFiles(out).map(withoutUuid)).toEqual([
      'year=2023/country=FR/part-00000-<uuid>.c000.snappy.parquet', 'year=2024/country=ES/part-00000-<uuid>.c000.snappy.parquet',
    ]);
    const [fr, es] = files.map(readParquetFile);
    expect(fr!.schema.simpleString()).toBe('struct<n:bigint>');
    expect(fr!.rows).toEqual([{ n: 2 }]);
    expect(es!.rows).toEqual([{ n: 1 }, { n: 3 }]);
  });
});
