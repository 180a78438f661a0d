import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AnalysisError, OptionError, type Row } from '@caudal/core';
import { Fixtures, fileSession, messageOf, rejectionOf } from './support/file-fixtures.ts';

const spark = fileSession();
afterAll(() => spark.stop());

let fx: Fixtures;
beforeEach(async () => {
  fx = await Fixtures.create();
});
afterEach(() => fx.remove());

const values = (rows: Row[]): unknown[][] => rows.map((r) => Object.values(r));

describe('JSON schema inference', () => {
  it('merges fields across lines, widens types as Spark, sorts fields and makes null-only fields strings', async () => {
    const path = await fx.write('widen.json', [
      '{"a": 1, "b": "x", "c": 1, "n": null, "e": ""}',
      '{"a": 2.5, "b": 3, "d": {"y": 1}, "c": true}',
      '{"a": 3, "d": {"x": "s", "y": 2.0}, "arr": [1, 2.5], "mixed": [1, "a"], "big": 12345678901234}',
    ].join('\n'));
    const df = spark.read.json(path);
    expect(df.schema.treeString()).toBe([
      'root',
      ' |-- a: double (nullable = true)',
      ' |-- arr: array (nullable = true)',
      ' |    |-- element: double (containsNull = true)',
      ' |-- b: string (nullable = true)',
      ' |-- big: long (nullable = true)',
      ' |-- c: string (nullable = true)',
      ' |-- d: struct (nullable = true)',
      ' |    |-- x: string (nullable = true)',
      ' |    |-- y: double (nullable = true)',
      ' |-- e: string (nullable = true)',
      ' |-- mixed: array (nullable = true)',
      ' |    |-- element: string (containsNull = true)',
      ' |-- n: string (nullable = true)',
      '',
    ].join('\n'));
    expect(values(await df.collect())).toEqual([
      [1, null, 'x', null, '1', null, '', null, null],
      [2.5, null, '3', null, 'true', { x: null, y: 1 }, null, null, null],
      [3, [1, 2.5], null, 12345678901234, null, { x: 's', y: 2 }, null, ['1', 'a'], null],
    ]);
  });

  it('infers whole numbers as long and numbers written with a point or exponent as double', () => {
    return fx.write('numbers.json', '{"i": 1, "f": 1.0, "e": 1e3, "neg": -7, "s": "1.5", "obj": {"k": "2.0"}}\n').then((path) => {
      expect(spark.read.json(path).schema.simpleString()).toBe('struct<e:double,f:double,i:bigint,neg:bigint,obj:struct<k:string>,s:string>');
    });
  });

  it('sorts field names as Java compares strings (upper case before `_` before lower case)', async () => {
    const path = await fx.write('names.json', '{"b": 1, "B": 2, "a": 3, "_z": 4, "Ä": 5}\n');
    expect(spark.read.json(path).columns).toEqual(['B', '_z', 'a', 'b', 'Ä']);
  });

  it('leaves out structs that never have fields and keeps arrays of structs', async () => {
    const path = await fx.write('empty-structs.json', '{"e": {}, "items": [{"q": 1}, {"p": "x"}], "none": []}\n{"e": {}, "items": []}\n');
    const df = spark.read.json(path);
    expect(df.schema.simpleString()).toBe('struct<items:array<struct<p:string,q:bigint>>,none:array<string>>');
    expect(values(await df.collect())).toEqual([
      [[{ p: null, q: 1 }, { p: 'x', q: null }], []],
      [[], null],
    ]);
  });

  it('reads a top-level array as one row per element', async () => {
    const path = await fx.write('arrays.json', '[{"a": 1}, {"a": 2, "b": true}]\n{"a": 3}\n[]\n');
    const df = spark.read.json(path);
    expect(df.schema.simpleString()).toBe('struct<a:bigint,b:boolean>');
    expect(values(await df.collect())).toEqual([[1, null], [2, true], [3, null]]);
  });

  it('fails for a directory without files, as Spark cannot infer a schema then', async () => {
    await fx.write('.hidden.json', '{"a": 1}\n');
    const e = (() => { try { spark.read.json(fx.dir); } catch (err) { return err; } return undefined; })();
    expect(e).toBeInstanceOf(AnalysisError);
    expect((e as Error).message).toBe('Unable to infer schema for JSON. It must be specified manually.');
  });

  it('gives no columns and no rows for empty files', async () => {
    const path = await fx.write('empty.json', '');
    await fx.write('blank.json', '\n  \n');
    const df = spark.read.json(fx.dir);
    expect(df.columns).toEqual([]);
    expect(await df.count()).toBe(0);
    expect(await spark.read.schema('a INT').json(path).count()).toBe(0);
  });
});

