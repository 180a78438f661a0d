import { describe, it, expect } from 'vitest';
import { parseExpression, parseNamedExpression } from '../../src/expr/parser/parse-expression.ts';
import type { Expr } from '../../src/expr/expression.ts';
import {
  agg, alias, bin, bool, call, cast, caseWhen, col, dbl, extract, gen, inList, int, interval, isNotNull, isNull,
  lit, long, neg, not, nul, str,
} from './expr-builders.ts';

const HOUR = 3_600_000_000;
const DAY = 24 * HOUR;
const a = col('a');
const b = col('b');
const c = col('c');

function table(rows: readonly (readonly [string, Expr])[]): void {
  it.each(rows.map(([sql, tree]) => ({ sql, tree })))('$sql', ({ sql, tree }) => {
    expect(parseExpression(sql)).toEqual(tree);
  });
}

describe('parseExpression: names', () => {
  table([
    ['a', a],
    ['A_b1', col('A_b1')],
    ['_x', col('_x')],
    ['2xx', col('2xx')],
    ['1e3x', col('1e3x')],
    ['`weird name`', col('weird name')],
    ['`a``b`', col('a`b')],
    ['a.b.c', col('a', 'b', 'c')],
    ['t.`x y`', col('t', 'x y')],
    ['`a.b`.c', { kind: 'column', name: '`a.b`.c', nameParts: ['a.b', 'c'] }],
    ['a . b', col('a', 'b')],
    ['s.end', col('s', 'end')],
    ['(a).b', col('a', 'b')],
    ['date', col('date')],
    ['timestamp', col('timestamp')],
    ['interval', col('interval')],
    ['cast', col('cast')],
    ['x', col('x')],
    ['*', { kind: 'star' }],
    ['t.*', { kind: 'star', qualifier: 't' }],
    ['a.b.*', { kind: 'star', qualifier: 'a.b' }],
  ]);
});

describe('parseExpression: field and element extraction', () => {
  table([
    ['arr[0]', extract(col('arr'), int(0))],
    ["m['k']", extract(col('m'), str('k'))],
    ['f(x).a', extract(call('f', col('x')), str('a'))],
    ['a[0].b', extract(extract(a, int(0)), str('b'))],
    ['a[0][1]', extract(extract(a, int(0)), int(1))],
    ['a.b[i + 1]', extract(col('a', 'b'), bin('+', col('i'), int(1)))],
    ['f(x).`y z`', extract(call('f', col('x')), str('y z'))],
    ['-a[0]', neg(extract(a, int(0)))],
  ]);
});

describe('parseExpression: numeric literals', () => {
  table([
    ['0', int(0)],
    ['42', int(42)],
    ['2147483647', int(2147483647)],
    ['2147483648', long(2147483648)],
    ['-2147483648', int(-2147483648)],
    ['-2147483649', long(-2147483649)],
    ['123L', long(123)],
    ['7l', long(7)],
    ['9223372036854775807', long(9223372036854775807)],
    ['9223372036854775808', dbl(9223372036854775808)],
    ['10S', int(10)],
    ['5Y', int(5)],
    ['1.5', dbl(1.5)],
    ['.5', dbl(0.5)],
    ['1.', dbl(1)],
    ['1e3', dbl(1000)],
    ['1.5E-2', dbl(0.015)],
    ['2D', dbl(2)],
    ['2.5f', dbl(2.5)],
    ['3BD', dbl(3)],
    ['-5', int(-5)],
    ['- 5', int(-5)],
    ['-1.5', dbl(-1.5)],
    ['-0', int(0)],
    ['+5', int(5)],
  ]);
});

describe('parseExpression: string, boolean and null literals', () => {
  table([
    ["'abc'", str('abc')],
    ['"abc"', str('abc')],
    ["''", str('')],
    ["'it''s'", str("it's")],
    ['"say ""hi"""', str('say "hi"')],
    ["'a' 'b'", str('ab')],
    [String.raw`'a\nb\tc'`, str('a\nb\tc')],
    [String.raw`'\'\"\\'`, str('\'"\\')],
    [String.raw`'\u0041\101'`, str('AA')],
    [String.raw`'100\%'`, str('100\\%')],
    [String.raw`'\q'`, str('q')],
    ["'line1\nline2'", str('line1\nline2')],
    ['true', bool(true)],
    ['FALSE', bool(false)],
    ['NULL', nul],
    ['null', nul],
  ]);
});

