import { describe, it, expect } from 'vitest';
import { parseExpression, parseNamedExpression } from '../../src/expr/parser/parse-expression.ts';
import { ParseError } from '../../src/expr/parser/parse-error.ts';
import { AnalysisError } from '../../src/analyzer/analysis-error.ts';

function errorOf(parse: () => unknown): ParseError {
  try {
    parse();
  } catch (e) {
    if (e instanceof ParseError) return e;
    throw e;
  }
  throw new Error('expected a ParseError');
}

/** Golden messages: headline, blank line, context label, the input with a caret line under the error. */
describe('parseExpression syntax errors', () => {
  it.each([
    ['missing right operand', 'a +', [
      'Syntax error at or near end of input (line 1, column 4)',
      '',
      '== Expression ==',
      'a +',
      '---^',
    ]],
    ['missing operand between operators', 'a * / b', [
      "Syntax error at or near '/' (line 1, column 5)",
      '',
      '== Expression ==',
      'a * / b',
      '----^',
    ]],
    // `*` alone is a star (as in Spark's grammar), so the error is at the token after it.
    ['star as an operand', 'a + * b', [
      "Syntax error at or near 'b' (line 1, column 7)",
      '',
      '== Expression ==',
      'a + * b',
      '------^',
    ]],
    ['unclosed parenthesis', '(a + b', [
      'Syntax error at or near end of input (line 1, column 7)',
      '',
      '== Expression ==',
      '(a + b',
      '------^',
    ]],
    ['extra closing parenthesis', 'f(a))', [
      "Syntax error at or near ')' (line 1, column 5)",
      '',
      '== Expression ==',
      'f(a))',
      '----^',
    ]],
    ['unterminated string', "name = 'abc", [
      "Syntax error at or near ''abc' (line 1, column 8)",
      '',
      '== Expression ==',
      "name = 'abc",
      '-------^^^^',
    ]],
    ['unterminated backquoted name', 'a + `b c', [
      "Syntax error at or near '`b c' (line 1, column 5)",
      '',
      '== Expression ==',
      'a + `b c',
      '----^^^^',
    ]],
    ['unterminated comment', 'a /* note', [
      "Syntax error at or near '/* note' (line 1, column 3)",
      '',
      '== Expression ==',
      'a /* note',
      '--^^^^^^^',
    ]],
    ['unknown character', 'a # b', [
      "Syntax error at or near '#' (line 1, column 3)",
      '',
      '== Expression ==',
      'a # b',
      '--^',
    ]],
    ['trailing tokens', 'a b c', [
      "Syntax error at or near 'b' (line 1, column 3)",
      '',
      '== Expression ==',
      'a b c',
      '--^',
    ]],
    ['multi-character token', 'a + AND', [
      "Syntax error at or near 'AND' (line 1, column 5)",
      '',
      '== Expression ==',
      'a + AND',
      '----^^^',
    ]],
    ['empty input', '', [
      'Syntax error at or near end of input (line 1, column 1)',
      '',
      '== Expression ==',
      '',
      '^',
    ]],
    ['end of input after trailing blanks sits after the last token', 'a AND  \n ', [
      'Syntax error at or near end of input (line 1, column 6)',
      '',
      '== Expression ==',
      'a AND  ',
      '-----^',
      ' ',
    ]],
    ['CASE without END', 'CASE WHEN a THEN 1', [
      'Syntax error at or near end of input (line 1, column 19)',
      '',
      '== Expression ==',
      'CASE WHEN a THEN 1',
      '------------------^',
    ]],
    ['CASE without WHEN', 'CASE a END', [
      "Syntax error at or near 'END' (line 1, column 8)",
      '',
      '== Expression ==',
      'CASE a END',
      '-------^^^',
    ]],
    ['empty IN list', 'a IN ()', [
      "Syntax error at or near ')' (line 1, column 7)",
      '',
      '== Expression ==',
      'a IN ()',
      '------^',
    ]],
    ['unknown type in CAST', 'CAST(a AS number)', [
      "Unsupported data type 'number' (line 1, column 11)",
      '',
      '== Expression ==',
      'CAST(a AS number)',
      '----------^^^^^^',
    ]],
    ['interval without unit', 'INTERVAL 10', [
      'Syntax error at or near end of input (line 1, column 12)',
      '',
      '== Expression ==',
      'INTERVAL 10',
      '-----------^',
    ]],
    ['star after an expression', 'f(x).*', [
      "Syntax error at or near '*' (line 1, column 6)",
      '',
      '== Expression ==',
      'f(x).*',
      '-----^',
    ]],
  ] as const)('%s', (_name, sql, lines) => {
    expect(errorOf(() => parseExpression(sql)).message).toEqual(lines.join('\n'));
  });

  it('reports the line and column of an error on line 2, with the caret line under that line', () => {
    const e = errorOf(() => parseExpression("a = 1\n  AND b = 'x\nOR c"));
    expect(e.message).toEqual([
      "Syntax error at or near ''x' (line 2, column 11)",
      '',
      '== Expression ==',
      'a = 1',
      "  AND b = 'x",
      '----------^^',
      'OR c',
    ].join('\n'));
    expect([e.line, e.column]).toEqual([2, 11]);
  });

  it('counts lines across CRLF line ends', () => {
    const e = errorOf(() => parseExpression('a +\r\nb *\r\n) + c'));
    expect(e.message).toEqual([
      "Syntax error at or near ')' (line 3, column 1)",
      '',
      '== Expression ==',
      'a +',
      'b *',
      ') + c',
      '^',
    ].join('\n'));
  });

  it('is a ParseError with 1-based line and column fields', () => {
    const e = errorOf(() => parseExpression('a +\n  * )'));
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toEqual('ParseError');
    expect([e.line, e.column]).toEqual([2, 5]);
  });

  it('shows only the first line of a token that spans lines', () => {
    // The string is terminated, so the error is the trailing string token after `a`.
    const e = errorOf(() => parseExpression("a 'x\ny'"));
    expect(e.message).toEqual([
      "Syntax error at or near ''x' (line 1, column 3)",
      '',
      '== Expression ==',
      "a 'x",
      '--^^',
      "y'",
    ].join('\n'));
  });
});

