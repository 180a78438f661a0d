import { afterEach, describe, expect, it } from 'vitest';
import { AnalysisError, ParseError, Session } from 'caudal';

const sessions: Session[] = [];
afterEach(async () => {
  for (const s of sessions.splice(0)) await s.stop();
});

function session(): Session {
  const s = Session.builder().create();
  sessions.push(s);
  s.createDataFrame([{ name: 'Ana', age: 30 }], 'name STRING, age INT').createOrReplaceTempView('people');
  return s;
}

function parseErrorOf(text: string): ParseError {
  const s = session();
  try {
    s.sql(text);
  } catch (e) {
    if (e instanceof ParseError) return e;
    throw e;
  }
  throw new Error(`expected a ParseError for ${text}`);
}

/** Golden messages: headline with line and column, a blank line, `== SQL ==`, the statement with a caret line. */
describe('session.sql syntax errors', () => {
  it.each([
    ['a select list ending in a comma', 'SELECT name, FROM people', [
      "Syntax error at or near 'FROM' (line 1, column 14)",
      '',
      '== SQL ==',
      'SELECT name, FROM people',
      '-------------^^^^',
    ]],
    ['a misspelt keyword', 'SELEC name FROM people', [
      "Syntax error at or near 'SELEC' (line 1, column 1)",
      '',
      '== SQL ==',
      'SELEC name FROM people',
      '^^^^^',
    ]],
    ['an unclosed parenthesis, found on a later line', 'SELECT name\n  FROM people\n WHERE (age > 30\n ORDER BY name', [
      "Syntax error at or near 'ORDER' (line 4, column 2)",
      '',
      '== SQL ==',
      'SELECT name',
      '  FROM people',
      ' WHERE (age > 30',
      ' ORDER BY name',
      '-^^^^^',
    ]],
    ['a caret line under the offending line, before the rest of the statement', 'SELECT name\nFROM people\nWHERE\nORDER BY name\nLIMIT 3', [
      "Syntax error at or near 'BY' (line 4, column 7)",
      '',
      '== SQL ==',
      'SELECT name',
      'FROM people',
      'WHERE',
      'ORDER BY name',
      '------^^',
      'LIMIT 3',
    ]],
    ['an unterminated string', "SELECT 'abc FROM people", [
      "Syntax error at or near ''abc FROM people' (line 1, column 8)",
      '',
      '== SQL ==',
      "SELECT 'abc FROM people",
      '-------^^^^^^^^^^^^^^^^',
    ]],
    ['a missing condition', 'SELECT * FROM people WHERE', [
      'Syntax error at or near end of input (line 1, column 27)',
      '',
      '== SQL ==',
      'SELECT * FROM people WHERE',
      '--------------------------^',
    ]],
    ['an unclosed subquery', 'SELECT * FROM (SELECT * FROM people', [
      'Syntax error at or near end of input (line 1, column 36)',
      '',
      '== SQL ==',
      'SELECT * FROM (SELECT * FROM people',
      '-----------------------------------^',
    ]],
    ['a clause word where a table name belongs', 'SELECT * FROM WHERE age > 1', [
      "Syntax error at or near 'WHERE' (line 1, column 15)",
      '',
      '== SQL ==',
      'SELECT * FROM WHERE age > 1',
      '--------------^^^^^',
    ]],
    ['an unsupported NATURAL JOIN', 'SELECT * FROM people p NATURAL JOIN people q', [
      "Syntax error at or near 'NATURAL' (line 1, column 24)",
      '',
      '== SQL ==',
      'SELECT * FROM people p NATURAL JOIN people q',
      '-----------------------^^^^^^^',
    ]],
    ['a join type without JOIN', 'SELECT * FROM people LEFT OUTER people', [
      "Syntax error at or near 'people' (line 1, column 33)",
      '',
      '== SQL ==',
      'SELECT * FROM people LEFT OUTER people',
      '--------------------------------^^^^^^',
    ]],
    ['GROUP without BY', 'SELECT age FROM people GROUP age', [
      "Syntax error at or near 'age' (line 1, column 30)",
      '',
      '== SQL ==',
      'SELECT age FROM people GROUP age',
      '-----------------------------^^^',
    ]],
    ['NULLS without FIRST or LAST', 'SELECT * FROM people ORDER BY age NULLS', [
      'Syntax error at or near end of input (line 1, column 40)',
      '',
      '== SQL ==',
      'SELECT * FROM people ORDER BY age NULLS',
      '---------------------------------------^',
    ]],
    ['a second statement', 'SELECT name FROM people; SELECT 1', [
      "Syntax error at or near 'SELECT' (line 1, column 26)",
      '',
      '== SQL ==',
      'SELECT name FROM people; SELECT 1',
      '-------------------------^^^^^^',
    ]],
    ['a CTE without a name', 'WITH AS (SELECT 1) SELECT 1', [
      "Syntax error at or near 'AS' (line 1, column 6)",
      '',
      '== SQL ==',
      'WITH AS (SELECT 1) SELECT 1',
      '-----^^',
    ]],
    ['ORDER BY inside one side of a UNION', 'SELECT name FROM people ORDER BY name UNION ALL SELECT name FROM people', [
      "Syntax error at or near 'UNION' (line 1, column 39)",
      '',
      '== SQL ==',
      'SELECT name FROM people ORDER BY name UNION ALL SELECT name FROM people',
      '--------------------------------------^^^^^',
    ]],
    ['a limit that is not an integer', 'SELECT * FROM people LIMIT ten', [
      'The limit expression must be an integer literal, but got ten (line 1, column 28)',
      '',
      '== SQL ==',
      'SELECT * FROM people LIMIT ten',
      '---------------------------^^^',
    ]],
  ])('%s', (_what, text, expected) => {
    const e = parseErrorOf(text);
    expect(e.message).toBe(expected.join('\n'));
    const [, line, column] = /\(line (\d+), column (\d+)\)/.exec(expected[0]!)!;
    expect([e.line, e.column]).toEqual([Number(line), Number(column)]);
  });

  it('accepts keywords in any case, comments, backquoted names and trailing semicolons', async () => {
    const s = session();
    const df = s.sql([
      'sElEcT `name` AS `the name`, AGE -- a comment',
      '  /* a /* nested */ comment */ FrOm `PEOPLE` wHeRe age > 1;;',
    ].join('\n'));
    expect(df.columns).toEqual(['the name', 'AGE']);
    expect(await df.collect()).toEqual([{ 'the name': 'Ana', AGE: 30 }]);
  });

  it('refuses subqueries nested too deeply with a ParseError instead of exhausting the stack', async () => {
    let text = 'SELECT 1 AS x';
    for (let i = 0; i < 100; i++) text = `SELECT * FROM (${text}) t${i}`;
    expect(await session().sql(text).collect()).toEqual([{ x: 1 }]);
    for (let i = 0; i < 100; i++) text = `SELECT * FROM (${text})`;
    const e = parseErrorOf(text);
    expect(e.message.split('\n')[0]).toBe(`Query nested more than 128 levels deep (line 1, column ${14 + 15 * 128 + 1})`);
  });

  it('reports what is not a generator in LATERAL VIEW as an analysis error with its position', () => {
    const s = session();
    expect(() => s.sql('SELECT * FROM people LATERAL VIEW upper(name) t AS u')).toThrow(new AnalysisError(
      'LATERAL VIEW needs a generator function (explode, explode_outer, posexplode, posexplode_outer), but got upper(name) (line 1, column 35)',
    ));
  });
});
