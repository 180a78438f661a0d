import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OptionError, type Row } from '@caudal/core';
import { Fixtures, fileSession, messageOf, rejectionOf } from './support/file-fixtures.ts';

const spark = fileSession();
afterAll(() => spark.stop());

let fx: Fixtures;
beforeEach(async () => {
  fx = await Fixtures.create();
});
afterEach(() => fx.remove());

const values = (rows: Row[]): unknown[][] => rows.map((r) => Object.values(r));

describe('CSV schema', () => {
  it('names columns _c0, _c1, ... without a header and reads every column as string', async () => {
    const path = await fx.write('plain.csv', '1,a,2.5\n2,b,\n');
    const df = spark.read.csv(path);
    expect(df.schema.simpleString()).toBe('struct<_c0:string,_c1:string,_c2:string>');
    expect(values(await df.collect())).toEqual([['1', 'a', '2.5'], ['2', 'b', null]]);
  });

  it('takes names from the header and infers int, long, double, boolean, timestamp and date', async () => {
    const path = await fx.write('typed.csv', [
      'id,name,price,active,when,day',
      '1,Ana,2.5,true,2024-01-02 03:04:05,2024-01-02',
      '2,Bob,3,false,2024-01-03T00:00:00Z,2024-01-03',
      '3000000000,"Eve, Jr.",,TRUE,,',
    ].join('\n'));
    const df = spark.read.options({ header: true, inferSchema: true, timeZone: 'UTC' }).csv(path);
    expect(df.schema.treeString()).toBe([
      'root',
      ' |-- id: long (nullable = true)',
      ' |-- name: string (nullable = true)',
      ' |-- price: double (nullable = true)',
      ' |-- active: boolean (nullable = true)',
      ' |-- when: timestamp (nullable = true)',
      ' |-- day: date (nullable = true)',
      '',
    ].join('\n'));
    expect(values(await df.collect())).toEqual([
      [1, 'Ana', 2.5, true, new Date('2024-01-02T03:04:05Z'), new Date('2024-01-02T00:00:00Z')],
      [2, 'Bob', 3, false, new Date('2024-01-03T00:00:00Z'), new Date('2024-01-03T00:00:00Z')],
      [3000000000, 'Eve, Jr.', null, true, null, null],
    ]);
  });

  it('widens as Spark: int then double is double, numbers then text is string, dates then timestamps are timestamps', async () => {
    const path = await fx.write('widen.csv', [
      'i,d,s,b,t,n',
      '1,1,1,true,2024-01-01,',
      '2,1.5,x,1,2024-01-01 10:00:00,',
      '-3,NaN,2,false,2024-01-02,',
    ].join('\n'));
    const df = spark.read.options({ header: 'true', inferSchema: 'true' }).csv(path);
    expect(df.schema.simpleString()).toBe('struct<i:int,d:double,s:string,b:string,t:timestamp,n:string>');
  });

  it('infers yyyy-MM-dd columns as timestamp with preferDate=false, and with a dateFormat as date', async () => {
    const path = await fx.write('days.csv', '2024-01-02\n2024-01-03\n');
    expect(spark.read.option('inferSchema', true).csv(path).schema.simpleString()).toBe('struct<_c0:date>');
    expect(spark.read.options({ inferSchema: true, preferDate: false }).csv(path).schema.simpleString()).toBe('struct<_c0:timestamp>');
    const slashed = await fx.write('slashed.csv', '02/01/2024\n');
    expect(spark.read.options({ inferSchema: true, dateFormat: 'dd/MM/yyyy' }).csv(slashed).schema.simpleString()).toBe('struct<_c0:date>');
    expect(spark.read.options({ inferSchema: true }).csv(slashed).schema.simpleString()).toBe('struct<_c0:string>');
  });

  it('makes header names safe: empty names become _c<i>, repeated names get their index', async () => {
    const path = await fx.write('dups.csv', 'a,,A,b\n1,2,3,4\n');
    expect(spark.read.option('header', true).csv(path).columns).toEqual(['a0', '_c1', 'A2', 'b']);
  });

  it('skips the header of every file and reads header-only and empty files as no rows', async () => {
    await fx.write('1.csv', 'x,y\n1,2\n');
    await fx.write('2.csv', 'x,y\n3,4');
    await fx.write('3.csv', 'x,y\n');
    await fx.write('4.csv', '');
    const df = spark.read.options({ header: true, inferSchema: true }).csv(fx.dir);
    expect(df.schema.simpleString()).toBe('struct<x:int,y:int>');
    expect(values(await df.collect())).toEqual([[1, 2], [3, 4]]);
    const headerOnly = spark.read.options({ header: true, inferSchema: true }).csv(fx.path('3.csv'));
    expect(headerOnly.schema.simpleString()).toBe('struct<x:string,y:string>');
    expect(await headerOnly.count()).toBe(0);
    const empty = spark.read.csv(fx.path('4.csv'));
    expect(empty.columns).toEqual([]);
    expect(await empty.count()).toBe(0);
  });

  it('reads CRLF line ends, a byte-order mark, blank lines and no final newline', async () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('name;qty\r\nAna;1\r\n\r\n  \r\nLuis;2')]);
    const path = await fx.write('crlf.csv', bytes);
    const df = spark.read.options({ sep: ';', header: true, inferSchema: true }).csv(path);
    expect(df.columns).toEqual(['name', 'qty']);
    expect(values(await df.collect())).toEqual([['Ana', 1], ['Luis', 2]]);
  });
});

