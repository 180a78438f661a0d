import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BOOLEAN, DATE, DOUBLE, LONG, MemoryStream, STRING, StructType, TIMESTAMP, type Session } from 'caudal';
import { committedFiles, committedTexts, newSession, tempDir, useCleanup, withoutUuid } from './helpers/file-sink-fixture.ts';

useCleanup();

const schema = new StructType().add('id', LONG).add('text', STRING).add('score', DOUBLE).add('ok', BOOLEAN).add('ts', TIMESTAMP).add('day', DATE);

const rows = [
  [1, 'plain', 1.5, true, new Date('2024-01-01T12:00:00Z'), '2024-02-29'],
  [2, 'a,b', 1e7, false, null, null],
  [3, 'say "hi"', Number.NaN, null, null, null],
  [4, 'back\\slash', null, null, null, null],
  [5, 'line\nbreak', null, null, null, null],
  [6, '  padded  ', null, null, null, null],
  [7, '', null, null, null, null],
  [8, null, null, null, null, null],
  [9, '"quoted start', null, null, null, null],
  [10, 'a\\"b', null, null, null, null],
];

/** Runs one batch of `data` through a csv sink with `options`; returns the text of the one file written. */
async function writeCsv(session: Session, options: Record<string, string | boolean>, data: unknown[][] = rows, s = schema): Promise<string> {
  const dir = tempDir();
  const input = new MemoryStream(session, s);
  const query = await input.toDF().writeStream.format('csv').options({ ...options, checkpointLocation: join(dir, 'ck') }).start(join(dir, 'out'));
  input.addData(data);
  await query.processAllAvailable();
  await query.stop();
  expect(committedFiles(join(dir, 'out')).map(withoutUuid)).toEqual(['part-00000-<uuid>.c000.csv']);
  return committedTexts(join(dir, 'out'))[0]!;
}

describe('csv file sink', () => {
  it('writes Spark-style CSV: no header by default, quoting only where needed, nulls empty, empty strings ""', async () => {
    const text = await writeCsv(newSession(), {});
    expect(text).toBe([
      '1,plain,1.5,true,2024-01-01T12:00:00.000Z,2024-02-29',
      '2,"a,b",1.0E7,false,,',
      '3,"say \\"hi\\"",NaN,,,',
      '4,back\\slash,,,,',
      '5,"line\nbreak",,,,',
      '6,padded,,,,',
      '7,"",,,,',
      '8,,,,,',
      '9,"\\"quoted start",,,,',
      '10,"a\\\\\\"b",,,,',
      '',
    ].join('\n'));
  });

  it('writes a header line in every file with header=true, across batches', async () => {
    const session = newSession();
    const dir = tempDir();
    const input = new MemoryStream(session, new StructType().add('a,b', LONG).add('c', STRING));
    const query = await input.toDF().writeStream.format('csv').option('header', 'true').option('checkpointLocation', join(dir, 'ck')).start(join(dir, 'out'));
    input.addData([[1, 'x']]);
    await query.processAllAvailable();
    input.addData([[2, 'y'], [3, 'z']]);
    await query.processAllAvailable();
    await query.stop();
    expect(committedTexts(join(dir, 'out'))).toEqual(['"a,b",c\n1,x\n', '"a,b",c\n2,y\n3,z\n']);
  });

  it('honours sep, quote, escape, nullValue, emptyValue and the white-space options', async () => {
    const s = new StructType().add('a', STRING).add('b', STRING);
    const data = [["it's", 'a;b'], [' x ', null], ['', 'plain']];
    const text = await writeCsv(newSession(), {
      sep: ';', quote: "'", escape: "'", nullValue: 'NULL', emptyValue: 'EMPTY',
      ignoreLeadingWhiteSpace: false, ignoreTrailingWhiteSpace: false,
    }, data, s);
    expect(text).toBe("'it''s';'a;b'\n x ;NULL\nEMPTY;plain\n");
  });

  it('quotes every field with quoteAll, leaves quotes alone with escapeQuotes=false, and reads \\t as a tab', async () => {
    const s = new StructType().add('a', STRING).add('b', LONG);
    const session = newSession();
    expect(await writeCsv(session, { quoteAll: true }, [['x', 1], [null, null], ['', 2]], s)).toBe('"x","1"\n"",""\n"","2"\n');
    expect(await writeCsv(session, { escapeQuotes: false }, [['say "hi"', 1], ['a,"b"', 2]], s)).toBe('say "hi",1\n"a,\\"b\\"",2\n');
    expect(await writeCsv(session, { sep: '\\t' }, [['a b', 1], ['c\td', 2]], s)).toBe('a b\t1\n"c\td"\t2\n');
    expect(await writeCsv(session, { sep: '||' }, [['a|b', 1], ['c||d', 2]], s)).toBe('a|b||1\n"c||d"||2\n');
  });
});
