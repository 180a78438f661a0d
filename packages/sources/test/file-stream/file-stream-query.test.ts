import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { StreamingQueryProgress } from 'caudal';
import { BatchRecorder, T0, TestContext } from './support/stream-fixtures.ts';

const SCHEMA = 'name STRING, amount INT';

const t = new TestContext();
afterEach(() => t.close());

/** Resolves when a batch whose progress satisfies `test` has been reported. */
function progressWhere(session: ReturnType<TestContext['session']>, test: (p: StreamingQueryProgress) => boolean): Promise<StreamingQueryProgress> {
  return new Promise((resolve) => {
    const listener = {
      onQueryProgress: ({ progress }: { progress: StreamingQueryProgress }) => {
        if (!test(progress)) return;
        session.streams.removeListener(listener);
        resolve(progress);
      },
    };
    session.streams.addListener(listener);
  });
}

describe('the streaming file source, end to end', () => {
  it('reads the files present at start, then each file added while the query runs, each once', async () => {
    const spark = t.session();
    const dir = t.dir();
    dir.write('a.csv', 'ana,1\nbea,2\n');
    const rec = new BatchRecorder();
    const q = t.query(await spark.readStream.schema(SCHEMA).option('fileSettleTime', 0).csv(dir.input)
      .writeStream.foreachBatch(rec.sink).option('checkpointLocation', dir.checkpoint).start());
    await q.processAllAvailable();
    expect(rec.list()).toEqual([[['ana', 1], ['bea', 2]]]);

    // New files arrive while the query waits; the watcher wakes it, the listing picks them up.
    const second = progressWhere(spark, (p) => p.batchId === 1);
    dir.write('b.csv', 'carla,3\n');
    expect((await second).numInputRows).toBe(1);
    dir.write('c.csv', 'dani,4\nelena,5\n');
    await q.processAllAvailable();
    // Writing a file that was already read again is not new input (Spark does not re-read changed files,
    // as long as maxFileAge keeps them in the seen-files map).
    dir.write('a.csv', 'ana,100\n');
    await q.processAllAvailable();
    expect(rec.list()).toEqual([[['ana', 1], ['bea', 2]], [['carla', 3]], [['dani', 4], ['elena', 5]]]);
    expect(q.lastProgress?.sources[0]?.description).toBe(`FileStreamSource[file:${dir.input}]`);
    expect(q.recentProgress.filter((p) => p.numInputRows > 0).map((p) => [p.sources[0]?.startOffset ?? null, p.sources[0]?.endOffset]))
      .toEqual([[null, { logOffset: 0 }], [{ logOffset: 0 }, { logOffset: 1 }], [{ logOffset: 1 }, { logOffset: 2 }]]);
  });

  it('writes Spark\'s source log and offsets: v1, one JSON line per file, {"logOffset": n}', async () => {
    const spark = t.session();
    const dir = t.dir();
    const a = dir.write('a.json', '{"name":"ana","amount":1}\n', T0);
    const b = dir.write('b.json', '{"name":"bea","amount":2}\n', T0 + 1000);
    const q = t.query(await spark.readStream.schema(SCHEMA).option('maxFilesPerTrigger', 1).json(dir.input)
      .writeStream.format('memory').queryName('log_format').option('checkpointLocation', dir.checkpoint).start());
    await q.processAllAvailable();
    await q.stop();
    const logDir = join(dir.checkpoint, 'sources', '0');
    expect(readdirSync(logDir).sort()).toEqual(['0', '1']);
    expect(readFileSync(join(logDir, '0'), 'utf8')).toBe(`v1\n{"path":"${a}","timestamp":${T0},"batchId":0}\n`);
    expect(readFileSync(join(logDir, '1'), 'utf8')).toBe(`v1\n{"path":"${b}","timestamp":${T0 + 1000},"batchId":1}\n`);
    expect(readFileSync(join(dir.checkpoint, 'offsets', '1'), 'utf8').split('\n')[2]).toBe('{"0":{"logOffset":1}}');
  });

  it('takes files oldest first, maxFilesPerTrigger at a time; ties by path', async () => {
    const spark = t.session();
    const dir = t.dir();
    dir.write('z.csv', 'z,1\n', T0);
    dir.write('c.csv', 'c,2\n', T0 + 2000);
    dir.write('a.csv', 'a,3\n', T0 + 1000);
    dir.write('b.csv', 'b,4\n', T0 + 1000);
    dir.write('d.csv', 'd,5\n', T0 + 3000);
    const rec = new BatchRecorder();
    const q = t.query(await spark.readStream.schema(SCHEMA).option('maxFilesPerTrigger', 2).csv(dir.input)
      .writeStream.foreachBatch(rec.sink).option('checkpointLocation', dir.checkpoint).start());
    await q.processAllAvailable();
    expect(rec.list()).toEqual([[['z', 1], ['a', 3]], [['b', 4], ['c', 2]], [['d', 5]]]);
  });

  it('with latestFirst takes the newest files first', async () => {
    const spark = t.session();
    const dir = t.dir();
    for (let i = 0; i < 5; i++) dir.write(`f${i}.csv`, `f${i},${i}\n`, T0 + i * 1000);
    const rec = new BatchRecorder();
    const q = t.query(await spark.readStream.schema(SCHEMA).options({ latestFirst: true, maxFilesPerTrigger: 2 }).csv(dir.input)
      .writeStream.foreachBatch(rec.sink).option('checkpointLocation', dir.checkpoint).start());
    await q.processAllAvailable();
    expect(rec.list()).toEqual([[['f4', 4], ['f3', 3]], [['f2', 2], ['f1', 1]], [['f0', 0]]]);
  });

  it('with maxBytesPerTrigger takes files while their sizes fit, and always at least one', async () => {
    const spark = t.session();
    const dir = t.dir();
    dir.write('a.csv', 'a,1\n', T0); // 4 bytes
    dir.write('b.csv', 'b,2\n', T0 + 1); // 4
    dir.write('c.csv', 'c,3\n', T0 + 2); // 4
    dir.write('d.csv', 'dddddddddddd,4\n', T0 + 3); // 15: more than the limit alone
    dir.write('e.csv', 'e,5\n', T0 + 4);
    const rec = new BatchRecorder();
    const q = t.query(await spark.readStream.schema(SCHEMA).option('maxBytesPerTrigger', 10).csv(dir.input)
      .writeStream.foreachBatch(rec.sink).option('checkpointLocation', dir.checkpoint).start());
    await q.processAllAvailable();
    expect(rec.list()).toEqual([[['a', 1], ['b', 2]], [['c', 3]], [['dddddddddddd', 4]], [['e', 5]]]);
  });

  it('resumes after a restart with the next file: none read twice, none skipped', async () => {
    const dir = t.dir();
    for (let i = 0; i < 6; i++) dir.write(`f${i}.csv`, `f${i},${i}\n`, T0 + i * 1000);
    const rec = new BatchRecorder();
    const start = async (): Promise<{ spark: ReturnType<TestContext['session']>; q: Awaited<ReturnType<typeof startQuery>> }> => {
      const spark = t.session();
      return { spark, q: await startQuery(spark) };
    };
    const startQuery = (spark: ReturnType<TestContext['session']>) =>
      spark.readStream.schema(SCHEMA).option('maxFilesPerTrigger', 1).csv(dir.input)
        .writeStream.foreachBatch(rec.sink).option('checkpointLocation', dir.checkpoint).trigger({ processingTime: '1 hour' }).start();

    // First run: one batch (the first trigger), then stop.
    const first = await start();
    t.query(first.q);
    await progressWhere(first.spark, (p) => p.batchId === 0);
    await first.q.stop();
    // Second run: a file added meanwhile, older than the rest, is taken in its place in time order.
    dir.write('late.csv', 'late,99\n', T0 + 2500);
    const second = await start();
    t.query(second.q);
    await progressWhere(second.spark, (p) => p.batchId === 1);
    await second.q.stop();
    // Third run: everything else, one file per batch (AvailableNow honours maxFilesPerTrigger).
    const spark = t.session();
    const third = t.query(await spark.readStream.schema(SCHEMA).option('maxFilesPerTrigger', 1).csv(dir.input)
      .writeStream.foreachBatch(rec.sink).option('checkpointLocation', dir.checkpoint).trigger({ availableNow: true }).start());
    await third.awaitTermination();
    expect(rec.list()).toEqual([
      [['f0', 0]], [['f1', 1]], [['f2', 2]], [['late', 99]], [['f3', 3]], [['f4', 4]], [['f5', 5]],
    ]);
  });

  it('Trigger.AvailableNow processes the files present at start, in as many batches as the limit needs, then stops', async () => {
    const spark = t.session();
    const dir = t.dir();
    for (let i = 0; i < 5; i++) dir.write(`f${i}.csv`, `f${i},${i}\n`, T0 + i * 1000);
    const rec = new BatchRecorder();
    const sink = async (df: Parameters<BatchRecorder['sink']>[0], id: number): Promise<void> => {
      // A file that arrives during the run is left for the next one.
      if (id === 0) dir.write('new.csv', 'new,9\n', T0 + 10_000);
      await rec.sink(df, id);
    };
    const q = t.query(await spark.readStream.schema(SCHEMA).option('maxFilesPerTrigger', 2).csv(dir.input)
      .writeStream.foreachBatch(sink).option('checkpointLocation', dir.checkpoint).trigger({ availableNow: true }).start());
    await q.awaitTermination();
    expect(q.isActive).toBe(false);
    expect(rec.list()).toEqual([[['f0', 0], ['f1', 1]], [['f2', 2], ['f3', 3]], [['f4', 4]]]);

    const again = t.query(await t.session().readStream.schema(SCHEMA).option('maxFilesPerTrigger', 2).csv(dir.input)
      .writeStream.foreachBatch(rec.sink).option('checkpointLocation', dir.checkpoint).trigger({ availableNow: true }).start());
    await again.awaitTermination();
    expect(rec.list().at(-1)).toEqual([['new', 9]]);
    expect(rec.list()).toHaveLength(4);
  });

  it('Trigger.Once takes every new file in one batch, ignoring maxFilesPerTrigger', async () => {
    const spark = t.session();
    const dir = t.dir();
    for (let i = 0; i < 3; i++) dir.write(`f${i}.csv`, `f${i},${i}\n`, T0 + i * 1000);
    const rec = new BatchRecorder();
    const q = t.query(await spark.readStream.schema(SCHEMA).option('maxFilesPerTrigger', 1).csv(dir.input)
      .writeStream.foreachBatch(rec.sink).option('checkpointLocation', dir.checkpoint).trigger({ once: true }).start());
    await q.awaitTermination();
    expect(rec.list()).toEqual([[['f0', 0], ['f1', 1], ['f2', 2]]]);
  });

  it('ignores files older than maxFileAge before the newest seen file (all files count in the first batch)', async () => {
    const spark = t.session();
    const dir = t.dir();
    const hour = 3_600_000;
    dir.write('old.csv', 'old,1\n', T0 - 3 * hour);
    dir.write('new.csv', 'new,2\n', T0);
    const rec = new BatchRecorder();
    const q = t.query(await spark.readStream.schema(SCHEMA).option('maxFileAge', '1h').csv(dir.input)
      .writeStream.foreachBatch(rec.sink).option('checkpointLocation', dir.checkpoint).start());
    await q.processAllAvailable();
    dir.write('stale.csv', 'stale,3\n', T0 - 2 * hour);
    dir.write('recent.csv', 'recent,4\n', T0 - hour / 2);
    await q.processAllAvailable();
    expect(rec.list()).toEqual([[['old', 1], ['new', 2]], [['recent', 4]]]);
  });

  it('ignores maxFileAge with latestFirst and a per-trigger limit (SPARK-19813): older files still come, last', async () => {
    const spark = t.session();
    const dir = t.dir();
    const hour = 3_600_000;
    dir.write('old.csv', 'old,1\n', T0 - 3 * hour);
    dir.write('new.csv', 'new,2\n', T0);
    const rec = new BatchRecorder();
    const q = t.query(await spark.readStream.schema(SCHEMA).options({ latestFirst: true, maxFilesPerTrigger: 1, maxFileAge: '1h' }).csv(dir.input)
      .writeStream.foreachBatch(rec.sink).option('checkpointLocation', dir.checkpoint).start());
    await q.processAllAvailable();
    expect(rec.list()).toEqual([[['new', 2]], [['old', 1]]]);
  });

  it('with fileNameOnly a file counts as seen by its name, whatever its folder', async () => {
    const spark = t.session();
    const dir = t.dir();
    dir.write('x/data.csv', 'first,1\n', T0);
    dir.write('y/data.csv', 'second,2\n', T0 + 1000);
    dir.write('y/other.csv', 'other,3\n', T0 + 2000);
    const rec = new BatchRecorder();
    const q = t.query(await spark.readStream.schema(SCHEMA).options({ fileNameOnly: true, recursiveFileLookup: true, maxFilesPerTrigger: 1 })
      .csv(dir.input).writeStream.foreachBatch(rec.sink).option('checkpointLocation', dir.checkpoint).start());
    await q.processAllAvailable();
    expect(rec.list()).toEqual([[['first', 1]], [['other', 3]]]);
  });

  it('passes the reader options through (pathGlobFilter, recursiveFileLookup, sep, header) and reads globs', async () => {
    const spark = t.session();
    const dir = t.dir();
    dir.write('a.csv', 'name;amount\nana;1\n', T0);
    dir.write('notes.txt', 'not data\n', T0);
    dir.write('sub/b.csv', 'name;amount\nbea;2\n', T0 + 1000);
    const rec = new BatchRecorder();
    const q = t.query(await spark.readStream.schema(SCHEMA)
      .options({ sep: ';', header: true, pathGlobFilter: '*.csv', recursiveFileLookup: true }).csv(dir.input)
      .writeStream.foreachBatch(rec.sink).option('checkpointLocation', dir.checkpoint).start());
    await q.processAllAvailable();
    expect(rec.list()).toEqual([[['ana', 1], ['bea', 2]]]);

    const globbed = new BatchRecorder();
    const g = t.query(await t.session().readStream.schema(SCHEMA).options({ sep: ';', header: true }).csv(join(dir.input, 's*', '*.csv'))
      .writeStream.foreachBatch(globbed.sink).option('checkpointLocation', dir.path('glob-checkpoint')).start());
    await g.processAllAvailable();
    expect(globbed.list()).toEqual([[['bea', 2]]]);
  });

  it('reads text files as one value per line, with no schema given', async () => {
    const spark = t.session();
    const dir = t.dir();
    dir.write('a.txt', 'uno\r\ndos\ntres', T0);
    const df = spark.readStream.text(dir.input);
    expect(df.schema.simpleString()).toBe('struct<value:string>');
    const rec = new BatchRecorder();
    const q = t.query(await df.writeStream.foreachBatch(rec.sink).option('checkpointLocation', dir.checkpoint).start());
    await q.processAllAvailable();
    expect(rec.list()).toEqual([[['uno'], ['dos'], ['tres']]]);
  });

  it('infers the schema from the files there at load() when spark.sql.streaming.schemaInference is true', async () => {
    const spark = t.session();
    spark.conf.set('spark.sql.streaming.schemaInference', 'true');
    const dir = t.dir();
    dir.write('a.json', '{"name":"ana","amount":1,"tags":["x"]}\n', T0);
    const df = spark.readStream.json(dir.input);
    expect(df.schema.simpleString()).toBe('struct<amount:bigint,name:string,tags:array<string>>');
    const rec = new BatchRecorder();
    const q = t.query(await df.writeStream.foreachBatch(rec.sink).option('checkpointLocation', dir.checkpoint).start());
    await q.processAllAvailable();
    expect(rec.list()).toEqual([[[1, 'ana', ['x']]]]);
  });

  it('replays a batch that failed with exactly the same files, even when newer files arrived meanwhile', async () => {
    const dir = t.dir();
    dir.write('a.csv', 'a,1\n', T0);
    dir.write('b.csv', 'b,2\n', T0 + 1000);
    let fail = true;
    const rec = new BatchRecorder();
    const sink = async (df: Parameters<BatchRecorder['sink']>[0], id: number): Promise<void> => {
      if (id === 1 && fail) throw new Error('sink down');
      await rec.sink(df, id);
    };
    const spark = t.session();
    const q = t.query(await spark.readStream.schema(SCHEMA).option('maxFilesPerTrigger', 1).csv(dir.input)
      .writeStream.foreachBatch(sink).option('checkpointLocation', dir.checkpoint).start());
    await expect(q.awaitTermination()).rejects.toThrow('sink down');
    dir.write('c.csv', 'c,3\n', T0 - 1000); // older than b: would come first in a fresh listing
    fail = false;
    const again = t.query(await t.session().readStream.schema(SCHEMA).option('maxFilesPerTrigger', 1).csv(dir.input)
      .writeStream.foreachBatch(sink).option('checkpointLocation', dir.checkpoint).start());
    await again.processAllAvailable();
    expect(rec.list()).toEqual([[['a', 1]], [['b', 2]], [['c', 3]]]);
  });
});
