import { describe, expect, it } from 'vitest';
import { showString } from '../../src/display/show-string.ts';
import { StructType } from '../../src/types/schema.ts';
import {
  BINARY, DOUBLE, INT, LONG, STRING, TIMESTAMP, arrayOf, field, mapOf, structOf,
} from '../../src/types/data-type.ts';

/** Expected output: one argument per line, each ending in a newline (as Spark's showString). */
const lines = (...ls: string[]): string => ls.map((l) => `${l}\n`).join('');
const micros = (iso: string): number => Date.parse(iso) * 1000;
const show = (
  schema: StructType, rows: unknown[][], opts: { total?: number; numRows?: number; truncate?: number | boolean; tz?: string } = {},
): string => showString(schema, rows, opts.total ?? rows.length, opts.numRows ?? 20, opts.truncate ?? true, opts.tz ?? 'UTC');

describe('showString', () => {
  it('right-aligns header and cells when truncating (the console sample)', () => {
    const schema = new StructType().add('value', STRING).add('count', LONG);
    expect(show(schema, [['apache', 1], ['spark', 1]])).toBe(lines(
      '+------+-----+',
      '| value|count|',
      '+------+-----+',
      '|apache|    1|',
      '| spark|    1|',
      '+------+-----+',
    ));
  });

  it('cuts cells longer than 20 characters to 17 plus ...', () => {
    const schema = new StructType().add('text', STRING).add('n', INT);
    expect(show(schema, [['abcdefghijklmnopqrstuvwxyz', 1], ['exactly twenty chars', 2], ['short', 3]])).toBe(lines(
      '+--------------------+---+',
      '|                text|  n|',
      '+--------------------+---+',
      '|abcdefghijklmnopq...|  1|',
      '|exactly twenty chars|  2|',
      '|               short|  3|',
      '+--------------------+---+',
    ));
  });

  it('left-aligns and never cuts when truncate is false', () => {
    const schema = new StructType().add('text', STRING).add('n', INT);
    expect(show(schema, [['abcdefghijklmnopqrstuvwxyz', 1], ['short', 22]], { truncate: false })).toBe(lines(
      '+--------------------------+---+',
      '|text                      |n  |',
      '+--------------------------+---+',
      '|abcdefghijklmnopqrstuvwxyz|1  |',
      '|short                     |22 |',
      '+--------------------------+---+',
    ));
    expect(show(schema, [['short', 22]], { truncate: 0 })).toBe(lines(
      '+-----+---+',
      '|text |n  |',
      '+-----+---+',
      '|short|22 |',
      '+-----+---+',
    ));
  });

  it('honours a numeric truncate, hard-cutting below 4', () => {
    const schema = new StructType().add('s', STRING);
    expect(show(schema, [['abcdefgh']], { truncate: 6 })).toBe(lines('+------+', '|     s|', '+------+', '|abc...|', '+------+'));
    expect(show(schema, [['abcdefgh']], { truncate: 3 })).toBe(lines('+---+', '|  s|', '+---+', '|abc|', '+---+'));
    expect(show(schema, [['abcdefgh']], { truncate: 1 })).toBe(lines('+---+', '|  s|', '+---+', '|  a|', '+---+'));
  });

  it('does not truncate header names', () => {
    const schema = new StructType().add('a_rather_long_column_name', INT);
    expect(show(schema, [[1]])).toBe(lines(
      '+-------------------------+',
      '|a_rather_long_column_name|',
      '+-------------------------+',
      '|                        1|',
      '+-------------------------+',
    ));
  });

  it('prints only showing top 20 rows after the bottom border', () => {
    const schema = new StructType().add('id', LONG);
    const rows = Array.from({ length: 20 }, (_, i) => [i]);
    expect(show(schema, rows, { total: 25 })).toBe(lines(
      '+---+',
      '| id|',
      '+---+',
      ...rows.map(([i]) => `|${String(i).padStart(3)}|`),
      '+---+',
      'only showing top 20 rows',
    ));
  });

  it('shows at most numRows rows even if given more, and says row for 1', () => {
    const schema = new StructType().add('id', LONG);
    expect(show(schema, [[0], [1], [2]], { numRows: 1 })).toBe(lines(
      '+---+',
      '| id|',
      '+---+',
      '|  0|',
      '+---+',
      'only showing top 1 row',
    ));
    expect(show(schema, [[0], [1]], { numRows: 0 })).toBe(lines('+---+', '| id|', '+---+', '+---+', 'only showing top 0 rows'));
  });

  it('has no footer when every row is shown', () => {
    const schema = new StructType().add('id', LONG);
    expect(show(schema, [[0], [1]], { numRows: 2 })).toBe(lines('+---+', '| id|', '+---+', '|  0|', '|  1|', '+---+'));
  });

  it('prints an empty result as header and borders only', () => {
    const schema = new StructType().add('word', STRING).add('count', LONG);
    expect(show(schema, [])).toBe(lines(
      '+----+-----+',
      '|word|count|',
      '+----+-----+',
      '+----+-----+',
    ));
  });

  it('renders nulls of any type', () => {
    const schema = new StructType().add('s', STRING).add('i', INT).add('d', DOUBLE).add('b', BINARY).add('a', arrayOf(INT));
    expect(show(schema, [[null, null, null, null, null], ['x', 1, 0.5, new Uint8Array([0x0a, 0xff]), [1, null]]])).toBe(lines(
      '+----+----+----+-------+---------+',
      '|   s|   i|   d|      b|        a|',
      '+----+----+----+-------+---------+',
      '|null|null|null|   null|     null|',
      '|   x|   1| 0.5|[0A FF]|[1, null]|',
      '+----+----+----+-------+---------+',
    ));
  });

  it('renders nested structs, arrays and maps, truncated and not', () => {
    const window = structOf([field('start', TIMESTAMP), field('end', TIMESTAMP)]);
    const schema = new StructType().add('window', window).add('tags', arrayOf(STRING)).add('m', mapOf(STRING, LONG));
    const rows = [[
      [micros('2024-01-01T12:00:00Z'), micros('2024-01-01T12:10:00Z')],
      ['a', null],
      new Map<string, number | null>([['k', 1], ['z', null]]),
    ]];
    expect(show(schema, rows)).toBe(lines(
      '+--------------------+---------+-------------------+',
      '|              window|     tags|                  m|',
      '+--------------------+---------+-------------------+',
      '|{2024-01-01 12:00...|[a, null]|{k -> 1, z -> null}|',
      '+--------------------+---------+-------------------+',
    ));
    expect(show(schema, rows, { truncate: false })).toBe(lines(
      '+------------------------------------------+---------+-------------------+',
      '|window                                    |tags     |m                  |',
      '+------------------------------------------+---------+-------------------+',
      '|{2024-01-01 12:00:00, 2024-01-01 12:10:00}|[a, null]|{k -> 1, z -> null}|',
      '+------------------------------------------+---------+-------------------+',
    ));
  });

  it('renders doubles as Java does', () => {
    const schema = new StructType().add('d', DOUBLE);
    expect(show(schema, [[1], [0.1], [1e7], [1e-4], [NaN], [Infinity], [-Infinity], [-0]])).toBe(lines(
      '+---------+',
      '|        d|',
      '+---------+',
      '|      1.0|',
      '|      0.1|',
      '|    1.0E7|',
      '|   1.0E-4|',
      '|      NaN|',
      '| Infinity|',
      '|-Infinity|',
      '|     -0.0|',
      '+---------+',
    ));
  });

  it('renders timestamps in the given zone with trailing zeros dropped', () => {
    const schema = new StructType().add('ts', TIMESTAMP);
    const rows = [[micros('2024-01-01T12:00:00.5Z')], [micros('2024-01-01T12:00:00Z')], [micros('2024-06-30T23:59:59.123Z') + 456]];
    expect(show(schema, rows, { truncate: false })).toBe(lines(
      '+--------------------------+',
      '|ts                        |',
      '+--------------------------+',
      '|2024-01-01 12:00:00.5     |',
      '|2024-01-01 12:00:00       |',
      '|2024-06-30 23:59:59.123456|',
      '+--------------------------+',
    ));
    // Fractions push a timestamp past 20 characters, so the default truncation cuts them.
    expect(show(schema, rows)).toBe(lines(
      '+--------------------+',
      '|                  ts|',
      '+--------------------+',
      '|2024-01-01 12:00:...|',
      '| 2024-01-01 12:00:00|',
      '|2024-06-30 23:59:...|',
      '+--------------------+',
    ));
    expect(show(schema, rows.slice(0, 2), { tz: 'Asia/Tokyo', truncate: 25 })).toBe(lines(
      '+---------------------+',
      '|                   ts|',
      '+---------------------+',
      '|2024-01-01 21:00:00.5|',
      '|  2024-01-01 21:00:00|',
      '+---------------------+',
    ));
  });

  it('counts CJK and full-width characters as two columns', () => {
    const schema = new StructType().add('name', STRING).add('城市', STRING);
    expect(show(schema, [['日本語', 'Ｔｏｋｙｏ'], ['abc', '서울'], ['a😀', 'x']])).toBe(lines(
      '+------+----------+',
      '|  name|      城市|',
      '+------+----------+',
      '|日本語|Ｔｏｋｙｏ|',
      '|   abc|      서울|',
      '|   a😀|         x|',
      '+------+----------+',
    ));
    expect(show(schema, [['日本語', 'x']], { truncate: false })).toBe(lines(
      '+------+----+',
      '|name  |城市|',
      '+------+----+',
      '|日本語|x   |',
      '+------+----+',
    ));
  });

  it('escapes control characters so rows stay on one line', () => {
    const schema = new StructType().add('s', STRING);
    expect(show(schema, [['a\nb\tc']])).toBe(lines('+-------+', '|      s|', '+-------+', '|a\\nb\\tc|', '+-------+'));
  });
});
