import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AnalysisError, OptionError } from 'caudal';
import { T0, TestContext, errorOf, rejectionOf } from './support/stream-fixtures.ts';

const t = new TestContext();
afterEach(() => t.close());

const SCHEMA = 'name STRING, amount INT';

describe('errors at load(), before any query starts', () => {
  it('a schema is required unless spark.sql.streaming.schemaInference is true (text needs none)', () => {
    const spark = t.session();
    const dir = t.dir();
    const e = errorOf(() => spark.readStream.json(dir.input));
    expect(e).toBeInstanceOf(AnalysisError);
    expect(e.message).toBe(
      'Schema must be specified when creating a streaming source DataFrame. If some files already exist in the directory, then ' +
      "depending on the file format you may be able to create a static DataFrame on that directory with 'spark.read.load(directory)' " +
      'and infer schema from it.',
    );
    expect(errorOf(() => spark.readStream.format('csv').load(dir.input)).message).toMatch(/^Schema must be specified/);
    expect(errorOf(() => spark.readStream.parquet(dir.input)).message).toMatch(/^Schema must be specified/);
    expect(spark.readStream.text(dir.input).columns).toEqual(['value']);
  });

  it('with inference on and no files there is nothing to infer from', () => {
    const spark = t.session();
    spark.conf.set('spark.sql.streaming.schemaInference', 'true');
    const dir = t.dir();
    expect(errorOf(() => spark.readStream.json(dir.input)).message).toBe('Unable to infer schema for JSON. It must be specified manually.');
  });

  it('the path must be given, and exist unless it is a glob', () => {
    const spark = t.session();
    const dir = t.dir();
    expect(errorOf(() => spark.readStream.format('json').schema(SCHEMA).load()).message).toBe("'path' is not specified");
    const missing = join(dir.root, 'nope');
    const e = errorOf(() => spark.readStream.schema(SCHEMA).json(missing));
    expect(e).toBeInstanceOf(AnalysisError);
    expect(e.message).toBe(`Path does not exist: file:${missing}`);
    // A glob may match later.
    expect(spark.readStream.schema(SCHEMA).json(join(dir.root, 'later-*')).columns).toEqual(['name', 'amount']);
  });

  it.each([
    [{ maxFilesPerTrigger: 0 }, "Invalid value '0' for option 'maxFilesPerTrigger', must be a positive integer"],
    [{ maxFilesPerTrigger: 'ten' }, "Invalid value 'ten' for option 'maxFilesPerTrigger', must be a positive integer"],
    [{ maxBytesPerTrigger: -5 }, "Invalid value '-5' for option 'maxBytesPerTrigger', must be a positive integer"],
    [{ maxFilesPerTrigger: 1, maxBytesPerTrigger: 100 }, "Options 'maxFilesPerTrigger' and 'maxBytesPerTrigger' can't be both set at the same time"],
    [{ latestFirst: 'yes' }, "Invalid value 'yes' for option 'latestFirst', must be 'true' or 'false'"],
    [{ fileNameOnly: 1 }, "Invalid value '1' for option 'fileNameOnly', must be 'true' or 'false'"],
    [{ maxFileAge: 'a week' }, "Invalid value 'a week' for option 'maxFileAge'. Time must be specified as seconds (s), milliseconds (ms), microseconds (us), minutes (m or min), hour (h), or day (d). E.g. 50s, 100ms, or 250us."],
    [{ cleanSource: 'move' }, "Invalid mode for clean source option 'move'. Must be one of ARCHIVE,DELETE,OFF"],
    [{ cleanSource: 'archive' }, "Archive mode must be used with 'sourceArchiveDir' option."],
    [{ fileSettleTime: 'soon' }, "Invalid value 'soon' for option 'fileSettleTime'. Time must be specified as seconds (s), milliseconds (ms), microseconds (us), minutes (m or min), hour (h), or day (d). E.g. 50s, 100ms, or 250us."],
    [{ mode: 'LENIENT' }, "Invalid value 'LENIENT' for option 'mode', must be one of PERMISSIVE, DROPMALFORMED, FAILFAST"],
  ])('rejects %j', (options, message) => {
    const spark = t.session();
    const dir = t.dir();
    const e = errorOf(() => spark.readStream.schema(SCHEMA).options(options).csv(dir.input));
    expect(e).toBeInstanceOf(OptionError);
    expect(e.message).toBe(message);
  });

  it('rejects an archive folder that the source path could match (inside it, or the folder itself)', () => {
    const spark = t.session();
    const dir = t.dir();
    const message = 'Base archive path cannot be set to the path where archived path can possibly match with source pattern. ' +
      "Ensure the base archive path doesn't match with source pattern in depth, where the depth is minimum of depth on both paths.";
    for (const archive of [join(dir.input, 'archive'), dir.input]) {
      expect(errorOf(() => spark.readStream.schema(SCHEMA).options({ cleanSource: 'archive', sourceArchiveDir: archive }).csv(dir.input)).message)
        .toBe(message);
    }
    // With a glob, any folder the glob could match at the same depth.
    expect(errorOf(() => spark.readStream.schema(SCHEMA).options({ cleanSource: 'archive', sourceArchiveDir: join(dir.root, 'in-archive') })
      .csv(join(dir.root, 'in*'))).message).toBe(message);
    expect(spark.readStream.schema(SCHEMA).options({ cleanSource: 'archive', sourceArchiveDir: dir.path('archive') }).csv(dir.input).isStreaming)
      .toBe(true);
  });

  it('checks a given schema against the format', () => {
    const spark = t.session();
    const dir = t.dir();
    expect(errorOf(() => spark.readStream.schema('a STRING, b STRING').text(dir.input)).message)
      .toBe('Text data source supports only a single column, and you have 2 columns.');
  });
});

describe('errors while running', () => {
  it('a file logged for a batch that disappears before the batch runs fails the query clearly', async () => {
    const dir = t.dir();
    const path = dir.write('a.csv', 'a,1\n', T0);
    let first = true;
    const spark = t.session();
    const q = t.query(await spark.readStream.schema(SCHEMA).csv(dir.input).writeStream
      .foreachBatch(() => {
        if (first) {
          first = false;
          throw new Error('crash before commit');
        }
      })
      .option('checkpointLocation', dir.checkpoint).start());
    await expect(q.awaitTermination()).rejects.toThrow('crash before commit');
    rmSync(path);
    const again = t.query(await t.session().readStream.schema(SCHEMA).csv(dir.input).writeStream.foreachBatch(() => {})
      .option('checkpointLocation', dir.checkpoint).start());
    const e = await rejectionOf(again.awaitTermination());
    expect(e.message).toContain(
      `File ${path} of the file source's log batch 0 does not exist. It was deleted or moved after it was listed; ` +
      'files must stay in the source folder until their batch commits.',
    );
  });

  it('a second query on the same checkpoint is refused', async () => {
    const dir = t.dir();
    const start = () => t.session().readStream.schema(SCHEMA).csv(dir.input).writeStream.format('noop')
      .option('checkpointLocation', dir.checkpoint).start();
    t.query(await start());
    expect((await rejectionOf(start())).message).toBe(
      `The checkpoint ${dir.checkpoint} is in use by another running query (process ${process.pid}). Stop that query first, or use another checkpointLocation.`,
    );
  });
});
