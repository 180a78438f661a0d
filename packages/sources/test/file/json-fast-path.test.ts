import { describe, expect, it } from 'vitest';
import {
  BINARY, BOOLEAN, DATE, DOUBLE, INT, LONG, Options, STRING, StructType, TIMESTAMP, arrayOf, field, mapOf, structOf, valueAt,
  type ColumnBatch,
} from '@caudal/core';
import type { ParsedFile } from '../../src/file/file-format.ts';
import { parseJsonOptions } from '../../src/file/json/json-options.ts';
import { parseJsonFile } from '../../src/file/json/json-parse-file.ts';
import { MalformedRecordError } from '../../src/file/malformed/malformed-record-error.ts';

// The JSON Lines reader converts plain records on a fast path (json-fast-record.ts) and everything else
// the general way (JSON.parse, then jsonConverter): both must give the same rows and malformed records.

const item = structOf([field('k', STRING), field('v', LONG)]);
const schema = new StructType()
  .add('a', LONG).add('b', INT).add('c', DOUBLE).add('s', STRING).add('t', BOOLEAN).add('ts', TIMESTAMP).add('d', DATE)
  .add('st', structOf([field('x', INT), field('y', STRING), field('z', arrayOf(DOUBLE))]))
  .add('arr', arrayOf(item)).add('m', mapOf(STRING, INT)).add('bin', BINARY)
  .add('constructor', STRING).add('toString', LONG).add('__proto__', STRING).add('nested', arrayOf(arrayOf(INT)));
const withCorrupt = new StructType([...schema.fields, { name: '_corrupt_record', dataType: STRING, nullable: true }]);

const TRICKY = [
  '{"a":1,"b":2,"c":1.5,"s":"x","t":true,"ts":"2024-01-01T00:00:00Z","d":"2024-02-29","st":{"x":1,"y":"q","z":[1,2.5,null]},"arr":[{"k":"a","v":1},null,{"v":2}],"m":{"p":1,"q":null},"bin":"AQL/"}',
  '{}',
  '  {"a" : 7 ,  "s" : "sp"\t}  ',
  '{"a":null,"b":null,"c":null,"s":null,"t":null,"st":null,"arr":null,"m":null}',
  '{"a":1,"a":2}',
  '{"a":"x","a":3}',
  '{"a":3,"a":"x"}',
  '{"st":{"x":1,"x":"bad"}}',
  '{"st":{"x":"bad","x":1}}',
  '{"b":2147483647}', '{"b":2147483648}', '{"b":-2147483648}', '{"b":-2147483649}', '{"b":1.5}', '{"b":1.0}', '{"b":-0}', '{"b":1e2}',
  '{"a":9007199254740993}', '{"a":1e300}', '{"a":-0.0}', '{"a":12345678901234567890}', '{"a":9223372036854775807}', '{"a":1.5}',
  '{"c":-0}', '{"c":"NaN"}', '{"c":"-Infinity"}', '{"c":"INF"}', '{"c":"x"}', '{"c":1e-400}', '{"c":0.1}', '{"c":123456789012345678}',
  '{"t":"true"}', '{"t":1}', '{"t":false}',
  '{"s":12}', '{"s":1.0}', '{"s":-0}', '{"s":true}', '{"s":{"q":[1,2]}}', '{"s":[1,"a",null]}', '{"s":""}',
  '{"s":"a\\"b\\\\n\\u00e9\\ud83d\\ude00 \\/"}', '{"s":"\u00e9\u2028"}',
  '{"ts":1700000000}', '{"ts":1.5}', '{"ts":"nope"}', '{"ts":""}', '{"d":"2024-02-30"}', '{"d":5}',
  '{"arr":[{"k":"a","v":1},{"k":"b","v":"x"}]}', '{"arr":[1]}', '{"arr":{}}', '{"arr":[]}',
  '{"st":{"z":[1,"x"]}}', '{"st":[]}', '{"st":{"w":{"deep":[1,{"e":2}]},"x":5}}',
  '{"m":{"x":1,"y":null}}', '{"m":{"x":"bad"}}', '{"m":[]}',
  '{"bin":"AQL/"}', '{"bin":5}',
  '{"constructor":"c","toString":5,"__proto__":"p"}', '{"toString":"no"}', '{"__proto__":{"a":1}}',
  '{"nested":[[1,2],[],null,[3,null]]}', '{"nested":[[1.5]]}',
  '{"unknown":{"deep":[1,2,{"x":null}]},"a":5,"more":"x"}',
  '[{"a":1},{"a":2}]', '[{"a":1},2]', '[]', '"str"', '5', 'null', 'true',
  '{"a":', '{"a":1} x', '{"a":1}}', '{"a":01}', '{"a":1,}', '{a:1}', "{'a':1}", '{"a":1e}', '{"s":"tab\tin"}',
  '', '   ', '\u00a0{"a":1}', '\u00a0',
];

function rows(batches: readonly ColumnBatch[]): unknown[][] {
  return batches.flatMap((b) => Array.from({ length: b.numRows }, (_, i) => b.columns.map((c) => valueAt(c, i))));
}

function parse(text: string, s: StructType, mode: string, fast: boolean, extra: [string, string][] = []): ParsedFile {
  return parseJsonFile('/data/f.json', text, parseJsonOptions(new Options([['mode', mode], ['timeZone', 'UTC'], ...extra])), s, fast);
}

