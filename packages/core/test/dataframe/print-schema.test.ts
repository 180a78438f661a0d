import { afterEach, describe, expect, it } from 'vitest';
import { Session, col, explode } from 'caudal';
import { captureStdout } from '../streaming/support/capture-output.ts';

// printSchema(): Spark's tree for nested types.

let session: Session | undefined;
afterEach(async () => { await session?.stop(); session = undefined; });

describe('printSchema', () => {
  it('prints nested structs, arrays and maps as Spark does', async () => {
    session = Session.builder().create();
    const df = session.createDataFrame([], 'id BIGINT, customer STRUCT<name: STRING, address: STRUCT<city: STRING, zip: INT>>, ' +
      'lines ARRAY<STRUCT<sku: STRING, qty: INT>>, attrs MAP<STRING, ARRAY<DOUBLE>>, seen TIMESTAMP, day DATE, raw BINARY, ok BOOLEAN');
    const expected =
      'root\n' +
      ' |-- id: long (nullable = true)\n' +
      ' |-- customer: struct (nullable = true)\n' +
      ' |    |-- name: string (nullable = true)\n' +
      ' |    |-- address: struct (nullable = true)\n' +
      ' |    |    |-- city: string (nullable = true)\n' +
      ' |    |    |-- zip: integer (nullable = true)\n' +
      ' |-- lines: array (nullable = true)\n' +
      ' |    |-- element: struct (containsNull = true)\n' +
      ' |    |    |-- sku: string (nullable = true)\n' +
      ' |    |    |-- qty: integer (nullable = true)\n' +
      ' |-- attrs: map (nullable = true)\n' +
      ' |    |-- key: string\n' +
      ' |    |-- value: array (valueContainsNull = true)\n' +
      ' |    |    |-- element: double (containsNull = true)\n' +
      ' |-- seen: timestamp (nullable = true)\n' +
      ' |-- day: date (nullable = true)\n' +
      ' |-- raw: binary (nullable = true)\n' +
      ' |-- ok: boolean (nullable = true)\n';
    expect(df.schema.treeString()).toBe(expected);
    const { text } = await captureStdout(async () => { df.printSchema(); });
    expect(text).toBe(`${expected}\n`);
  });

  it('follows the schema through transformations (explode of an array of structs, field access)', async () => {
    session = Session.builder().create();
    const df = session.createDataFrame([], 'id BIGINT, lines ARRAY<STRUCT<sku: STRING, qty: INT>>')
      .select(col('id'), explode(col('lines')).alias('line'))
      .select(col('id'), col('line.sku'), col('line').getField('qty').alias('qty'));
    expect(df.schema.treeString()).toBe(
      'root\n' +
      ' |-- id: long (nullable = true)\n' +
      ' |-- sku: string (nullable = true)\n' +
      ' |-- qty: integer (nullable = true)\n',
    );
  });
});
