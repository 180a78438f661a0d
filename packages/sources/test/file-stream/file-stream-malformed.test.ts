import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BatchRecorder, T0, TestContext } from './support/stream-fixtures.ts';

const t = new TestContext();
afterEach(() => t.close());

const REPO = join(import.meta.dirname, '../../../..');
const BIZUMS = join(REPO, 'examples', 'bizum', 'data');

const JSON_LINES = '{"name":"ana","amount":1}\n{"name":"bea","amount":"lots"}\n{not json\n{"name":"carla","amount":3}\n';

describe('malformed records in a stream follow mode', () => {
  it('PERMISSIVE (default) keeps them with nulls and fills the corrupt-record column', async () => {
    const spark = t.session();
    const dir = t.dir();
    dir.write('a.json', JSON_LINES, T0);
    const rec = new BatchRecorder();
    const q = t.query(await spark.readStream.schema('name STRING, amount INT, _corrupt_record STRING').json(dir.input)
      .writeStream.foreachBatch(rec.sink).option('checkpointLocation', dir.checkpoint).start());
    await q.processAllAvailable();
    expect(rec.list()).toEqual([[
      ['ana', 1, null],
      ['bea', null, '{"name":"bea","amount":"lots"}'],
      [null, null, '{not json'],
      ['carla', 3, null],
    ]]);
  });

  it('DROPMALFORMED drops them', async () => {
    const spark = t.session();
    const dir = t.dir();
    dir.write('a.json', JSON_LINES, T0);
    const rec = new BatchRecorder();
    const q = t.query(await spark.readStream.schema('name STRING, amount INT').option('mode', 'DROPMALFORMED').json(dir.input)
      .writeStream.foreachBatch(rec.sink).option('checkpointLocation', dir.checkpoint).start());
    await q.processAllAvailable();
    expect(rec.list()).toEqual([[['ana', 1], ['carla', 3]]]);
  });

  it('FAILFAST fails the query, naming the file and line; the batch stays uncommitted', async () => {
    const spark = t.session();
    const dir = t.dir();
    dir.write('good.csv', 'ana,1\n', T0);
    const bad = dir.write('bad.csv', 'bea,2\ncarla,three\n', T0 + 1000);
    const rec = new BatchRecorder();
    const q = t.query(await spark.readStream.schema('name STRING, amount INT').options({ mode: 'FAILFAST', maxFilesPerTrigger: 1 }).csv(dir.input)
      .writeStream.foreachBatch(rec.sink).option('checkpointLocation', dir.checkpoint).start());
    await expect(q.awaitTermination()).rejects.toThrow(
      `Malformed records are detected in record parsing. Parse Mode: FAILFAST. File ${bad}, line 2: cannot parse field 'amount' value "three" as int`,
    );
    expect(rec.list()).toEqual([[['ana', 1]]]);
    expect(readdirSync(join(dir.checkpoint, 'commits'))).toEqual(['0']);
    expect(readdirSync(join(dir.checkpoint, 'offsets')).sort()).toEqual(['0', '1']);
  });

  it('CSV mode PERMISSIVE keeps a short record with nulls', async () => {
    const spark = t.session();
    const dir = t.dir();
    dir.write('a.csv', 'ana,1,x\nbea\ncarla,3,z\n', T0);
    const rec = new BatchRecorder();
    const q = t.query(await spark.readStream.schema('name STRING, amount INT, note STRING').csv(dir.input)
      .writeStream.foreachBatch(rec.sink).option('checkpointLocation', dir.checkpoint).start());
    await q.processAllAvailable();
    expect(rec.list()).toEqual([[['ana', 1, 'x'], ['bea', null, null], ['carla', 3, 'z']]]);
  });
});

describe('the bizum files as they are: `;`, CRLF, no final newline', () => {
  it('streams all 23 payments exactly, one file per batch, in modification-time order', async () => {
    const spark = t.session();
    const dir = t.dir();
    const names = readdirSync(BIZUMS).sort();
    names.forEach((name, i) => {
      dir.write(name, readFileSync(join(BIZUMS, name)), T0 + i * 1000);
    });
    const rec = new BatchRecorder();
    const q = t.query(await spark.readStream.schema('Nombre STRING, Cantidad INT, Concepto STRING')
      .options({ sep: ';', maxFilesPerTrigger: 1 }).csv(dir.input)
      .writeStream.foreachBatch(rec.sink).option('checkpointLocation', dir.checkpoint).start());
    await q.processAllAvailable();
    // Independent: split each file's text on CRLF by hand.
    const expected = names.map((name) => readFileSync(join(BIZUMS, name), 'utf8').split('\r\n').map((line) => {
      const [who, amount, what] = line.split(';');
      return [who, Number(amount), what];
    }));
    expect(rec.list()).toEqual(expected);
    expect(expected.flat()).toHaveLength(23);
    expect(rec.list()[0]).toEqual([['MARIA', 3000, 'Coche']]);
  });
});
