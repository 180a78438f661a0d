import { afterAll, describe, expect, it } from 'vitest';
import {
  AnalysisError, Session, col, concat, concat_ws, expr, instr, length, lower, lpad, ltrim, rpad, rtrim, split, substr,
  substring, trim, upper,
} from 'caudal';
import { checkCase, errorOf, titled, type FunctionCase } from './helpers/function-cases.ts';

const session = Session.builder().config('spark.sql.session.timeZone', 'UTC').create();
afterAll(() => session.stop());

// Row 4 holds a character outside the BMP (two UTF-16 units, one character for Spark).
const df = session.createDataFrame([
  { a: 'Hello World', b: 'o', n: 3 },
  { a: '  padded  ', b: null, n: -2 },
  { a: '', b: '', n: 0 },
  { a: null, b: 'x', n: null },
  { a: 'ñandú 😀 ok', b: '😀', n: 8 },
], 'a STRING, b STRING, n INT');

const cases: FunctionCase[] = [
  { column: lower('a'), sql: 'lower(a)', expected: ['hello world', '  padded  ', '', null, 'ñandú 😀 ok'], name: 'lower(a)' },
  { column: upper('a'), sql: 'upper(a)', expected: ['HELLO WORLD', '  PADDED  ', '', null, 'ÑANDÚ 😀 OK'] },
  { column: trim('a'), sql: 'trim(a)', expected: ['Hello World', 'padded', '', null, 'ñandú 😀 ok'], name: 'trim(a)' },
  { column: ltrim('a'), sql: 'ltrim(a)', expected: ['Hello World', 'padded  ', '', null, 'ñandú 😀 ok'] },
  { column: rtrim('a'), sql: 'rtrim(a)', expected: ['Hello World', '  padded', '', null, 'ñandú 😀 ok'] },
  { column: trim('a', 'Hd '), sql: "trim(a, 'Hd ')", expected: ['ello Worl', 'padde', '', null, 'ñandú 😀 ok'] },
  { column: length('a'), sql: 'length(a)', expected: [11, 10, 0, null, 10], name: 'length(a)' },
  { column: substring('a', 2, 3), sql: 'substring(a, 2, 3)', expected: ['ell', ' pa', '', null, 'and'], name: 'substring(a, 2, 3)' },
  { column: substring('a', -3, 2), sql: 'substring(a, -3, 2)', expected: ['rl', 'd ', '', null, ' o'] },
  { column: substring('a', 0, 2), sql: 'substring(a, 0, 2)', expected: ['He', '  ', '', null, 'ña'] },
  { column: substring('a', 7, 1), sql: 'substring(a, 7, 1)', expected: ['W', 'e', '', null, '😀'] },
  { column: substring('a', 5, -1), sql: 'substring(a, 5, -1)', expected: ['', '', '', null, ''] },
  { column: substr('a', -2), sql: 'substr(a, -2)', expected: ['ld', '  ', '', null, 'ok'] },
  { column: substring('a', col('n'), 2), sql: 'substring(a, n, 2)', expected: ['ll', '  ', '', null, ' o'] },
  { column: concat('a', 'b'), sql: 'concat(a, b)', expected: ['Hello Worldo', null, '', null, 'ñandú 😀 ok😀'] },
  { column: concat('a', 'n'), sql: 'concat(a, n)', expected: ['Hello World3', '  padded  -2', '0', null, 'ñandú 😀 ok8'] },
  { column: concat_ws('-', 'a', 'b'), sql: "concat_ws('-', a, b)", expected: ['Hello World-o', '  padded  ', '-', 'x', 'ñandú 😀 ok-😀'], name: 'concat_ws(-, a, b)' },
  { column: concat_ws('/', split('a', ' '), 'b'), sql: "concat_ws('/', split(a, ' '), b)", expected: ['Hello/World/o', '//padded//', '/', 'x', 'ñandú/😀/ok/😀'] },
  { column: instr('a', 'o'), sql: "instr(a, 'o')", expected: [5, 0, 0, null, 9], name: 'instr(a, o)' },
  { column: instr('a', col('b')), sql: 'instr(a, b)', expected: [5, null, 1, null, 7] },
  { column: lpad('a', 12, '*.'), sql: "lpad(a, 12, '*.')", expected: ['*Hello World', '*.  padded  ', '*.*.*.*.*.*.', null, '*.ñandú 😀 ok'], name: 'lpad(a, 12, *.)' },
  { column: rpad('a', 4, '#'), sql: "rpad(a, 4, '#')", expected: ['Hell', '  pa', '####', null, 'ñand'] },
  { column: rpad('a', 13, '😀'), sql: "rpad(a, 13, '😀')", expected: ['Hello World😀😀', '  padded  😀😀😀', '😀'.repeat(13), null, 'ñandú 😀 ok😀😀😀'] },
  { column: lpad('a', col('n'), 'xy'), sql: "lpad(a, n, 'xy')", expected: ['Hel', '', '', null, 'ñandú 😀 '] },
  { column: lpad('a', 3, ''), sql: "lpad(a, 3, '')", expected: ['Hel', '  p', '', null, 'ñan'] },
  { column: split('a', '\\s+'), sql: "split(a, '\\\\s+')", expected: [['Hello', 'World'], ['', 'padded', ''], [''], null, ['ñandú', '😀', 'ok']] },
];

describe('string functions', () => {
  it.each(titled(cases))('%s', async (_title, c) => {
    await checkCase(df, c);
  });

  it('names results as Spark does when called through SQL text', () => {
    expect(df.selectExpr('trim(a)', "concat_ws('-', a, b)", 'substring(a, 2, 3)').columns).toEqual(['trim(a)', 'concat_ws(-, a, b)', 'substring(a, 2, 3)']);
  });

  it('rejects a wrong number of arguments with the function, the count and the call', async () => {
    expect((await errorOf(() => df.selectExpr('lower(a, b)'))).message)
      .toBe("Function lower takes 1 argument, but 2 were given in 'lower(a, b)'");
    expect((await errorOf(() => df.select(expr('substring(a)')))).message)
      .toBe("Function substring takes 2 to 3 arguments, but 1 were given in 'substring(a)'");
    expect((await errorOf(() => df.selectExpr('lpad(a)'))).message)
      .toBe("Function lpad takes 2 to 3 arguments, but 1 were given in 'lpad(a)'");
    expect(await errorOf(() => df.selectExpr('instr(a)'))).toBeInstanceOf(AnalysisError);
  });

  it('rejects arguments of the wrong type with the expected and actual types', async () => {
    expect((await errorOf(() => df.selectExpr("lpad(a, array(1), 'y')"))).message)
      .toBe("Cannot resolve 'lpad(a, array(1), y)' due to data type mismatch: argument 2 of lpad requires int, but got array<int>");
    expect((await errorOf(() => df.select(length(split('a', ' '))))).message)
      .toBe("Cannot resolve 'length(split(a,  ))' due to data type mismatch: argument 1 of length requires string, but got array<string>");
    expect((await errorOf(() => df.selectExpr("concat_ws('-', map('k', 1))"))).message)
      .toBe("Cannot resolve 'concat_ws(-, map(k, 1))' due to data type mismatch: argument 2 of concat_ws requires array<string> or string, but got map<string,int>");
  });

  it('says which name is unknown', async () => {
    expect((await errorOf(() => df.selectExpr('no_such_fn(a)'))).message)
      .toBe('Undefined function: no_such_fn. This function is neither a built-in function nor a temporary function');
  });
});