describe('CSV parsing options', () => {
  it('uses sep (one or more characters, \\t for a tab), quote, escape and comment', async () => {
    const tabs = await fx.write('tabs.tsv', 'a\tb\n"x\ty"\tz\n');
    expect(values(await spark.read.option('sep', '\\t').csv(tabs).collect())).toEqual([['a', 'b'], ['x\ty', 'z']]);
    const multi = await fx.write('multi.txt', 'a||b||c\n');
    expect(values(await spark.read.option('sep', '||').csv(multi).collect())).toEqual([['a', 'b', 'c']]);
    const quoted = await fx.write('quoted.csv', `'a,b',"c\\"d",e\n# a comment\n`);
    const df = spark.read.options({ quote: "'", comment: '#' }).csv(quoted);
    expect(values(await df.collect())).toEqual([['a,b', '"c\\"d"', 'e']]);
    expect(values(await spark.read.csv(quoted).collect())).toEqual([["'a", "b'", 'c"d', 'e'], ['# a comment', null, null, null]]);
  });

  it('reads nullValue as null; an unquoted empty field is null and a quoted one empty', async () => {
    const path = await fx.write('nulls.csv', 'NA,,"",x\n');
    expect(values(await spark.read.option('nullValue', 'NA').csv(path).collect())).toEqual([[null, null, '', 'x']]);
    expect(values(await spark.read.csv(path).collect())).toEqual([['NA', null, null, 'x']]);
  });

  it('trims with ignoreLeadingWhiteSpace / ignoreTrailingWhiteSpace only when asked', async () => {
    const path = await fx.write('spaces.csv', ' a , b \n');
    expect(values(await spark.read.csv(path).collect())).toEqual([[' a ', ' b ']]);
    expect(values(await spark.read.options({ ignoreLeadingWhiteSpace: true, ignoreTrailingWhiteSpace: true }).csv(path).collect())).toEqual([['a', 'b']]);
  });

  it('reads dates and timestamps with formats, and Spark\'s spellings of special doubles', async () => {
    const path = await fx.write('times.csv', '01/02/2024 13:45,01/02/2024,Inf\n31/12/1999 00:00,29/02/2024,-Inf\n');
    const df = spark.read
      .schema('t TIMESTAMP, d DATE, x DOUBLE')
      .options({ timestampFormat: 'dd/MM/yyyy HH:mm', dateFormat: 'dd/MM/yyyy', timeZone: 'America/New_York' })
      .csv(path);
    expect(values(await df.collect())).toEqual([
      [new Date('2024-02-01T18:45:00Z'), new Date('2024-02-01T00:00:00Z'), Infinity],
      [new Date('1999-12-31T05:00:00Z'), new Date('2024-02-29T00:00:00Z'), -Infinity],
    ]);
  });

  it('multiLine lets quoted values span lines (CRLF kept inside the value)', async () => {
    const path = await fx.write('multi.csv', 'id,text\r\n1,"line one\r\nline two"\r\n2,"say ""hi"""\r\n\r\n3,plain');
    const df = spark.read.options({ header: true, multiLine: true, escape: '"' }).csv(path);
    expect(values(await df.collect())).toEqual([['1', 'line one\r\nline two'], ['2', 'say "hi"'], ['3', 'plain']]);
    // Without multiLine each line is a record, as Spark reads it.
    const lines = spark.read.schema('id STRING, text STRING, _corrupt_record STRING').options({ header: true, escape: '"' }).csv(path);
    expect(values(await lines.collect())).toEqual([
      [null, null, '1,"line one'],
      ['line two"', null, 'line two"'],
      ['2', 'say "hi"', null],
      ['3', 'plain', null],
    ]);
  });

  it('multiLine reports an unclosed quote as one malformed record from its line to the end', async () => {
    const path = await fx.write('open.csv', 'a,b\n\n1,"never closed\n2,x\n');
    const df = spark.read.schema('a STRING, b STRING, _corrupt_record STRING').option('multiLine', true).csv(path);
    expect(values(await df.collect())).toEqual([['a', 'b', null], [null, null, '1,"never closed\n2,x']]);
    const failing = spark.read.schema('a STRING, b STRING').options({ multiLine: true, mode: 'FAILFAST' }).csv(path);
    expect((await rejectionOf(failing.collect())).message).toBe(
      `Malformed records are detected in record parsing. Parse Mode: FAILFAST. File ${path}, line 3: Quote Not Closed: the parsing is finished with an opening quote at line 4`,
    );
  });
});

