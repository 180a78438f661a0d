import { describe, expect, it } from 'vitest';
import {
  BINARY, BOOLEAN, ColumnBatch, DATE, DOUBLE, INT, LONG, Options, STRING, StructType, TIMESTAMP, arrayOf, field, javaDoubleToString, mapOf, structOf,
  valueAt,
} from '@caudal/core';
import { doubleText } from '../../src/file/format/number-text.ts';
import { jsonEncoder } from '../../src/file/json/json-encoder.ts';
import { parseJsonOptions } from '../../src/file/json/json-options.ts';
import { jsonString } from '../../src/file/json/json-string.ts';
import { jsonValueWriter } from '../../src/file/json/json-value.ts';
import { batchOf } from '../helpers/batch-of.ts';

const decoder = new TextDecoder();

/** The encoder's text, line by line as the per-value writer (jsonValueWriter) writes each member. */
function expectedText(batch: ColumnBatch, ignoreNullFields: boolean): string {
  const settings = parseJsonOptions(new Options([['ignoreNullFields', ignoreNullFields]]), 'Europe/Madrid');
  const writers = batch.schema.fields.map((f) => jsonValueWriter(f.dataType, settings));
  let text = '';
  for (let r = 0; r < batch.numRows; r++) {
    const members: string[] = [];
    batch.schema.fields.forEach((f, c) => {
      const v = valueAt(batch.column(c), r);
      if (v !== null) members.push(`${jsonString(f.name)}:${writers[c]!(v)}`);
      else if (!ignoreNullFields) members.push(`${jsonString(f.name)}:null`);
    });
    text += `{${members.join(',')}}\n`;
  }
  return text;
}

async function encoded(batch: ColumnBatch, ignoreNullFields: boolean): Promise<string> {
  const settings = parseJsonOptions(new Options([['ignoreNullFields', ignoreNullFields]]), 'Europe/Madrid');
  return decoder.decode(await jsonEncoder(batch.schema, settings).encode(batch));
}

describe('JSON part-file encoder', () => {
  it('writes what the per-value writer writes, for every type, with runs of repeated values and nulls', async () => {
    const schema = new StructType()
      .add('l', LONG).add('i', INT).add('d', DOUBLE).add('s', STRING).add('b', BOOLEAN).add('ts', TIMESTAMP).add('day', DATE)
      .add('bin', BINARY).add('arr', arrayOf(DOUBLE)).add('m', mapOf(STRING, LONG)).add('st', structOf([field('x', INT), field('y', STRING)]))
      .add('weird "name"\n', STRING);
    let seed = 11;
    const rand = (): number => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
    const doubles = [0, -0, 1, -1, 1644, 0.1, 1e-3, 9.99e-4, 1e7, 9_999_999.5, 1e21, 1.5e-300, 5e-324, Number.NaN, Infinity, -Infinity, 2 ** 53, -123.456];
    const columns: (() => unknown)[] = [
      () => pick([0, -0, 1, -5, 2 ** 53, 1e21, 1_595_688_900_348]),
      () => pick([0, 7, -2_147_483_648, 2_147_483_647]),
      () => pick(doubles),
      () => pick(['', 'plain', 'Ana "A"\n\\', 'é\u0001\u001f', 'ñandú', '\ud83d\ude00', '\ud800 lone', 'tab\there']),
      () => rand() < 0.5,
      () => pick([0, -1, 1_700_000_000_123_456, -62_135_596_800_000_000]),
      () => pick([0, -1, 19_782, -719_162]),
      () => new Uint8Array([1, 2, 255].slice(0, Math.floor(rand() * 4))),
      () => [pick(doubles), null],
      () => new Map<unknown, unknown>([['k', 1], ['n', null]]),
      () => [pick([1, null]), pick(['y', null])],
      () => pick(['w', 'x']),
    ];
    const rows: unknown[][] = [];
    let previous: unknown[] = columns.map((make) => make());
    for (let r = 0; r < 3000; r++) {
      // Mostly repeat the previous row's value (as exploded rows do), sometimes change it or make it null.
      const row = columns.map((make, c) => {
        const x = rand();
        return x < 0.5 ? previous[c] : x < 0.85 ? make() : null;
      });
      rows.push(row);
      previous = row;
    }
    const batch = batchOf(schema, rows);
    for (const ignoreNullFields of [true, false]) {
      // Compared as UTF-8 (a lone surrogate is written as U+FFFD).
      expect(await encoded(batch, ignoreNullFields)).toBe(decoder.decode(new TextEncoder().encode(expectedText(batch, ignoreNullFields))));
    }
  });

  it('writes exact lines: members in schema order, nulls left out, an all-null row as {}', async () => {
    const schema = new StructType().add('n', LONG).add('d', DOUBLE).add('s', STRING);
    const batch = batchOf(schema, [[1, 1644, 'a'], [1, 1644, 'a'], [null, -0, null], [null, null, null], [2, 0.001, 'x"y']]);
    expect(await encoded(batch, true)).toBe('{"n":1,"d":1644.0,"s":"a"}\n{"n":1,"d":1644.0,"s":"a"}\n{"d":-0.0}\n{}\n{"n":2,"d":0.001,"s":"x\\"y"}\n');
    expect(await encoded(batch, false)).toBe(
      '{"n":1,"d":1644.0,"s":"a"}\n{"n":1,"d":1644.0,"s":"a"}\n{"n":null,"d":-0.0,"s":null}\n{"n":null,"d":null,"s":null}\n{"n":2,"d":0.001,"s":"x\\"y"}\n',
    );
  });
});

