import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Row } from '@caudal/core';
import { Fixtures, fileSession, messageOf, sharedData } from './support/file-fixtures.ts';

const QUIJOTE = sharedData('text/el_quijote.txt');
const spark = fileSession();
afterAll(() => spark.stop());

let fx: Fixtures;
beforeEach(async () => {
  fx = await Fixtures.create();
});
afterEach(() => fx.remove());

const values = (rows: Row[]): unknown[] => rows.map((r) => r.value);

describe('the text reader', () => {
  it('reads Don Quijote as 2,186 lines equal to splitting the file by hand', async () => {
    const df = spark.read.text(QUIJOTE);
    expect(df.schema.treeString()).toBe('root\n |-- value: string (nullable = true)\n');
    const rows = await df.collect();
    expect(rows).toHaveLength(2186);
    const lines = readFileSync(QUIJOTE, 'utf8').split(/\r\n|\n|\r/);
    if (lines[lines.length - 1] === '') lines.pop();
    expect(values(rows)).toEqual(lines);
    expect(Math.max(...lines.map((l) => l.length))).toBeGreaterThan(4000);
  });

  it('keeps empty lines in the middle, drops the final newline, reads CRLF, CR and a byte-order mark', async () => {
    const path = await fx.write('mixed.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('uno\r\n\r\ndos\rtres\ncuatro\n')]));
    expect(values(await spark.read.text(path).collect())).toEqual(['uno', '', 'dos', 'tres', 'cuatro']);
    const noFinal = await fx.write('no-final.txt', 'a\nb');
    expect(values(await spark.read.text(noFinal).collect())).toEqual(['a', 'b']);
  });

  it('reads an empty file as no rows, and with wholetext as one empty row', async () => {
    const path = await fx.write('empty.txt', '');
    expect(await spark.read.text(path).count()).toBe(0);
    expect(values(await spark.read.option('wholetext', true).text(path).collect())).toEqual(['']);
  });

  it('wholetext gives one row per file with its whole text', async () => {
    await fx.write('a.txt', 'line 1\r\nline 2\n');
    await fx.write('b.txt', 'solo');
    const df = spark.read.format('text').option('wholetext', 'true').load(fx.dir);
    expect(values(await df.collect())).toEqual(['line 1\r\nline 2\n', 'solo']);
  });

  it('splits at a custom lineSep only', async () => {
    const path = await fx.write('sep.txt', 'a\nb;c;;d;');
    expect(values(await spark.read.option('lineSep', ';').text(path).collect())).toEqual(['a\nb', 'c', '', 'd']);
  });

  it('accepts one string column under any name and rejects other schemas', async () => {
    const path = await fx.write('a.txt', 'x\n');
    const df = spark.read.schema('line STRING').text(path);
    expect((await df.collect()).map((r) => r.line)).toEqual(['x']);
    expect(messageOf(() => spark.read.schema('a STRING, b STRING').text(path))).toBe('Text data source supports only a single column, and you have 2 columns.');
    expect(messageOf(() => spark.read.schema('a INT').text(path))).toBe('Text data source does not support int data type.');
    expect(messageOf(() => spark.read.option('wholetext', 'sometimes').text(path))).toBe("Invalid value 'sometimes' for option 'wholetext', must be 'true' or 'false'");
  });
});