describe('malformed JSON records', () => {
  const LINES = ['{"a": 1, "b": "x"}', '{"a": 2, "b"', '{"a": 3}', '[5]', '"text"'];

  async function malformed(): Promise<string> {
    return fx.write('bad.json', LINES.join('\n') + '\n');
  }

  it('PERMISSIVE (default) adds _corrupt_record to the inferred schema and puts the raw line there', async () => {
    const df = spark.read.json(await malformed());
    expect(df.schema.simpleString()).toBe('struct<_corrupt_record:string,a:bigint,b:string>');
    expect(values(await df.collect())).toEqual([
      [null, 1, 'x'],
      ['{"a": 2, "b"', null, null],
      [null, 3, null],
      ['[5]', null, null],
      ['"text"', null, null],
    ]);
  });

  it('PERMISSIVE without a corrupt-record column keeps malformed rows as nulls', async () => {
    const df = spark.read.schema('a LONG, b STRING').json(await malformed());
    expect(values(await df.collect())).toEqual([[1, 'x'], [null, null], [3, null], [null, null], [null, null]]);
  });

  it('PERMISSIVE with a renamed corrupt-record column', async () => {
    const df = spark.read.schema('a LONG, bad STRING').option('columnNameOfCorruptRecord', 'bad').json(await malformed());
    expect(values(await df.collect())).toEqual([[1, null], [null, '{"a": 2, "b"'], [3, null], [null, '[5]'], [null, '"text"']]);
  });

  it('DROPMALFORMED drops malformed records, from inference too', async () => {
    const df = spark.read.option('mode', 'dropMalformed').json(await malformed());
    expect(df.schema.simpleString()).toBe('struct<a:bigint,b:string>');
    expect(values(await df.collect())).toEqual([[1, 'x'], [3, null]]);
  });

  it('FAILFAST fails schema inference at load() naming the file and line', async () => {
    const path = await malformed();
    expect(messageOf(() => spark.read.option('mode', 'FAILFAST').json(path))).toBe(
      `Malformed records are detected in schema inference. Parse Mode: FAILFAST. File ${path}, line 2: Unexpected end of JSON input`,
    );
  });

  it('FAILFAST counts a top-level value that is not an object as malformed during inference', async () => {
    const path = await fx.write('scalar.json', '{"a": 1}\n\n42\n');
    expect(messageOf(() => spark.read.option('mode', 'FAILFAST').json(path))).toBe(
      `Malformed records are detected in schema inference. Parse Mode: FAILFAST. File ${path}, line 3: expected a JSON object but found a number`,
    );
  });

  it('FAILFAST with a schema fails the read naming the file and line', async () => {
    const path = await malformed();
    const df = spark.read.schema('a LONG, b STRING').option('mode', 'FAILFAST').json(path);
    expect((await rejectionOf(df.collect())).message).toBe(
      `Malformed records are detected in record parsing. Parse Mode: FAILFAST. File ${path}, line 2: Unexpected end of JSON input`,
    );
  });

  it('a value that does not fit its type makes the record malformed; the other fields keep their values', async () => {
    const path = await fx.write('types.json', '{"a": "oops", "b": "kept"}\n{"a": 7, "b": "fine"}\n{"a": 1.5, "b": "half"}\n');
    const df = spark.read.schema('a INT, b STRING, _corrupt_record STRING').json(path);
    expect(values(await df.collect())).toEqual([
      [null, 'kept', '{"a": "oops", "b": "kept"}'],
      [7, 'fine', null],
      [null, 'half', '{"a": 1.5, "b": "half"}'],
    ]);
    const dropped = spark.read.schema('a INT, b STRING').option('mode', 'DROPMALFORMED').json(path);
    expect(values(await dropped.collect())).toEqual([[7, 'fine']]);
    const failing = spark.read.schema('a INT, b STRING').option('mode', 'FAILFAST').json(path);
    expect((await rejectionOf(failing.collect())).message).toBe(
      `Malformed records are detected in record parsing. Parse Mode: FAILFAST. File ${path}, line 1: cannot parse field 'a' value "oops" as int`,
    );
  });

  it('names the nested place of a value that does not fit', async () => {
    const path = await fx.write('nested.json', '\n{"s": {"x": 1}, "items": [{"q": 1}, {"q": "z"}]}\n');
    const df = spark.read.schema('s STRUCT<x: INT>, items ARRAY<STRUCT<q: INT>>').option('mode', 'FAILFAST').json(path);
    expect((await rejectionOf(df.collect())).message).toBe(
      `Malformed records are detected in record parsing. Parse Mode: FAILFAST. File ${path}, line 2: cannot parse field 'items[1].q' value "z" as int`,
    );
    const permissive = spark.read.schema('s STRUCT<x: INT>, items ARRAY<STRUCT<q: INT>>').json(path);
    expect(values(await permissive.collect())).toEqual([[{ x: 1 }, null]]);
  });
});