describe('malformed CSV records', () => {
  const LINES = ['1,x', '2', 'oops,y', '3,z,extra', '"unclosed,w', '4,ok'];

  async function malformed(): Promise<string> {
    return fx.write('bad.csv', LINES.join('\n'));
  }

  it('PERMISSIVE keeps what parsed, nulls the rest, and puts the raw line in _corrupt_record', async () => {
    const df = spark.read.schema('a INT, b STRING, _corrupt_record STRING').csv(await malformed());
    expect(values(await df.collect())).toEqual([
      [1, 'x', null],
      [2, null, '2'],
      [null, 'y', 'oops,y'],
      [3, 'z', '3,z,extra'],
      [null, null, '"unclosed,w'],
      [4, 'ok', null],
    ]);
  });

  it('PERMISSIVE without a corrupt-record column', async () => {
    const df = spark.read.schema('a INT, b STRING').option('mode', 'permissive').csv(await malformed());
    expect(values(await df.collect())).toEqual([[1, 'x'], [2, null], [null, 'y'], [3, 'z'], [null, null], [4, 'ok']]);
  });

  it('DROPMALFORMED drops every malformed record', async () => {
    const df = spark.read.schema('a INT, b STRING').option('mode', 'DROPMALFORMED').csv(await malformed());
    expect(values(await df.collect())).toEqual([[1, 'x'], [4, 'ok']]);
  });

  it('FAILFAST names the file, the line and the reason', async () => {
    const path = await malformed();
    const fail = async (lines: string[]): Promise<string> => {
      await fx.write('bad.csv', lines.join('\r\n'));
      return (await rejectionOf(spark.read.schema('a INT, b STRING').option('mode', 'FAILFAST').csv(path).collect())).message;
    };
    const prefix = `Malformed records are detected in record parsing. Parse Mode: FAILFAST. File ${path}, line`;
    expect(await fail(LINES)).toBe(`${prefix} 2: expected 2 fields but found 1`);
    expect(await fail(['', '1,x', 'oops,y'])).toBe(`${prefix} 3: cannot parse field 'a' value "oops" as int`);
    expect(await fail(['1,x', '3,z,extra'])).toBe(`${prefix} 2: expected 2 fields but found 3`);
    expect(await fail(['1,x', '"unclosed,w'])).toBe(`${prefix} 2: Quote Not Closed: the parsing is finished with an opening quote at line 1`);
  });

  it('inference ignores the corrupt-record column; a schema with one fills it', async () => {
    const path = await fx.write('ragged.csv', 'a,b\n1,2\n3\n4,5,6\n');
    const df = spark.read.options({ header: true, inferSchema: true }).csv(path);
    expect(df.schema.simpleString()).toBe('struct<a:int,b:int>');
    expect(values(await df.collect())).toEqual([[1, 2], [3, null], [4, 5]]);
  });
});

describe('CSV option checks at load()', () => {
  it('rejects an empty sep, a non-boolean header, a bad mode and long quote characters', async () => {
    const path = await fx.write('a.csv', 'a\n');
    const e = (() => { try { spark.read.option('sep', '').csv(path); } catch (err) { return err; } return undefined; })();
    expect(e).toBeInstanceOf(OptionError);
    expect((e as Error).message).toBe('Delimiter cannot be empty string');
    expect(messageOf(() => spark.read.option('header', 'maybe').csv(path))).toBe("Invalid value 'maybe' for option 'header', must be 'true' or 'false'");
    expect(messageOf(() => spark.read.option('inferSchema', 1).csv(path))).toBe("Invalid value '1' for option 'inferSchema', must be 'true' or 'false'");
    expect(messageOf(() => spark.read.option('mode', 'STRICT').csv(path))).toBe("Invalid value 'STRICT' for option 'mode', must be one of PERMISSIVE, DROPMALFORMED, FAILFAST");
    expect(messageOf(() => spark.read.option('quote', '""').csv(path))).toBe('quote cannot be more than one character');
    expect(messageOf(() => spark.read.option('escape', '\\\\').csv(path))).toBe('escape cannot be more than one character');
    expect(messageOf(() => spark.read.option('sep', '\\').csv(path))).toBe(
      'Single backslash is prohibited. It has special meaning as beginning of an escape sequence. To get the backslash character, pass a string with two backslashes as the delimiter.',
    );
    expect(messageOf(() => spark.read.option('encoding', 'UTF-16').csv(path))).toBe("Invalid value 'UTF-16' for option 'encoding': only UTF-8 is supported");
    expect(messageOf(() => spark.read.option('lineSep', '').csv(path))).toBe("'lineSep' cannot be an empty string.");
  });

  it('rejects types CSV cannot read', async () => {
    const path = await fx.write('a.csv', 'a\n');
    expect(messageOf(() => spark.read.schema('a ARRAY<INT>').csv(path))).toBe('CSV data source does not support array<int> data type.');
  });

  it('accepts UTF-8 under any spelling', async () => {
    const path = await fx.write('a.csv', 'ñ\n');
    expect(values(await spark.read.option('encoding', 'utf8').csv(path).collect())).toEqual([['ñ']]);
    expect(values(await spark.read.option('charset', 'UTF-8').csv(path).collect())).toEqual([['ñ']]);
  });
});
