import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock, Options, STRING, StructType, type SourceContext } from '@caudal/core';
import { columnValues } from '../support/rows.ts';
import { DataSignal, sourceContext } from '../support/source-context.ts';
import { csvFormat } from '../../src/file/csv/csv-format.ts';
import { textFileReader } from '../../src/file/stream/file-reader.ts';
import { FileSourceLog } from '../../src/file/stream/file-source-log.ts';
import { parseFileStreamOptions } from '../../src/file/stream/file-stream-options.ts';
import { FileStreamSource } from '../../src/file/stream/file-stream-source.ts';
import { T0, StreamDir } from './support/stream-fixtures.ts';

const dirs: StreamDir[] = [];
const sources: FileStreamSource[] = [];
afterEach(async () => {
  for (const s of sources.splice(0)) await s.stop();
  for (const d of dirs.splice(0)) d.remove();
});

function newDir(): StreamDir {
  const d = StreamDir.create();
  dirs.push(d);
  return d;
}

const SCHEMA = new StructType().add('v', STRING);

function createSource(dir: StreamDir, opts: Record<string, string | number | boolean> = {}, ctx?: SourceContext): { source: FileStreamSource; logged: string[] } {
  const options = new Options(Object.entries({ path: dir.input, ...opts }));
  const reader = textFileReader(csvFormat, options);
  const metadataDir = dir.path('checkpoint', 'sources', '0');
  mkdirSync(metadataDir, { recursive: true });
  const logged: string[] = [];
  const source = new FileStreamSource(reader, parseFileStreamOptions(options, dir.input), reader.userSchema(SCHEMA),
    ctx ?? sourceContext(new ManualClock(T0), metadataDir), { log: (m) => logged.push(m), now: Date.now });
  sources.push(source);
  return { source, logged };
}

const DEFAULT = { kind: 'default' } as const;

describe('FileStreamSource', () => {
  it('getBatch replays exactly the files of a log range, whatever the folder holds now', async () => {
    const dir = newDir();
    dir.write('a.csv', 'a\n', T0);
    dir.write('b.csv', 'b\n', T0 + 1);
    const { source } = createSource(dir, { maxFilesPerTrigger: 1 });
    await source.start();
    expect(source.initialOffset()).toEqual({ logOffset: -1 });
    const first = await source.latestOffset(source.initialOffset(), DEFAULT);
    expect(first).toEqual({ logOffset: 0 });
    const second = await source.latestOffset(first, DEFAULT);
    expect(second).toEqual({ logOffset: 1 });
    dir.write('c.csv', 'c\n', T0 - 5);
    expect(columnValues(await source.getBatch(null, second), 0)).toEqual(['a', 'b']);
    expect(columnValues(await source.getBatch(first, second), 0)).toEqual(['b']);
    expect(columnValues(await source.getBatch(first, second), 0)).toEqual(['b']);
    expect(columnValues(await source.getBatch(second, second), 0)).toEqual([]);
  });

  it('after a restart hands out a log batch that no offsets entry recorded, alone, before any new file', async () => {
    const dir = newDir();
    dir.write('a.csv', 'a\n', T0);
    dir.write('b.csv', 'b\n', T0 + 1);
    const first = createSource(dir, { maxFilesPerTrigger: 1 }).source;
    await first.start();
    // The engine got logOffset 0, then the process died before offsets/N recorded it.
    expect(await first.latestOffset({ logOffset: -1 }, DEFAULT)).toEqual({ logOffset: 0 });
    await first.stop();

    const second = createSource(dir, { maxFilesPerTrigger: 1 }).source;
    await second.start();
    expect(await second.latestOffset({ logOffset: -1 }, DEFAULT)).toEqual({ logOffset: 0 });
    expect(columnValues(await second.getBatch(null, { logOffset: 0 }), 0)).toEqual(['a']);
    expect(await second.latestOffset({ logOffset: 0 }, DEFAULT)).toEqual({ logOffset: 1 });
    expect(columnValues(await second.getBatch({ logOffset: 0 }, { logOffset: 1 }), 0)).toEqual(['b']);
    expect(await second.latestOffset({ logOffset: 1 }, DEFAULT)).toEqual({ logOffset: 1 });
  });

  it('for AvailableNow fixes the files at prepare time and reports the end offset without writing the log', async () => {
    const dir = newDir();
    for (let i = 0; i < 5; i++) dir.write(`f${i}.csv`, `f${i}\n`, T0 + i);
    const { source } = createSource(dir, { maxFilesPerTrigger: 2 });
    await source.start();
    await source.prepareForTriggerAvailableNow();
    dir.write('late.csv', 'late\n', T0 + 100);
    expect(await source.latestOffset({ logOffset: -1 }, { kind: 'all' })).toEqual({ logOffset: 2 });
    expect(readdirSync(dir.path('checkpoint', 'sources', '0'))).toEqual([]);
    let at = { logOffset: -1 };
    const batches: unknown[][] = [];
    for (;;) {
      const next = await source.latestOffset(at, DEFAULT) as { logOffset: number };
      if (next.logOffset === at.logOffset) break;
      batches.push(columnValues(await source.getBatch(at, next), 0));
      at = next;
    }
    expect(batches).toEqual([['f0', 'f1'], ['f2', 'f3'], ['f4']]);
  });

  it('refuses an offset beyond its log: the log was removed from the checkpoint', async () => {
    const dir = newDir();
    const { source } = createSource(dir);
    await source.start();
    await expect(source.latestOffset({ logOffset: 3 }, DEFAULT)).rejects.toThrow(
      `The file source's log ${dir.path('checkpoint', 'sources', '0')} ends at batch -1, but the checkpoint's offset is {"logOffset":3}: ` +
      'the log was removed or replaced. Restore it, or start the query with a new checkpointLocation.',
    );
  });

  it('logs Spark\'s warnings for latestFirst and fileNameOnly', () => {
    const dir = newDir();
    expect(createSource(dir, { latestFirst: true }).logged).toEqual([
      "'latestFirst' is true. New files will be processed first, which may affect the watermark value. In addition, 'maxFileAge' will be ignored.",
    ]);
    expect(createSource(dir, { fileNameOnly: true }).logged).toEqual([
      "'fileNameOnly' is enabled. Make sure your file names are unique (e.g. using UUID), otherwise, files with the same name but under different paths will be considered the same and causes data lost.",
    ]);
  });

  it('wakes the query through notifyDataAvailable when a file appears', async () => {
    const dir = newDir();
    const signal = new DataSignal();
    const metadataDir = dir.path('checkpoint', 'sources', '0');
    mkdirSync(metadataDir, { recursive: true });
    const { source } = createSource(dir, {}, sourceContext(new ManualClock(T0), metadataDir, signal));
    await source.start();
    const seen = signal.notifications;
    dir.write('x.csv', 'x\n');
    await signal.after(seen);
    expect(signal.notifications).toBeGreaterThan(seen);
  });

  it('reads the log back across a restart: files already taken are never new again', async () => {
    const dir = newDir();
    dir.write('a.csv', 'a\n', T0);
    const first = createSource(dir).source;
    await first.start();
    expect(await first.latestOffset({ logOffset: -1 }, DEFAULT)).toEqual({ logOffset: 0 });
    await first.stop();
    dir.write('b.csv', 'b\n', T0 - 10);
    const second = createSource(dir).source;
    await second.start();
    const next = await second.latestOffset({ logOffset: 0 }, DEFAULT);
    expect(next).toEqual({ logOffset: 1 });
    expect(columnValues(await second.getBatch({ logOffset: 0 }, next), 0)).toEqual(['b']);
  });
});