/** Fast and general paths agree on rows (-0 and NaN included: toEqual compares with Object.is) and on malformed records. */
function expectSameOutcome(text: string, s: StructType, extra: [string, string][] = []): void {
  for (const mode of ['PERMISSIVE', 'DROPMALFORMED']) {
    const fast = parse(text, s, mode, true, extra);
    const general = parse(text, s, mode, false, extra);
    expect(rows(fast.batches)).toEqual(rows(general.batches));
    expect(fast.rows).toBe(general.rows);
    expect(fast.malformed).toEqual(general.malformed);
  }
  const failure = (fast: boolean): unknown => {
    try {
      parse(text, s, 'FAILFAST', fast, extra);
      return null;
    } catch (e) {
      expect(e).toBeInstanceOf(MalformedRecordError);
      return (e as MalformedRecordError).record;
    }
  };
  expect(failure(true)).toEqual(failure(false));
}

describe('JSON Lines fast path', () => {
  it('gives the general path\'s rows and malformed records for each tricky line, alone and all together', () => {
    for (const line of TRICKY) {
      expectSameOutcome(line, schema);
      expectSameOutcome(line, withCorrupt);
    }
    expectSameOutcome(TRICKY.join('\n'), schema);
    expectSameOutcome(TRICKY.join('\r\n'), withCorrupt);
    expectSameOutcome(TRICKY.join('\r'), schema);
    expectSameOutcome(TRICKY.join('|'), withCorrupt, [['lineSep', '|']]);
  });

  it('reads fields by exact name: inherited names are null when absent, duplicate keys take the last value', () => {
    const text = ['{}', '{"constructor":"c","toString":5,"__proto__":"p"}', '{"a":1,"a":2,"st":{"y":"u","y":"v"}}', '{"a":1.0,"b":-0}'].join('\n');
    const parsed = parse(text, schema, 'PERMISSIVE', true);
    const names = schema.fieldNames();
    const pick = (r: unknown[], ...cols: string[]): unknown[] => cols.map((c) => r[names.indexOf(c)]);
    const all = rows(parsed.batches);
    expect(all.map((r) => pick(r, 'constructor', 'toString', '__proto__'))).toEqual([
      [null, null, null], ['c', 5, 'p'], [null, null, null], [null, null, null],
    ]);
    expect(pick(all[2]!, 'a', 'st')).toEqual([2, [null, 'v', null]]);
    expect(pick(all[3]!, 'a', 'b')).toEqual([1, -0]);
    expect(parsed.malformed).toEqual([]);
  });

  it('agrees with the general path on generated records (random key order, extra keys, wrong types, nulls)', () => {
    let seed = 7;
    const rand = (): number => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };
    const pickOne = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
    const scalars = [0, -0, 1, -7, 1.5, 2 ** 31, -(2 ** 31) - 1, 2 ** 53 + 2, 1e21, 1e-7, 'x', '', 'NaN', 'Infinity', '2024-03-01', '2024-03-01T10:00:00+02:00', true, false, null];
    const value = (depth: number): unknown => {
      const r = rand();
      if (depth < 2 && r < 0.15) return Array.from({ length: Math.floor(rand() * 3) }, () => value(depth + 1));
      if (depth < 2 && r < 0.3) return Object.fromEntries(Array.from({ length: Math.floor(rand() * 3) }, () => [pickOne(['x', 'y', 'z', 'k', 'v', 'q']), value(depth + 1)]));
      return pickOne(scalars);
    };
    const good: Record<string, () => unknown> = {
      a: () => Math.floor(rand() * 1e12), b: () => Math.floor(rand() * 1000) - 500, c: () => rand() * 100, s: () => pickOne(['alpha', 'beta', 'gamma delta epsilon', 'ñ']),
      t: () => rand() < 0.5, ts: () => '2024-01-02T03:04:05.678Z', d: () => '2023-12-31',
      st: () => ({ x: 1, y: 'w', z: [1.25, null] }), arr: () => [{ k: 'a', v: 1 }, { v: 2, k: 'b' }], m: () => ({ e: 1 }), bin: () => 'AAE=',
      constructor: () => 'ctor', toString: () => 3, nested: () => [[1], [2, 3]],
    };
    const keys = [...Object.keys(good), 'extra', 'other'];
    const lines: string[] = [];
    for (let i = 0; i < 3000; i++) {
      const members = keys.filter(() => rand() < 0.6).map((k) => {
        const v = k in good && rand() < 0.8 ? good[k]!() : value(0);
        return `${JSON.stringify(k)}:${JSON.stringify(v)}`;
      });
      for (let j = members.length - 1; j > 0; j--) {
        const o = Math.floor(rand() * (j + 1));
        [members[j], members[o]] = [members[o]!, members[j]!];
      }
      lines.push(`{${members.join(rand() < 0.1 ? ' , ' : ',')}}`);
    }
    expectSameOutcome(lines.join('\n'), schema);
    expectSameOutcome(lines.join('\n'), withCorrupt);
  });

  it('keeps the batch size and column layouts of the general path', () => {
    const text = Array.from({ length: 70_000 }, (_, i) => (i % 1000 === 5 ? '{"a":"bad"}' : `{"a":${i},"t":${i % 2 === 0},"s":"r${i % 7}"}`)).join('\n');
    const s = new StructType().add('a', LONG).add('t', BOOLEAN).add('s', STRING).add('arr', arrayOf(INT));
    const fast = parse(text, s, 'PERMISSIVE', true);
    const general = parse(text, s, 'PERMISSIVE', false);
    expect(fast.batches.map((b) => b.numRows)).toEqual([65_536, 4464]);
    expect(fast.batches.map((b) => b.columns.map((c) => c.kind))).toEqual(general.batches.map((b) => b.columns.map((c) => c.kind)));
    expect(rows(fast.batches)).toEqual(rows(general.batches));
    expect(fast.malformed.length).toBe(70);
  });
});