describe('JSON file layout', () => {
  it('reads CRLF line ends, a byte-order mark, blank lines and a missing final newline', async () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"a":1}\r\n{"a":2}\r\n\r\n{"a":3}')]);
    const path = await fx.write('crlf.json', bytes);
    const df = spark.read.json(path);
    expect(df.columns).toEqual(['a']);
    expect(values(await df.collect())).toEqual([[1], [2], [3]]);
  });

  it('counts lines the same way for CRLF files in FAILFAST messages', async () => {
    const path = await fx.write('crlf-bad.json', '{"a":1}\r\n\r\n{"a":}\r\n');
    expect(messageOf(() => spark.read.option('mode', 'FAILFAST').json(path))).toBe(
      `Malformed records are detected in schema inference. Parse Mode: FAILFAST. File ${path}, line 3: Unexpected token '}', "{"a":}" is not valid JSON`,
    );
  });

  it('multiLine reads each file as one document: an object or an array of objects', async () => {
    await fx.write('one.json', '{\n  "id": 1,\n  "tags": ["x", "y"]\n}\n');
    await fx.write('many.json', '[\n  {"id": 2},\n  {"id": 3, "tags": []}\n]');
    const df = spark.read.option('multiLine', true).json(fx.dir);
    expect(df.schema.simpleString()).toBe('struct<id:bigint,tags:array<string>>');
    expect(values(await df.collect())).toEqual([[2, null], [3, []], [1, ['x', 'y']]]);
  });

  it('multiLine puts a whole malformed file in _corrupt_record and FAILFAST names the line of the error', async () => {
    await fx.write('a.json', '{"id": 1}');
    const bad = await fx.write('b.json', '{\n  "id": 2,\n  "name": "x"\n  "more": 1\n}\n');
    const df = spark.read.option('multiLine', 'true').json(fx.dir);
    expect(df.schema.simpleString()).toBe('struct<_corrupt_record:string,id:bigint>');
    expect(values(await df.collect())).toEqual([[null, 1], ['{\n  "id": 2,\n  "name": "x"\n  "more": 1\n}\n', null]]);
    const failing = spark.read.schema('id LONG').options({ multiLine: true, mode: 'FAILFAST' }).json(fx.dir);
    expect((await rejectionOf(failing.collect())).message).toBe(
      `Malformed records are detected in record parsing. Parse Mode: FAILFAST. File ${bad}, line 4: Expected ',' or '}' after property value in JSON at position 29`,
    );
  });

  it('splits records at a custom lineSep', async () => {
    const path = await fx.write('sep.json', '{"a":1}|{"a":2}|');
    expect(values(await spark.read.option('lineSep', '|').json(path).collect())).toEqual([[1], [2]]);
  });
});

