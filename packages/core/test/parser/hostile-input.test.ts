import { describe, it, expect, vi, afterEach } from 'vitest';
import { parseExpression, parseNamedExpression } from '../../src/expr/parser/parse-expression.ts';
import { parseTableSchema } from '../../src/expr/parser/parse-table-schema.ts';
import { ParseError } from '../../src/expr/parser/parse-error.ts';

// The parser only builds data: text that looks like code must come back as names and string values.
describe('hostile input', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('keeps code-like text as plain names and string literals, running none of it', () => {
    const exit = vi.spyOn(process, 'exit').mockImplementation(() => {
      throw new Error('process.exit was called');
    });
    // The name contains dots, so its display form is backquoted (as Spark's); the part itself is verbatim.
    expect(parseExpression('`x"); process.exit(1); ("`')).toEqual({
      kind: 'column', name: '`x"); process.exit(1); ("`', nameParts: ['x"); process.exit(1); ("'],
    });
    expect(parseExpression('`x"); process_exit(1); ("`')).toEqual({
      kind: 'column', name: 'x"); process_exit(1); ("', nameParts: ['x"); process_exit(1); ("'],
    });
    expect(parseExpression(String.raw`'\"); require(\"child_process\")'`)).toEqual({
      kind: 'literal', value: '"); require("child_process")', dataType: { kind: 'string' },
    });
    expect(parseExpression("'${process.exit(1)}' || `${globalThis}`")).toEqual({
      kind: 'binary', op: '||',
      left: { kind: 'literal', value: '${process.exit(1)}', dataType: { kind: 'string' } },
      right: { kind: 'column', name: '${globalThis}', nameParts: ['${globalThis}'] },
    });
    expect(exit).not.toHaveBeenCalled();
  });

  it('treats prototype-like names as ordinary names', () => {
    expect(parseNamedExpression('constructor AS `__proto__`')).toEqual({
      kind: 'alias', child: { kind: 'column', name: 'constructor', nameParts: ['constructor'] }, name: '__proto__',
    });
    expect(parseExpression('__proto__.constructor')).toEqual({
      kind: 'column', name: '__proto__.constructor', nameParts: ['__proto__', 'constructor'],
    });
    expect(parseExpression('toString(valueOf)')).toEqual({
      kind: 'call', name: 'tostring', args: [{ kind: 'column', name: 'valueOf', nameParts: ['valueOf'] }],
    });
    expect(parseTableSchema('`__proto__` int, constructor string').fieldNames()).toEqual(['__proto__', 'constructor']);
  });

  it('rejects statement separators and template syntax outside quotes', () => {
    expect(() => parseExpression('a; process.exit(1)')).toThrow(ParseError);
    expect(() => parseExpression('${a}')).toThrow("Syntax error at or near '$' (line 1, column 1)");
  });

  it('parses nesting up to 256 levels and refuses deeper nesting with a ParseError, not a stack overflow', () => {
    const nested = (n: number): string => `${'('.repeat(n)}a${')'.repeat(n)}`;
    expect(parseExpression(nested(255))).toEqual({ kind: 'column', name: 'a', nameParts: ['a'] });
    expect(() => parseExpression(nested(256))).toThrow('Expression nested more than 256 levels deep (line 1, column 257)');
    expect(() => parseExpression(`${'f('.repeat(300)}a${')'.repeat(300)}`)).toThrow(ParseError);
    // TRIM's FROM form reads its operands below parseExpression, and its side keywords may be column names.
    expect(() => parseExpression(`${'trim(FROM '.repeat(300)}a${')'.repeat(300)}`)).toThrow('Expression nested more than 256 levels deep');
    expect(() => parseExpression(`${'trim(both '.repeat(300)}a${')'.repeat(300)}`)).toThrow('Expression nested more than 256 levels deep');
    expect(() => parseExpression(`${'trim(both || '.repeat(300)}a${')'.repeat(300)}`)).toThrow('Expression nested more than 256 levels deep');
  });

  it('parses long operator chains and prefix chains iteratively', () => {
    const sum = Array.from({ length: 5000 }, (_, i) => `c${i}`).join(' + ');
    expect(parseExpression(sum).kind).toEqual('binary');
    let notChain = parseExpression(`${'NOT '.repeat(20000)}a`);
    let depth = 0;
    while (notChain.kind === 'unary') {
      notChain = notChain.child;
      depth++;
    }
    expect(depth).toEqual(20000);
    expect(parseExpression(`${'- '.repeat(3)}a`)).toEqual({
      kind: 'unary', op: 'negate', child: { kind: 'unary', op: 'negate', child: { kind: 'unary', op: 'negate', child: { kind: 'column', name: 'a', nameParts: ['a'] } } },
    });
  });
});
