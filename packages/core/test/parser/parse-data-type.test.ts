import { describe, it, expect } from 'vitest';
import { parseDataType } from '../../src/expr/parser/parse-data-type.ts';
import { parseTableSchema } from '../../src/expr/parser/parse-table-schema.ts';
import { ParseError } from '../../src/expr/parser/parse-error.ts';
import type { DataType, StructField } from '../../src/types/data-type.ts';

const INT: DataType = { kind: 'int' };
const LONG: DataType = { kind: 'long' };
const STRING: DataType = { kind: 'string' };
const DOUBLE: DataType = { kind: 'double' };
const arr = (elementType: DataType): DataType => ({ kind: 'array', elementType, containsNull: true });
const map = (keyType: DataType, valueType: DataType): DataType => ({ kind: 'map', keyType, valueType, valueContainsNull: true });
const fld = (name: string, dataType: DataType, nullable = true): StructField => ({ name, dataType, nullable });
const struct = (...fields: StructField[]): DataType => ({ kind: 'struct', fields });

describe('parseDataType', () => {
  it.each([
    ['string', STRING],
    ['STRING', STRING],
    ['int', INT],
    ['Integer', INT],
    ['smallint', INT],
    ['tinyint', INT],
    ['short', INT],
    ['byte', INT],
    ['bigint', LONG],
    ['long', LONG],
    ['double', DOUBLE],
    ['float', DOUBLE],
    ['real', DOUBLE],
    ['decimal', DOUBLE],
    ['decimal(10,2)', DOUBLE],
    ['DECIMAL(38)', DOUBLE],
    ['numeric(5, 1)', DOUBLE],
    ['boolean', { kind: 'boolean' }],
    ['timestamp', { kind: 'timestamp' }],
    ['date', { kind: 'date' }],
    ['binary', { kind: 'binary' }],
    ['void', { kind: 'null' }],
    ['interval', { kind: 'interval' }],
    ['varchar(10)', STRING],
    ['char(1)', STRING],
    ['array<int>', arr(INT)],
    ['ARRAY<STRING>', arr(STRING)],
    ['array<array<int>>', arr(arr(INT))],
    ['map<string,int>', map(STRING, INT)],
    ['map < string , array<bigint> >', map(STRING, arr(LONG))],
    ['struct<a:int,b:string>', struct(fld('a', INT), fld('b', STRING))],
    ['struct<a int, b string>', struct(fld('a', INT), fld('b', STRING))],
    ['struct<>', struct()],
    ['struct< >', struct()],
    ["struct<`a b`:int NOT NULL COMMENT 'the a', end: date>", struct(fld('a b', INT, false), fld('end', { kind: 'date' }))],
    ['struct<a:struct<b:array<map<string,double>>>>', struct(fld('a', struct(fld('b', arr(map(STRING, DOUBLE))))))],
  ] as const)('%s', (ddl, type) => {
    expect(parseDataType(ddl)).toEqual(type);
  });

  it.each([
    ['array<foo>', [
      "Unsupported data type 'foo' (line 1, column 7)", '', '== DDL ==', 'array<foo>', '------^^^',
    ]],
    ['map<string>', [
      "Syntax error at or near '>' (line 1, column 11)", '', '== DDL ==', 'map<string>', '----------^',
    ]],
    ['array<int', [
      'Syntax error at or near end of input (line 1, column 10)', '', '== DDL ==', 'array<int', '---------^',
    ]],
    ['int int', [
      "Syntax error at or near 'int' (line 1, column 5)", '', '== DDL ==', 'int int', '----^^^',
    ]],
    ['decimal(a)', [
      "Syntax error at or near 'a' (line 1, column 9)", '', '== DDL ==', 'decimal(a)', '--------^',
    ]],
  ] as const)('rejects %s', (ddl, lines) => {
    expect(() => parseDataType(ddl)).toThrow(ParseError);
    expect(() => parseDataType(ddl)).toThrow(lines.join('\n'));
  });
});

describe('deeply nested types', () => {
  it('parses 256 levels and refuses deeper nesting with a ParseError, not a stack overflow', () => {
    const nested = (n: number): string => `${'array<'.repeat(n)}int${'>'.repeat(n)}`;
    let t = parseDataType(nested(256));
    for (let i = 0; i < 256; i++) {
      if (t.kind !== 'array') throw new Error(`expected an array at level ${i}`);
      t = t.elementType;
    }
    expect(t).toEqual(INT);
    expect(() => parseDataType(nested(257))).toThrow("Data type nested more than 256 levels deep (line 1, column 1543)");
    expect(() => parseDataType(`${'struct<a:'.repeat(300)}int${'>'.repeat(300)}`)).toThrow(ParseError);
  });
});

describe('parseTableSchema', () => {
  it.each([
    ['a INT, b STRING NOT NULL, c ARRAY<STRING>', [fld('a', INT), fld('b', STRING, false), fld('c', arr(STRING))]],
    ['`weird col` int, `a``b` bigint', [fld('weird col', INT), fld('a`b', LONG)]],
    ['a: int, b: string', [fld('a', INT), fld('b', STRING)]],
    ['struct<a:int,b:string>', [fld('a', INT), fld('b', STRING)]],
    ["date DATE, timestamp TIMESTAMP COMMENT 'event time', struct STRUCT<x: double>",
      [fld('date', { kind: 'date' }), fld('timestamp', { kind: 'timestamp' }), fld('struct', struct(fld('x', DOUBLE)))]],
    ['id long\n, tags map<string, string>', [fld('id', LONG), fld('tags', map(STRING, STRING))]],
    ['', []],
  ] as const)('%s', (ddl, fields) => {
    expect(parseTableSchema(ddl).fields).toEqual(fields);
  });

  it('builds a StructType', () => {
    expect(parseTableSchema('a INT, b STRING NOT NULL').toString()).toEqual('StructType(StructField(a,int,true),StructField(b,string,false))');
  });

  it.each([
    ['a INT,', [
      'Syntax error at or near end of input (line 1, column 7)', '', '== DDL ==', 'a INT,', '------^',
    ]],
    ['a', [
      'Syntax error at or near end of input (line 1, column 2)', '', '== DDL ==', 'a', '-^',
    ]],
    ['a INT b STRING', [
      "Syntax error at or near 'b' (line 1, column 7)", '', '== DDL ==', 'a INT b STRING', '------^',
    ]],
    ['a INT,\nb STRNG', [
      "Unsupported data type 'STRNG' (line 2, column 3)", '', '== DDL ==', 'a INT,', 'b STRNG', '--^^^^^',
    ]],
    ['a INT NOT', [
      'Syntax error at or near end of input (line 1, column 10)', '', '== DDL ==', 'a INT NOT', '---------^',
    ]],
  ] as const)('rejects %j', (ddl, lines) => {
    expect(() => parseTableSchema(ddl)).toThrow(lines.join('\n'));
  });
});
