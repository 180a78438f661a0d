import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FileSinkLog } from 'caudal';
import { BatchRecorder, T0, TestContext, rejectionOf, values } from './support/stream-fixtures.ts';

const t = new TestContext();
afterEach(() => t.close());

/** Runs a CSV → file sink query over `dir.input` to the end (AvailableNow), writing `format` files to `out`. */
async function writeWithFileSink(t: TestContext, input: string, out: string, checkpoint: string, format: 'json' | 'parquet'): Promise<void> {
  const q = t.query(await t.session().readStream.schema('name STRING, amount INT').option('maxFilesPerTrigger', 1).csv(input)
    .writeStream.format(format).option('path', out).option('checkpointLocation', checkpoint).trigger({ availableNow: true }).start());
  await q.awaitTermination();
}

describe("a file sink's output folder as a stream", () => {
  it('reads only the files its manifest committed, never a stray part file', async () => {
    const dir = t.dir();
    dir.write('a.csv', 'ana,1\n', T0);
    dir.write('b.csv', 'bea,2\n', T0 + 1000);
    const out = dir.path('out');
    await writeWithFileSink(t, dir.input, out, dir.path('ck-sink'), 'json');
    expect(FileSinkLog.readCommittedFiles(out)).toHaveLength(2);
    // What a batch that died before its commit leaves behind.
    writeFileSync(join(out, 'part-00000-00000000-0000-0000-0000-000000000000.c000.json'), '{"name":"ghost","amount":0}\n');

    const spark = t.session();
    const rec = new BatchRecorder();
    const q = t.query(await spark.readStream.schema('name STRING, amount INT').json(out)
      .writeStream.foreachBatch(rec.sink).option('checkpointLocation', dir.checkpoint).start());
    await q.processAllAvailable();
    expect(rec.list().flat().sort()).toEqual([['ana', 1], ['bea', 2]]);

    // A later commit of the sink is streamed as it appears.
    dir.write('c.csv', 'carla,3\n', T0 + 2000);
    await writeWithFileSink(t, dir.input, out, dir.path('ck-sink'), 'json');
    await q.processAllAvailable();
    expect(rec.list().at(-1)).toEqual([['carla', 3]]);
    expect(rec.list().flat()).toHaveLength(3);
  });
});

describe('parquet', () => {
  it('streams the Parquet files a file sink wrote, and reads them in a batch query', async () => {
    const dir = t.dir();
    dir.write('a.csv', 'ana,1\nbea,\n', T0);
    dir.write('b.csv', 'carla,3\n', T0 + 1000);
    const out = dir.path('out');
    await writeWithFileSink(t, dir.input, out, dir.path('ck-sink'), 'parquet');
    expect(readdirSync(out).filter((n) => n.endsWith('.parquet'))).toHaveLength(2);

    const spark = t.session();
    const stat = spark.read.parquet(out);
    expect(stat.schema.simpleString()).toBe('struct<name:string,amount:int>');
    expect(values(await stat.collect()).sort()).toEqual([['ana', 1], ['bea', null], ['carla', 3]]);

    const rec = new BatchRecorder();
    const q = t.query(await spark.readStream.schema('name STRING, amount INT').option('maxFilesPerTrigger', 1).parquet(out)
      .writeStream.foreachBatch(rec.sink).option('checkpointLocation', dir.checkpoint).start());
    await q.processAllAvailable();
    expect(rec.list().map((b) => b.sort()).sort()).toEqual([[['ana', 1], ['bea', null]], [['carla', 3]]]);
  });

  it('matches columns by name ignoring case, widens int to bigint, reads missing columns as null, infers when allowed', async () => {
    const dir = t.dir();
    dir.write('a.csv', 'ana,1\n', T0);
    const out = dir.path('out');
    await writeWithFileSink(t, dir.input, out, dir.path('ck-sink'), 'parquet');

    const spark = t.session();
    const rec = new BatchRecorder();
    const q = t.query(await spark.readStream.schema('extra STRING, AMOUNT BIGINT, Name STRING').parquet(out)
      .writeStream.foreachBatch(rec.sink).option('checkpointLocation', dir.checkpoint).start());
    await q.processAllAvailable();
    expect(rec.list()).toEqual([[[null, 1, 'ana']]]);

    spark.conf.set('spark.sql.streaming.schemaInference', 'true');
    expect(spark.readStream.parquet(out).schema.simpleString()).toBe('struct<name:string,amount:int>');
  });

  it('fails clearly on a column of another type', async () => {
    const dir = t.dir();
    dir.write('a.csv', 'ana,1\n', T0);
    const out = dir.path('out');
    await writeWithFileSink(t, dir.input, out, dir.path('ck-sink'), 'parquet');
    const file = FileSinkLog.readCommittedFiles(out)![0]!;
    const spark = t.session();
    const q = t.query(await spark.readStream.schema('name INT').parquet(out)
      .writeStream.foreachBatch(() => {}).option('checkpointLocation', dir.checkpoint).start());
    expect((await rejectionOf(q.awaitTermination())).message).toContain(
      `Parquet column cannot be converted in file ${file}. Column: [name], Expected: int, Found: string.`,
    );
  });

  it('reports a file that is not Parquet', async () => {
    const spark = t.session();
    const dir = t.dir();
    const bad = dir.write('bad.parquet', 'not parquet at all', T0);
    const q = t.query(await spark.readStream.schema('a INT').parquet(dir.input)
      .writeStream.foreachBatch(() => {}).option('checkpointLocation', dir.checkpoint).start());
    expect((await rejectionOf(q.awaitTermination())).message).toContain(`Could not read the Parquet file ${bad}: `);
  });
});
