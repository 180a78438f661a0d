import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Options, StructType, valueAt, type ColumnBatch } from '@caudal/core';
import { listFiles } from '../../src/file/listing/list-files.ts';
import { MalformedRecordError } from '../../src/file/malformed/malformed-record-error.ts';
import { fileFormat, inferFileSchema, parseFile } from '../../src/file/parse-file.ts';
import { Fixtures, rejectionOf } from './support/file-fixtures.ts';

let fx: Fixtures;
beforeEach(async () => {
  fx = await Fixtures.create();
});
afterEach(() => fx.remove());

function rows(batches: readonly ColumnBatch[]): unknown[][] {
  return batches.flatMap((b) => Array.from({ length: b.numRows }, (_, i) => b.columns.map((c) => valueAt(c, i))));
}

describe('parseFile and inferFileSchema (the per-file step the streaming file source reuses)', () => {
  it('parses one file into typed columns and lists its malformed records', async () => {
    const path = await fx.write('a.json', '{"n": 1, "x": 1.5}\n{"n": "bad"}\n{"n": 3}\n');
    const options = new Options([['mode', 'PERMISSIVE']]);
    const schema = inferFileSchema(listFiles(fx.dir, { recursive: false, nameFilter: undefined }), 'json', options);
    expect(schema.simpleString()).toBe('struct<n:string,x:double>');
    const typed = StructType.fromDataType({ kind: 'struct', fields: [{ name: 'n', dataType: { kind: 'long' }, nullable: true }, { name: 'x', dataType: { kind: 'double' }, nullable: true }] });
    const parsed = await parseFile(path, 'json', options, typed);
    expect(parsed.rows).toBe(3);
    expect(parsed.malformed).toEqual([{ path, line: 2, reason: 'cannot parse field \'n\' value "bad" as bigint' }]);
    const n = parsed.batches[0]!.column(0);
    expect(n.kind).toBe('num');
    expect(n.kind === 'num' && n.values instanceof Float64Array).toBe(true);
    expect(rows(parsed.batches)).toEqual([[1, 1.5], [null, null], [3, null]]);
  });

  it('takes a format configured once, and rejects with MalformedRecordError in FAILFAST', async () => {
    const path = await fx.write('b.csv', 'a;1\nb;x\n');
    const configured = fileFormat('csv').configure(new Options([['sep', ';'], ['mode', 'FAILFAST']]));
    const schema = configured.userSchema(new StructType().add('k', { kind: 'string' }).add('v', { kind: 'int' }));
    const e = await rejectionOf(parseFile(path, configured, new Options(), schema));
    expect(e).toBeInstanceOf(MalformedRecordError);
    expect((e as MalformedRecordError).record).toEqual({ path, line: 2, reason: 'cannot parse field \'v\' value "x" as int' });
  });
});