describe('parseExpression: typed literals', () => {
  table([
    ["INTERVAL '10' MINUTE", interval(0, 600_000_000)],
    ['INTERVAL 10 MINUTES', interval(0, 600_000_000)],
    ["interval '1 day 2 hours'", interval(0, DAY + 2 * HOUR)],
    ['INTERVAL 1 DAY 2 HOURS', interval(0, DAY + 2 * HOUR)],
    ["INTERVAL '1' DAY '30' MINUTES", interval(0, DAY + HOUR / 2)],
    ['INTERVAL 3 MONTHS', interval(3, 0)],
    ['INTERVAL 1 YEAR 2 MONTHS', interval(14, 0)],
    ['INTERVAL 1 WEEK', interval(0, 7 * DAY)],
    ['INTERVAL 500 MILLISECONDS', interval(0, 500_000)],
    ["INTERVAL '1.5' SECOND", interval(0, 1_500_000)],
    ['INTERVAL -1 DAY', interval(0, -DAY)],
    ['INTERVAL 1 DAY - 2 HOURS', interval(0, DAY - 2 * HOUR)],
    ['INTERVAL 10 MINUTES + a', bin('+', interval(0, 600_000_000), a)],
    ["TIMESTAMP '2024-01-01 12:00:00'", lit(1_704_110_400_000_000, { kind: 'timestamp' })],
    ["timestamp '2024-01-01T12:00:00+02:00'", lit(1_704_103_200_000_000, { kind: 'timestamp' })],
    ["TIMESTAMP '2024-01-01 00:00:00.123456'", lit(1_704_067_200_123_456, { kind: 'timestamp' })],
    ["TIMESTAMP '2024-01-01'", lit(1_704_067_200_000_000, { kind: 'timestamp' })],
    ["DATE '2024-01-01'", lit(19723, { kind: 'date' })],
    ["DATE '1970-01-01'", lit(0, { kind: 'date' })],
    ["date '1969-12-31'", lit(-1, { kind: 'date' })],
    ["X'0aFF'", lit(new Uint8Array([0x0a, 0xff]), { kind: 'binary' })],
    ["x'F'", lit(new Uint8Array([0x0f]), { kind: 'binary' })],
  ]);
});

describe('parseExpression: arithmetic and precedence', () => {
  table([
    ['a + b * c', bin('+', a, bin('*', b, c))],
    ['(a + b) * c', bin('*', bin('+', a, b), c)],
    ['a - b - c', bin('-', bin('-', a, b), c)],
    ['a / b % c', bin('%', bin('/', a, b), c)],
    ['a-1', bin('-', a, int(1))],
    ['a - -1', bin('-', a, int(-1))],
    ['-a * b', bin('*', neg(a), b)],
    ['- -a', neg(neg(a))],
    ['+a', a],
    ["a || b || 'x'", bin('||', bin('||', a, b), str('x'))],
    ['a || b + c', bin('+', bin('||', a, b), c)],
    ['a + b || c', bin('||', bin('+', a, b), c)],
    ['a * b || c', bin('||', bin('*', a, b), c)],
    ['a + 1 > b * 2', bin('>', bin('+', a, int(1)), bin('*', b, int(2)))],
    ['a < b < c', bin('<', bin('<', a, b), c)],
    ['1 --comment\n + 2', bin('+', int(1), int(2))],
    ['1 /* a /* nested */ comment */ + 2', bin('+', int(1), int(2))],
  ]);
});

describe('parseExpression: comparisons', () => {
  table([
    ['a = 1', bin('=', a, int(1))],
    ['a == 1', bin('=', a, int(1))],
    ['a != 1', bin('!=', a, int(1))],
    ['a <> 1', bin('!=', a, int(1))],
    ['a < 1', bin('<', a, int(1))],
    ['a <= 1', bin('<=', a, int(1))],
    ['a > 1', bin('>', a, int(1))],
    ['a >= 1', bin('>=', a, int(1))],
    ['a <=> b', bin('<=>', a, b)],
  ]);
});