describe('JSON values into typed columns', () => {
  it('reads timestamps and dates with the default (ISO) forms and with formats', async () => {
    const path = await fx.write('times.json', [
      '{"t": "2024-03-01 10:20:30.5", "d": "2024-03-01"}',
      '{"t": "2024-03-01T10:20:30Z", "d": "2024-3-1"}',
      '{"t": "2024-03-01T12:20:30+02:00", "d": null}',
      '{"t": 1700000000}',
    ].join('\n'));
    const df = spark.read.schema('t TIMESTAMP, d DATE').option('timeZone', 'UTC').json(path);
    expect(values(await df.collect())).toEqual([
      [new Date('2024-03-01T10:20:30.500Z'), new Date('2024-03-01T00:00:00Z')],
      [new Date('2024-03-01T10:20:30Z'), new Date('2024-03-01T00:00:00Z')],
      [new Date('2024-03-01T10:20:30Z'), null],
      [new Date(1_700_000_000_000), null],
    ]);
    const custom = await fx.write('custom.json', '{"t": "01/03/2024 10:20", "d": "01/03/2024"}\n{"t": "2024-03-01", "d": "x"}\n');
    const formatted = spark.read.schema('t TIMESTAMP, d DATE').options({
      timeZone: 'Europe/Madrid', timestampFormat: 'dd/MM/yyyy HH:mm', dateFormat: 'dd/MM/yyyy',
    }).json(custom);
    expect(values(await formatted.collect())).toEqual([
      [new Date('2024-03-01T09:20:00Z'), new Date('2024-03-01T00:00:00Z')],
      [null, null],
    ]);
  });

  it('reads maps, strings from any JSON value, and non-finite doubles', async () => {
    const path = await fx.write('misc.json', '{"m": {"x": 1, "y": null}, "s": {"k": [1, 2]}, "n": 5, "v": "NaN"}\n{"m": {}, "s": true, "n": 2.5, "v": "-Infinity"}\n');
    const df = spark.read.schema('m MAP<STRING, INT>, s STRING, n STRING, v DOUBLE').json(path);
    expect(values(await df.collect())).toEqual([
      [new Map([['x', 1], ['y', null]]), '{"k":[1,2]}', '5', Number.NaN],
      [new Map(), 'true', '2.5', -Infinity],
    ]);
  });
});

describe('JSON options', () => {
  it('rejects a mode that is not one of the three, and other bad values, at load()', async () => {
    const path = await fx.write('a.json', '{"a": 1}\n');
    const e = (() => { try { spark.read.option('mode', 'lenient').json(path); } catch (err) { return err; } return undefined; })();
    expect(e).toBeInstanceOf(OptionError);
    expect((e as Error).message).toBe("Invalid value 'lenient' for option 'mode', must be one of PERMISSIVE, DROPMALFORMED, FAILFAST");
    expect(messageOf(() => spark.read.option('multiLine', 'yes').json(path))).toBe("Invalid value 'yes' for option 'multiLine', must be 'true' or 'false'");
    expect(messageOf(() => spark.read.option('encoding', 'latin1').json(path))).toBe("Invalid value 'latin1' for option 'encoding': only UTF-8 is supported");
    expect(messageOf(() => spark.read.option('timestampFormat', 'yyyy-QQ').json(path))).toBe(
      "Invalid datetime pattern 'yyyy-QQ' for option 'timestampFormat': unsupported pattern letter 'Q'",
    );
    expect(messageOf(() => spark.read.option('timeZone', 'Mars/Olympus').json(path))).toBe(
      "Invalid value 'Mars/Olympus' for option 'timeZone', must be a time-zone id such as 'UTC' or 'Europe/Madrid'",
    );
  });

  it('rejects a corrupt-record column that is not a string, and types JSON cannot read', async () => {
    const path = await fx.write('a.json', '{"a": 1}\n');
    expect(messageOf(() => spark.read.schema('a INT, _corrupt_record INT').json(path))).toBe('The field for corrupt records must be string type and nullable');
    expect(messageOf(() => spark.read.schema('a MAP<INT, STRING>').json(path))).toBe('JSON data source does not support map<int,string> data type.');
  });

  it('makes a given schema nullable, as Spark does for files', async () => {
    const path = await fx.write('a.json', '{"a": 1}\n{}\n');
    const df = spark.read.schema('a INT NOT NULL').json(path);
    expect(df.schema.treeString()).toBe('root\n |-- a: integer (nullable = true)\n');
    expect(values(await df.collect())).toEqual([[1], [null]]);
  });

  it('primitivesAsString and dropFieldIfAllNull shape the inferred schema', async () => {
    const path = await fx.write('a.json', '{"a": 1, "b": true, "c": null, "d": {"e": null}}\n');
    expect(spark.read.option('primitivesAsString', true).json(path).schema.simpleString()).toBe('struct<a:string,b:string,c:string,d:struct<e:string>>');
    expect(spark.read.option('dropFieldIfAllNull', true).json(path).schema.simpleString()).toBe('struct<a:bigint,b:boolean>');
  });
});
