import { afterAll, describe, expect, it } from 'vitest';
import { AnalysisError, Session, col, regexp_extract, regexp_replace, split } from 'caudal';
import { checkCase, errorOf, titled, type FunctionCase } from './helpers/function-cases.ts';

const session = Session.builder().config('spark.sql.session.timeZone', 'UTC').create();
afterAll(() => session.stop());

const df = session.createDataFrame([
  { s: 'abc123def45', p: '\\d' },
  { s: 'no digits', p: 'o' },
  { s: null, p: 'x' },
  { s: 'a.b.c', p: null },
  { s: 'x$y\n', p: '[.$]' },
], 's STRING, p STRING');

// Patterns are Java regular expressions; in SQL text a backslash is itself escaped ('\\d' is \d).
const cases: FunctionCase[] = [
  { column: regexp_extract('s', '(\\d+)', 1), sql: "regexp_extract(s, '(\\\\d+)', 1)", expected: ['123', '', null, '', ''], name: 'regexp_extract(s, (\\d+), 1)' },
  { column: regexp_extract('s', '([a-z]+)(\\d+)', 2), sql: "regexp_extract(s, '([a-z]+)(\\\\d+)', 2)", expected: ['123', '', null, '', ''] },
  { column: regexp_extract('s', '[a-z]+', 0), sql: "regexp_extract(s, '[a-z]+', 0)", expected: ['abc', 'no', null, 'a', 'x'] },
  // A group that took no part in the match is the empty string.
  { column: regexp_extract('s', '(z)?(\\d)', 1), sql: "regexp_extract(s, '(z)?(\\\\d)', 1)", expected: ['', '', null, '', ''] },
  { column: regexp_extract('s', '(\\p{Alpha}+)', 1), sql: "regexp_extract(s, '(\\\\p{Alpha}+)', 1)", expected: ['abc', 'no', null, 'a', 'x'] },
  { column: regexp_extract('s', '(?i)(B.)', 1), sql: "regexp_extract(s, '(?i)(B.)', 1)", expected: ['bc', '', null, 'b.', ''] },
  { column: regexp_extract('s', '(\\d++)', 1), sql: "regexp_extract(s, '(\\\\d++)', 1)", expected: ['123', '', null, '', ''] },
  // Java's $ also matches before a final line terminator.
  { column: regexp_extract('s', '(\\w)$', 1), sql: "regexp_extract(s, '(\\\\w)$', 1)", expected: ['5', 's', null, 'c', 'y'] },
  { column: regexp_replace('s', '\\d+', '#'), sql: "regexp_replace(s, '\\\\d+', '#')", expected: ['abc#def#', 'no digits', null, 'a.b.c', 'x$y\n'], name: 'regexp_replace(s, \\d+, #, 1)' },
  { column: regexp_replace('s', '\\.', '/'), sql: "regexp_replace(s, '\\\\.', '/')", expected: ['abc123def45', 'no digits', null, 'a/b/c', 'x$y\n'] },
  { column: regexp_replace('s', '\\Q.\\E', ''), sql: "regexp_replace(s, '\\\\Q.\\\\E', '')", expected: ['abc123def45', 'no digits', null, 'abc', 'x$y\n'] },
  { column: regexp_replace('s', '([a-z])(\\d)', '$2$1'), sql: "regexp_replace(s, '([a-z])(\\\\d)', '$2$1')", expected: ['ab1c23de4f5', 'no digits', null, 'a.b.c', 'x$y\n'] },
  { column: regexp_replace('s', '(?<first>[a-z])\\.', '${first}!'), sql: "regexp_replace(s, '(?<first>[a-z])\\\\.', '${first}!')", expected: ['abc123def45', 'no digits', null, 'a!b!c', 'x$y\n'] },
  { column: regexp_replace('s', '\\$', '\\$\\$'), sql: "regexp_replace(s, '\\\\$', '\\\\$\\\\$')", expected: ['abc123def45', 'no digits', null, 'a.b.c', 'x$$y\n'] },
  { column: regexp_replace('s', '[0-9]', '$0$0'), sql: "regexp_replace(s, '[0-9]', '$0$0')", expected: ['abc112233def4455', 'no digits', null, 'a.b.c', 'x$y\n'] },
  { column: regexp_replace('s', col('p'), '_'), sql: "regexp_replace(s, p, '_')", expected: ['abc___def__', 'n_ digits', null, null, 'x_y\n'] },
  { column: split('s', '\\d+'), sql: "split(s, '\\\\d+')", expected: [['abc', 'def', ''], ['no digits'], null, ['a.b.c'], ['x$y\n']] },
  { column: split('s', '[.]', 2), sql: "split(s, '[.]', 2)", expected: [['abc123def45'], ['no digits'], null, ['a', 'b.c'], ['x$y\n']] },
];

describe('regular expression functions', () => {
  it.each(titled(cases))('%s', async (_title, c) => {
    await checkCase(df, c);
  });

  it('replaces from a 1-based position when given one', async () => {
    const rows = await df.selectExpr("regexp_replace(s, '[a-z]', '-', 3) AS v").collect();
    expect(rows.map((r) => r.v)).toEqual(['ab-123---45', 'no ------', null, 'a.-.-', 'x$-\n']);
  });

  it('rejects a constant pattern that does not compile before running', async () => {
    const err = await errorOf(() => df.select(regexp_extract('s', '(', 1)));
    expect(err).toBeInstanceOf(AnalysisError);
    expect(err.message).toBe("[INVALID_PARAMETER_VALUE.PATTERN] The value of parameter(s) `regexp` in `regexp_extract` is invalid: '('");
    expect((await errorOf(() => df.selectExpr("regexp_replace(s, '[a-', '')"))).message)
      .toBe("[INVALID_PARAMETER_VALUE.PATTERN] The value of parameter(s) `regexp` in `regexp_replace` is invalid: '[a-'");
  });

  it('fails the query when the group index is larger than the number of groups', async () => {
    const err = await errorOf(() => df.select(regexp_extract('s', '(\\d)', 2)).collect());
    expect(err.message).toBe('Regex group count is 1, but the specified group index is 2');
  });

  it('fails the query when the replacement names a group that does not exist', async () => {
    const err = await errorOf(() => df.select(regexp_replace('s', '(\\d)', '$2')).collect());
    expect(err.message).toBe('No group 2');
  });

  it('checks argument count and types', async () => {
    expect((await errorOf(() => df.selectExpr('regexp_extract(s)'))).message)
      .toBe("Function regexp_extract takes 2 to 3 arguments, but 1 were given in 'regexp_extract(s)'");
    expect((await errorOf(() => df.selectExpr("regexp_replace(s, 'a', array('b'))"))).message)
      .toBe("Cannot resolve 'regexp_replace(s, a, array(b))' due to data type mismatch: argument 3 of regexp_replace requires string, but got array<string>");
  });
});