describe('parseExpression: boolean logic and predicates', () => {
  table([
    ['a AND b OR c', bin('or', bin('and', a, b), c)],
    ['a OR b AND c', bin('or', a, bin('and', b, c))],
    ['a and (b or c)', bin('and', a, bin('or', b, c))],
    ['NOT a AND b', bin('and', not(a), b)],
    ['NOT a = b', not(bin('=', a, b))],
    ['!a', not(a)],
    ['! a = b', not(bin('=', a, b))],
    ['not not a', not(not(a))],
    ['a IS NULL', isNull(a)],
    ['a is not null', isNotNull(a)],
    ['a + 1 IS NULL', isNull(bin('+', a, int(1)))],
    ['a = b IS NULL', isNull(bin('=', a, b))],
    ['a IS NULL AND b IS NOT NULL', bin('and', isNull(a), isNotNull(b))],
    ['a IS NOT DISTINCT FROM b', bin('<=>', a, b)],
    ['a IS DISTINCT FROM b', not(bin('<=>', a, b))],
    ['a IN (1, 2, 3)', inList(a, int(1), int(2), int(3))],
    ["a in ('x')", inList(a, str('x'))],
    ['a NOT IN (1, 2)', not(inList(a, int(1), int(2)))],
    ['a BETWEEN 1 AND 10', bin('and', bin('>=', a, int(1)), bin('<=', a, int(10)))],
    ['a NOT BETWEEN 1 AND 10', not(bin('and', bin('>=', a, int(1)), bin('<=', a, int(10))))],
    ['a BETWEEN 1 AND 10 AND b', bin('and', bin('and', bin('>=', a, int(1)), bin('<=', a, int(10))), b)],
    ['a BETWEEN b - 1 AND b + 1', bin('and', bin('>=', a, bin('-', b, int(1))), bin('<=', a, bin('+', b, int(1))))],
    ["name LIKE 'A%'", bin('like', col('name'), str('A%'))],
    ["name NOT LIKE 'A%'", not(bin('like', col('name'), str('A%')))],
    ["name RLIKE '^a'", bin('rlike', col('name'), str('^a'))],
    ["name REGEXP '^a'", bin('rlike', col('name'), str('^a'))],
    ["name NOT RLIKE '^a'", not(bin('rlike', col('name'), str('^a')))],
    ["NOT name LIKE 'A%' OR b", bin('or', not(bin('like', col('name'), str('A%'))), b)],
  ]);
});

describe('parseExpression: CASE and CAST', () => {
  table([
    ['CASE WHEN a > 0 THEN 1 WHEN a < 0 THEN -1 ELSE 0 END',
      caseWhen([[bin('>', a, int(0)), int(1)], [bin('<', a, int(0)), int(-1)]], int(0))],
    ['case when a then 1 end', caseWhen([[a, int(1)]], null)],
    ["CASE x WHEN 1 THEN 'one' WHEN 2 THEN 'two' END",
      caseWhen([[bin('=', col('x'), int(1)), str('one')], [bin('=', col('x'), int(2)), str('two')]], null)],
    ["CASE a + 1 WHEN b THEN 'y' ELSE 'n' END", caseWhen([[bin('=', bin('+', a, int(1)), b), str('y')]], str('n'))],
    ['CAST(a AS INT)', cast(a, { kind: 'int' })],
    ['cast(a as bigint)', cast(a, { kind: 'long' })],
    ['CAST(a + 1 AS string)', cast(bin('+', a, int(1)), { kind: 'string' })],
    ['CAST(a AS array<string>)', cast(a, { kind: 'array', elementType: { kind: 'string' }, containsNull: true })],
    ['CAST(a AS decimal(10, 2))', cast(a, { kind: 'double' })],
    ["CAST('2024-01-01' AS timestamp)", cast(str('2024-01-01'), { kind: 'timestamp' })],
    ['a::double', cast(a, { kind: 'double' })],
    ['a::int + 1', bin('+', cast(a, { kind: 'int' }), int(1))],
    ['-a::int', neg(cast(a, { kind: 'int' }))],
    ['a.b::string', cast(col('a', 'b'), { kind: 'string' })],
    ['a::map<string,int>', cast(a, { kind: 'map', keyType: { kind: 'string' }, valueType: { kind: 'int' }, valueContainsNull: true })],
  ]);
});