describe('invalid literal values', () => {
  it.each([
    ["TIMESTAMP '2024-13-01'", "Invalid TIMESTAMP literal '2024-13-01' (line 1, column 1)", "TIMESTAMP '2024-13-01'", '^'.repeat(22)],
    ["a > TIMESTAMP '2024-01-01 25:00:00'", "Invalid TIMESTAMP literal '2024-01-01 25:00:00' (line 1, column 5)",
      "a > TIMESTAMP '2024-01-01 25:00:00'", `----${'^'.repeat(31)}`],
    ["DATE '2024-02-30'", "Invalid DATE literal '2024-02-30' (line 1, column 1)", "DATE '2024-02-30'", '^'.repeat(17)],
    ["X'0G'", "Invalid X literal '0G' (line 1, column 1)", "X'0G'", '^^^^^'],
    ["INTERVAL 'soon'", "Invalid INTERVAL literal 'soon' (line 1, column 1)", "INTERVAL 'soon'", '^'.repeat(15)],
    ['INTERVAL 1.5 MONTHS', "Invalid INTERVAL literal '1.5 MONTHS' (line 1, column 1)", 'INTERVAL 1.5 MONTHS', '^'.repeat(19)],
    ['40000S', 'Numeric literal 40000 does not fit in range [-32768, 32767] for type smallint (line 1, column 1)', '40000S', '^^^^^^'],
    ['-129Y', 'Numeric literal -129 does not fit in range [-128, 127] for type tinyint (line 1, column 1)', '-129Y', '^^^^^'],
    ['9223372036854775808L',
      'Numeric literal 9223372036854775808 does not fit in range [-9223372036854775808, 9223372036854775807] for type bigint (line 1, column 1)',
      '9223372036854775808L', '^'.repeat(20)],
  ] as const)('%s', (sql, headline, line, carets) => {
    expect(errorOf(() => parseExpression(sql)).message).toEqual([headline, '', '== Expression ==', line, carets].join('\n'));
  });
});

describe('parseNamedExpression errors', () => {
  it('needs a name after AS', () => {
    expect(errorOf(() => parseNamedExpression('a AS')).message).toEqual([
      'Syntax error at or near end of input (line 1, column 5)', '', '== Expression ==', 'a AS', '----^',
    ].join('\n'));
  });

  it('rejects a multi-name alias, which has no Expr form', () => {
    expect(errorOf(() => parseNamedExpression('posexplode(a) AS (p, v)')).message).toEqual([
      "Syntax error at or near '(' (line 1, column 18)", '', '== Expression ==', 'posexplode(a) AS (p, v)', '-----------------^',
    ].join('\n'));
  });

  it('rejects tokens after the alias', () => {
    expect(errorOf(() => parseNamedExpression('a + 1 total x')).message).toEqual([
      "Syntax error at or near 'x' (line 1, column 13)", '', '== Expression ==', 'a + 1 total x', '------------^',
    ].join('\n'));
  });
});

describe('semantic errors Spark reports at analysis', () => {
  it('DISTINCT on a scalar function', () => {
    expect(() => parseExpression('lower(DISTINCT a)')).toThrow(new AnalysisError('DISTINCT specified, but lower is not an aggregate function'));
  });

  it('a generator with the wrong number of arguments', () => {
    expect(() => parseExpression('explode(a, b)')).toThrow(new AnalysisError('Function explode requires exactly 1 argument, but 2 were given'));
    expect(() => parseExpression('explode()')).toThrow(new AnalysisError('Function explode requires exactly 1 argument, but 0 were given'));
  });
});
