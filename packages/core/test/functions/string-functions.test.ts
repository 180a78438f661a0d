import { afterAll, describe, expect, it } from 'vitest';
import {
  AnalysisError, Session, btrim, col, concat, concat_ws, expr, instr, length, lower, lpad, ltrim, rpad, rtrim, split, substr,
  substring, trim, upper,
} from 'caudal';
import { checkCase, errorOf, titled, valuesOf, type FunctionCase } from './helpers/function-cases.ts';

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
  // With characters to remove: SQL's TRIM(side chars FROM str), or Spark's two-argument call trim(chars, str).
  { column: trim('a', 'Hd '), sql: "trim(BOTH 'Hd ' FROM a)", expected: ['ello Worl', 'padde', '', null, 'ñandú 😀 ok'], name: 'TRIM(BOTH Hd  FROM a)' },
  { column: trim('a', 'Hd '), sql: "trim('Hd ', a)", expected: ['ello Worl', 'padde', '', null, 'ñandú 😀 ok'] },
  { column: trim('a', 'Hd '), sql: "trim('Hd ' FROM a)", expected: ['ello Worl', 'padde', '', null, 'ñandú 😀 ok'] },
  { column: ltrim('a', 'Hel'), sql: "trim(LEADING 'Hel' FROM a)", expected: ['o World', '  padded  ', '', null, 'ñandú 😀 ok'], name: 'TRIM(LEADING Hel FROM a)' },
  { column: ltrim('a', 'Hel'), sql: "ltrim('Hel', a)", expected: ['o World', '  padded  ', '', null, 'ñandú 😀 ok'] },
  { column: rtrim('a', ' dko'), sql: "trim(TRAILING ' dko' FROM a)", expected: ['Hello Worl', '  padde', '', null, 'ñandú 😀'], name: 'TRIM(TRAILING  dko FROM a)' },
  { column: rtrim('a', ' dko'), sql: "rtrim(' dko', a)", expected: ['Hello Worl', '  padde', '', null, 'ñandú 😀'] },
  { column: trim('a', col('b')), sql: 'trim(b FROM a)', expected: ['Hello World', null, '', null, 'ñandú 😀 ok'], name: 'TRIM(BOTH b FROM a)' },
  { column: trim('a'), sql: 'trim(BOTH FROM a)', expected: ['Hello World', 'padded', '', null, 'ñandú 😀 ok'] },
  { column: trim('a'), sql: 'trim(FROM a)', expected: ['Hello World', 'padded', '', null, 'ñandú 😀 ok'] },
  { column: ltrim('a'), sql: 'trim(LEADING FROM a)', expected: ['Hello World', 'padded  ', '', null, 'ñandú 😀 ok'] },
  { column: rtrim('a'), sql: 'trim(TRAILING FROM a)', expected: ['Hello World', '  padded', '', null, 'ñandú 😀 ok'] },
  // btrim takes the string first; a character outside the BMP is removed whole.
  { column: btrim('a', '😀ñ ok'), sql: "btrim(a, '😀ñ ok')", expected: ['Hello World', 'padded', '', null, 'andú'], name: 'btrim(a, 😀ñ ok)' },
  { column: btrim('a'), sql: 'btrim(a)', expected: ['Hello World', 'padded', '', null, 'ñandú 😀 ok'], name: 'btrim(a)' },
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
    // The FROM syntax is named after the call it stands for; `||` is concat.
    expect(df.selectExpr(
      "Trim(Both 'x' From a)", "trim('x', a)", 'trim(BOTH FROM a)', 'trim(LEADING FROM a)', 'trim(TRAILING FROM a)', "ltrim('x', a)", "trim(TRAILING b || 'x' FROM a)",
    ).columns).toEqual([
      'TRIM(BOTH x FROM a)', 'TRIM(BOTH x FROM a)', 'trim(a)', 'ltrim(a)', 'rtrim(a)', 'TRIM(LEADING x FROM a)', 'TRIM(TRAILING concat(b, x) FROM a)',
    ]);
  });

  it('trims whole characters: a surrogate pair is never split', async () => {
    expect(await valuesOf(df, "trim(BOTH '😁' FROM '😀x😁')")).toEqual(Array(5).fill('😀x'));
    expect(await valuesOf(df, "trim(LEADING '😁x' FROM '😀x')")).toEqual(Array(5).fill('😀x'));
    expect(await valuesOf(df, "trim(BOTH '' FROM ' a ')")).toEqual(Array(5).fill(' a '));
    expect(await valuesOf(df, "trim(BOTH 1 FROM 121)")).toEqual(Array(5).fill('2'));
  });

  it('reads BOTH, LEADING and TRAILING as column names where they are not a trim side', async () => {
    const words = session.createDataFrame([{ both: ' x ', leading: 'xyx', trailing: 'y' }], 'both STRING, leading STRING, trailing STRING');
    const out = words.selectExpr('trim(both)', 'trim(both FROM both) AS t2', 'trim(BOTH trailing FROM leading)', 'trim(LEADING trailing FROM leading) AS t4', "trim(both || 'a')", 'trim(leading, trailing)');
    expect(out.columns).toEqual(['trim(both)', 't2', 'TRIM(BOTH trailing FROM leading)', 't4', 'trim(concat(both, a))', 'TRIM(BOTH leading FROM trailing)']);
    expect(await out.collect()).toEqual([{
      'trim(both)': 'x', t2: 'x', 'TRIM(BOTH trailing FROM leading)': 'xyx', t4: 'xyx', 'trim(concat(both, a))': 'x a', 'TRIM(BOTH leading FROM trailing)': '',
    }]);
  });

  it('reports a malformed TRIM ... FROM at the token that breaks it', async () => {
    expect((await errorOf(() => df.selectExpr("trim(BOTH 'x' FROM)"))).message)
      .toBe("Syntax error at or near ')' (line 1, column 19)\n\n== Expression ==\ntrim(BOTH 'x' FROM)\n------------------^");
    expect((await errorOf(() => df.selectExpr("trim(BOTH 'x' FROM a, b)"))).message)
      .toBe("Syntax error at or near ',' (line 1, column 21)\n\n== Expression ==\ntrim(BOTH 'x' FROM a, b)\n--------------------^");
    expect((await errorOf(() => df.selectExpr('btrim(a, b, n)'))).message).toBe("Function btrim takes 1 to 2 arguments, but 3 were given in 'btrim(a, b, n)'");
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