describe('parseExpression: function calls', () => {
  table([
    ['f(a, b)', call('f', a, b)],
    ['UPPER(name)', call('upper', col('name'))],
    ['now()', call('now')],
    ['current_date', call('current_date')],
    ['CURRENT_TIMESTAMP()', call('current_timestamp')],
    ['`my func`(x)', call('my func', col('x'))],
    ['date(x)', call('date', col('x'))],
    ['coalesce(a, 0) + 1', bin('+', call('coalesce', a, int(0)), int(1))],
    ['struct(*)', call('struct', { kind: 'star' })],
    ['(a, b)', call('struct', a, b)],
    ['count(*)', { kind: 'aggregate', fn: 'count', args: [], distinct: false, star: true }],
    ['COUNT( * )', { kind: 'aggregate', fn: 'count', args: [], distinct: false, star: true }],
    ['count(1)', agg('count', [int(1)])],
    ['count(DISTINCT a, b)', agg('count', [a, b], true)],
    ['Sum(x) + 1', bin('+', agg('sum', [col('x')]), int(1))],
    ['max(a.b)', agg('max', [col('a', 'b')])],
    ['avg(a * 2)', agg('avg', [bin('*', a, int(2))])],
    ['collect_list(DISTINCT a)', agg('collect_list', [a], true)],
    ['explode(items)', gen('explode', col('items'))],
    ['POSEXPLODE_OUTER(a)', gen('posexplode_outer', a)],
    ['explode(split(s, \' \'))', gen('explode', call('split', col('s'), str(' ')))],
    ['count_if(a > 1)', agg('count_if', [bin('>', a, int(1))])],
    ['EVERY(a)', agg('every', [a])],
    ['any(a) OR some(b)', bin('or', agg('any', [a]), agg('some', [b]))],
  ]);
});

describe('parseExpression: TRIM ... FROM', () => {
  // The forms of Spark's TRIM([BOTH | LEADING | TRAILING] [trimStr] FROM str), as the calls Spark rewrites them to.
  table([
    ["trim(BOTH 'x' FROM a)", call('trim', str('x'), a)],
    ["TRIM(leading 'x' from a)", call('ltrim', str('x'), a)],
    ["trim(TRAILING b || 'x' FROM a)", call('rtrim', bin('||', b, str('x')), a)],
    ["trim('x' FROM a)", call('trim', str('x'), a)],
    ['trim(BOTH FROM a)', call('trim', a)],
    ['trim(LEADING FROM a)', call('ltrim', a)],
    ['trim(TRAILING FROM a)', call('rtrim', a)],
    ['trim(FROM a)', call('trim', a)],
    ['trim(b FROM a = c)', call('trim', b, bin('=', a, c))],
    ["trim('x', a)", call('trim', str('x'), a)],
    ['trim(a)', call('trim', a)],
    ['trim()', call('trim')],
    // Side keywords are column names where no FROM follows.
    ['trim(both)', call('trim', col('both'))],
    ['trim(leading, trailing)', call('trim', col('leading'), col('trailing'))],
    ["trim(both || 'x')", call('trim', bin('||', col('both'), str('x')))],
    ['trim(both FROM both)', call('trim', col('both'))],
    ['trim(trim(LEADING FROM a))', call('trim', call('ltrim', a))],
  ]);
});

describe('parseNamedExpression', () => {
  it.each([
    ['a', a],
    ['a + 1 total', alias(bin('+', a, int(1)), 'total')],
    ['a + 1 AS total', alias(bin('+', a, int(1)), 'total')],
    ['a as `my col`', alias(a, 'my col')],
    ['a `my col`', alias(a, 'my col')],
    ['count(*) AS end', alias({ kind: 'aggregate', fn: 'count', args: [], distinct: false, star: true }, 'end')],
    ['explode(InvoiceLineItems) as LineItem', alias(gen('explode', col('InvoiceLineItems')), 'LineItem')],
    ['t.*', { kind: 'star', qualifier: 't' }],
    ["CASE WHEN a THEN 'y' END flag", alias(caseWhen([[a, str('y')]], null), 'flag')],
    ['a date', alias(a, 'date')],
  ] as const)('%s', (sql, tree) => {
    expect(parseNamedExpression(sql)).toEqual(tree);
  });

  it('leaves AS to parseNamedExpression: parseExpression rejects an alias', () => {
    expect(() => parseExpression('a AS b')).toThrow("Syntax error at or near 'AS' (line 1, column 3)");
    expect(() => parseExpression('a b')).toThrow("Syntax error at or near 'b' (line 1, column 3)");
  });
});