describe('JSON part-file encoder, piece by piece', () => {
  it('gives the bytes of one file holding the rows of all batches, as encode does for the concatenated batch', async () => {
    const schema = new StructType().add('g', LONG).add('s', STRING).add('n', LONG);
    const settings = parseJsonOptions(new Options(), 'UTC');
    const encoder = jsonEncoder(schema, settings);
    // Rows of about 1 KiB, three by three with the same first two values: several pieces of about 1 MiB.
    const make = (from: number, count: number): ColumnBatch =>
      batchOf(schema, Array.from({ length: count }, (_, i) => {
        const g = Math.floor((from + i) / 3);
        return [g, g % 4 === 0 ? null : `é${'x'.repeat(1000 + (g % 50))}`, from + i];
      }));
    const batches = [make(0, 1), make(1, 1200), make(1201, 255), make(1456, 2000)];
    const pieces = [...encoder.encodeStream!(batches)];
    expect(pieces.length).toBeGreaterThan(2);
    const whole = decoder.decode(await encoder.encode(ColumnBatch.concat(schema, batches)));
    expect(decoder.decode(Buffer.concat(pieces))).toBe(whole);
    const lines = whole.split('\n');
    expect(lines.length).toBe(3457);
    expect(lines.slice(0, 4)).toEqual(['{"g":0,"n":0}', '{"g":0,"n":1}', '{"g":0,"n":2}', `{"g":1,"s":"é${'x'.repeat(1001)}","n":3}`]);
    expect(lines[3455]).toBe(`{"g":1151,"s":"é${'x'.repeat(1001)}","n":3455}`);
    expect([...encoder.encodeStream!([])]).toEqual([]);
  });
});

describe('doubleText', () => {
  it('prints as Java does, the same as javaDoubleToString around the plain-notation bounds and elsewhere', () => {
    expect([1644, 0.001, 1e7, 9.0e-4, -0, 0, 123.456, -2.5, 1e21, Number.NaN, -Infinity].map(doubleText)).toEqual([
      '1644.0', '0.001', '1.0E7', '9.0E-4', '-0.0', '0.0', '123.456', '-2.5', '1.0E21', 'NaN', '-Infinity',
    ]);
    let seed = 3;
    const rand = (): number => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };
    const values = [1e-3, previousDouble(1e-3), 1e7, previousDouble(1e7), 2 ** 53, 2 ** 53 + 2, Number.MIN_VALUE, Number.MAX_VALUE, Number.NaN, Infinity, -Infinity];
    for (let i = 0; i < 20_000; i++) {
      const scale = 10 ** Math.floor(rand() * 24 - 12);
      const x = (rand() - 0.5) * scale;
      values.push(x, Math.round(x), Math.round(x * 100) / 100);
    }
    for (const x of values) expect(doubleText(x)).toBe(javaDoubleToString(x));
  });
});

/** The largest double below a positive x. */
function previousDouble(x: number): number {
  const f = Float64Array.of(x);
  const bits = new BigInt64Array(f.buffer);
  bits[0] = bits[0]! - 1n;
  return f[0]!;
}
