import { mkdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  BINARY, BOOLEAN, DATE, DOUBLE, FileSinkLog, INT, LONG, MemoryStream, STRING, StructType, TIMESTAMP, arrayOf, field, mapOf, structOf,
} from 'caudal';
import { committedFiles, committedTexts, manifestText, newSession, tempDir, useCleanup, withoutUuid } from './helpers/file-sink-fixture.ts';

useCleanup();

const schema = new StructType()
  .add('id', LONG).add('name', STRING).add('score', DOUBLE).add('ok', BOOLEAN).add('ts', TIMESTAMP).add('day', DATE)
  .add('raw', BINARY).add('tags', arrayOf(STRING)).add('attrs', mapOf(STRING, INT))
  .add('point', structOf([field('x', INT), field('y', STRING)]));

describe('json file sink', () => {
  it('writes each batch as new JSON Lines part files and commits them in the manifest', async () => {
    const session = newSession();
    const dir = tempDir();
    const out = join(dir, 'out');
    const input = new MemoryStream(session, schema);
    const query = await input.toDF().writeStream.format('json').option('checkpointLocation', join(dir, 'ck')).start(out);
    // The manifest exists from start: readers see an empty output, not a plain folder.
    expect(FileSinkLog.readCommittedFiles(out)).toEqual([]);

    input.addData([
      {
        id: 1, name: 'Ana "A"\n\\', score: 1.5, ok: true, ts: new Date('2024-01-01T12:00:00.123Z'), day: '2024-02-29',
        raw: new Uint8Array([1, 2, 255]), tags: ['a', null], attrs: new Map([['k', 1], ['n', null]]), point: { x: 1, y: null },
      },
      { id: 2, score: Number.NaN },
      { id: 3, name: 'é\u0001', score: 1e7, tags: [], attrs: new Map(), point: { x: null, y: 'q' } },
    ]);
    await query.processAllAvailable();
    input.addData([{ id: 4, score: 0.25, ok: false, ts: new Date('1969-12-31T23:59:59.999Z'), day: '1970-01-01' }]);
    await query.processAllAvailable();
    await query.stop();

    const files = committedFiles(out);
    expect(files.map(withoutUuid)).toEqual(['part-00000-<uuid>.c000.json', 'part-00000-<uuid>.c000.json']);
    expect(files[0]).not.toBe(files[1]);
    const texts = committedTexts(out);
    expect(texts).toEqual([
      '{"id":1,"name":"Ana \\"A\\"\\n\\\\","score":1.5,"ok":true,"ts":"2024-01-01T12:00:00.123Z","day":"2024-02-29",' +
        '"raw":"AQL/","tags":["a",null],"attrs":{"k":1,"n":null},"point":{"x":1}}\n' +
        '{"id":2,"score":"NaN"}\n' +
        '{"id":3,"name":"é\\u0001","score":1.0E7,"tags":[],"attrs":{},"point":{"y":"q"}}\n',
      '{"id":4,"score":0.25,"ok":false,"ts":"1969-12-31T23:59:59.999Z","day":"1970-01-01"}\n',
    ]);
    // Each line is JSON that reads back to the rows written (binary as base64).
    expect(texts.join('').trimEnd().split('\n').map((l) => JSON.parse(l) as unknown)).toEqual([
      {
        id: 1, name: 'Ana "A"\n\\', score: 1.5, ok: true, ts: '2024-01-01T12:00:00.123Z', day: '2024-02-29',
        raw: Buffer.from([1, 2, 255]).toString('base64'), tags: ['a', null], attrs: { k: 1, n: null }, point: { x: 1 },
      },
      { id: 2, score: 'NaN' },
      { id: 3, name: 'é\u0001', score: 1e7, tags: [], attrs: {}, point: { y: 'q' } },
      { id: 4, score: 0.25, ok: false, ts: '1969-12-31T23:59:59.999Z', day: '1970-01-01' },
    ]);

    // The manifest: `v1`, then one line per file with the path relative to the output folder.
    for (const [batchId, file] of files.entries()) {
      const st = statSync(join(out, file));
      expect(manifestText(out, batchId)).toBe(
        `v1\n{"path":"${file}","size":${st.size},"isDir":false,"modificationTime":${Math.floor(st.mtimeMs)},` +
        '"blockReplication":1,"blockSize":33554432,"action":"add"}\n',
      );
    }
    expect(FileSinkLog.readCommittedEntries(out)).toEqual(files.map((f) => {
      const st = statSync(join(out, f));
      return { path: join(out, f), size: st.size, modificationTimeMs: Math.floor(st.mtimeMs) };
    }));
  });

  it('writes nulls with ignoreNullFields=false, and ends lines with lineSep', async () => {
    const session = newSession();
    const dir = tempDir();
    const input = new MemoryStream(session, new StructType().add('a', LONG).add('b', STRING).add('s', structOf([field('x', INT)])));
    const query = await input.toDF().writeStream.format('json')
      .options({ ignoreNullFields: false, lineSep: '\r\n', checkpointLocation: join(dir, 'ck') }).start(join(dir, 'out'));
    input.addData([[1, null, null], [null, 'x', { x: null }]]);
    await query.processAllAvailable();
    await query.stop();
    expect(committedTexts(join(dir, 'out'))).toEqual(['{"a":1,"b":null,"s":null}\r\n{"a":null,"b":"x","s":{"x":null}}\r\n']);
  });

  it('writes timestamps in the session time zone with its offset, or in the timeZone option', async () => {
    const session = newSession('Europe/Madrid');
    const dir = tempDir();
    const input = new MemoryStream(session, new StructType().add('ts', TIMESTAMP));
    const rows = [[new Date('2024-01-01T12:00:00Z')], [new Date('2024-07-01T12:00:00.5Z')]];
    const madrid = await input.toDF().writeStream.format('json').option('checkpointLocation', join(dir, 'ck1')).start(join(dir, 'madrid'));
    const other = await input.toDF().writeStream.format('json').option('timeZone', 'America/New_York')
      .option('checkpointLocation', join(dir, 'ck2')).start(join(dir, 'ny'));
    const fixed = await input.toDF().writeStream.format('json').option('timeZone', '+05:30')
      .option('checkpointLocation', join(dir, 'ck3')).start(join(dir, 'fixed'));
    input.addData(rows);
    for (const q of [madrid, other, fixed]) {
      await q.processAllAvailable();
      await q.stop();
    }
    expect(committedTexts(join(dir, 'madrid'))).toEqual(['{"ts":"2024-01-01T13:00:00.000+01:00"}\n{"ts":"2024-07-01T14:00:00.500+02:00"}\n']);
    expect(committedTexts(join(dir, 'ny'))).toEqual(['{"ts":"2024-01-01T07:00:00.000-05:00"}\n{"ts":"2024-07-01T08:00:00.500-04:00"}\n']);
    expect(committedTexts(join(dir, 'fixed'))).toEqual(['{"ts":"2024-01-01T17:30:00.000+05:30"}\n{"ts":"2024-07-01T17:30:00.500+05:30"}\n']);
  });

  it('splits a batch into files of at most maxRecordsPerFile rows (c000, c001, ...)', async () => {
    const session = newSession();
    const dir = tempDir();
    const out = join(dir, 'out');
    const input = new MemoryStream(session, new StructType().add('n', LONG));
    const query = await input.toDF().writeStream.format('json').option('maxRecordsPerFile', 2)
      .option('checkpointLocation', join(dir, 'ck')).start(out);
    input.addData([[1], [2], [3], [4], [5]]);
    await query.processAllAvailable();
    await query.stop();
    const files = committedFiles(out);
    expect(files.map(withoutUuid)).toEqual(['part-00000-<uuid>.c000.json', 'part-00000-<uuid>.c001.json', 'part-00000-<uuid>.c002.json']);
    expect(new Set(files.map((f) => f.slice(0, 47))).size).toBe(1);
    expect(committedTexts(out)).toEqual(['{"n":1}\n{"n":2}\n', '{"n":3}\n{"n":4}\n', '{"n":5}\n']);
  });

  it('writes the rows of every input file of a trigger into one part file, in order', async () => {
    const session = newSession();
    const dir = tempDir();
    const input = join(dir, 'in');
    mkdirSync(input);
    const lines = (from: number, count: number): string =>
      Array.from({ length: count }, (_, i) => `{"id":${from + i},"tags":["t${i % 3}",null],"p":{"x":${i % 2 === 0 ? 1.5 : 'null'}}}`).join('\n');
    const sizes = [3, 700, 1];
    let from = 0;
    sizes.forEach((count, f) => {
      const path = join(input, `f${f}.json`);
      writeFileSync(path, lines(from, count));
      utimesSync(path, 1_700_000_000 + f, 1_700_000_000 + f);
      from += count;
    });
    const out = join(dir, 'out');
    const query = await session.readStream.schema('id LONG, tags ARRAY<STRING>, p STRUCT<x: DOUBLE>').option('maxFilesPerTrigger', 3).json(input)
      .writeStream.format('json').option('checkpointLocation', join(dir, 'ck')).trigger({ availableNow: true }).start(out);
    await query.awaitTermination();
    expect(committedFiles(out).map(withoutUuid)).toEqual(['part-00000-<uuid>.c000.json']);
    const expected = Array.from({ length: from }, (_, id) => {
      const i = id < 3 ? id : id < 703 ? id - 3 : id - 703;
      return `{"id":${id},"tags":["t${i % 3}",null],"p":${i % 2 === 0 ? '{"x":1.5}' : '{}'}}\n`;
    }).join('');
    expect(committedTexts(out)).toEqual([expected]);
  });
});