describe('FileSourceLog', () => {
  it('writes v1 and one JSON line per file, refuses to overwrite a batch, and compacts every interval', () => {
    const dir = newDir();
    const logDir = dir.path('log');
    const log = new FileSourceLog(logDir, 3);
    const entry = (i: number) => ({ path: `/in/f${i}.json`, timestamp: T0 + i, batchId: i });
    log.add(0, [entry(0)]);
    log.add(1, [entry(1)]);
    expect(readFileSync(join(logDir, '0'), 'utf8')).toBe(`v1\n{"path":"/in/f0.json","timestamp":${T0},"batchId":0}\n`);
    expect(() => log.add(1, [entry(1)])).toThrow(`Concurrent update to the log. Multiple streaming jobs detected for 1 (${logDir})`);
    log.add(2, [entry(2)]);
    expect(readdirSync(logDir)).toEqual(['2.compact']);
    expect(readFileSync(join(logDir, '2.compact'), 'utf8').split('\n').filter((l) => l !== '')).toHaveLength(4);
    log.add(3, [entry(3)]);
    log.add(4, [entry(4)]);

    const reopened = new FileSourceLog(logDir, 3);
    expect(reopened.latestBatchId()).toBe(4);
    expect(reopened.range(0, 1)).toEqual([entry(1)]);
    expect(reopened.range(1, 4)).toEqual([entry(2), entry(3), entry(4)]);
    expect(reopened.entriesThrough()).toEqual([0, 1, 2, 3, 4].map(entry));
    expect(reopened.range(4, 4)).toEqual([]);
  });

  it('reads a damaged entry with a clear message', () => {
    const dir = newDir();
    const logDir = dir.path('log');
    new FileSourceLog(logDir);
    writeFileSync(join(logDir, '0'), 'v9\n');
    expect(() => new FileSourceLog(logDir).range(-1, 0)).toThrow(`File source log ${join(logDir, '0')} was written by a newer version (v9); this version reads up to v1`);
  });
});
