import { afterEach, describe, expect, it } from 'vitest';
import { Session } from 'caudal';

// CAST edge cases, non-ANSI, as Spark 4.0.1 gives them (each expected value was checked against PySpark 4.0.1
// with spark.sql.ansi.enabled=false and a UTC session; the parity harness, benchmarks/parity, keeps checking).

let session: Session | undefined;
afterEach(async () => { await session?.stop(); session = undefined; });

/** `cast(s AS type)` for each string. */
async function castStrings(values: readonly string[], type: string): Promise<unknown[]> {
  session ??= Session.builder().config('spark.sql.session.timeZone', 'UTC').create();
  const df = session.createDataFrame(values.map((s) => ({ s })), 's STRING');
  return (await df.selectExpr(`cast(s AS ${type}) AS v`).collect()).map((r) => r.v);
}

describe('cast from string to numbers', () => {
  it('to int: [+-]digits[.digits], trimmed; no exponent, hex or inner spaces; overflow is null', async () => {
    expect(await castStrings([' 42 ', '4.7', '-4.7', '1e3', '0x1A', '4.', '.5', '+5', '- 5', '2147483648', '-2147483648', '1_000', '', '\t7\n'], 'INT'))
      .toEqual([42, 4, -4, null, null, 4, 0, 5, null, null, -2147483648, null, null, 7]);
  });

  it('to bigint: the range check is on the exact digits', async () => {
    expect(await castStrings(['9007199254740992', '9223372036854775808', '-9223372036854775808', '-9223372036854775809', '1e3'], 'BIGINT'))
      .toEqual([9007199254740992, null, -(2 ** 63), null, null]);
  });

  it("to double: Java's parseDouble forms (exponent, d/f suffix) and Spark's inf/nan words; no hex", async () => {
    expect(await castStrings(['1e3', '1d', '1.5F', '0x1A', 'inf', '-Infinity', 'NaN', '+NaN', '-nan', ' 2.5 ', 'abc'], 'DOUBLE'))
      .toEqual([1000, 1, 1.5, null, Infinity, -Infinity, NaN, NaN, null, 2.5, null]);
  });
});

describe('cast between numbers', () => {
  it("double → int / bigint truncates and saturates as Java's (int) / (long), NaN is 0; bigint → int wraps", async () => {
    session = Session.builder().create();
    const [row] = await session.createDataFrame([{ x: 1 }], 'x INT').selectExpr(
      'cast(1e20 AS INT) AS a', 'cast(-1e20 AS INT) AS b', "cast(cast('NaN' AS DOUBLE) AS INT) AS c", 'cast(-3.9 AS INT) AS d',
      "cast(cast('Infinity' AS DOUBLE) AS INT) AS e", "cast(cast('NaN' AS DOUBLE) AS BIGINT) AS f", 'cast(-1e20 AS BIGINT) AS g',
      'cast(2147483648 AS INT) AS h', 'cast(x * 3e9 AS INT) AS i',
    ).collect();
    expect(row).toEqual({ a: 2147483647, b: -2147483648, c: 0, d: -3, e: 2147483647, f: 0, g: -(2 ** 63), h: -2147483648, i: 2147483647 });
  });
});

describe('cast from string to timestamp and date', () => {
  it("to timestamp: Spark's grammar (partial dates, one-digit fields, zones, fraction truncated to microseconds), invalid → null", async () => {
    const asText = async (values: readonly string[]): Promise<unknown[]> => castStrings(values.map((v) => v), 'TIMESTAMP')
      .then((ds) => ds.map((d) => (d === null ? null : (d as Date).toISOString())));
    expect(await asText(['2024', '2024-06', '2024-1-5 1:2:3', '2024-02-30', '2024-01-15T10:30:00+05:30', '2024-01-15T10:30Z',
      '2024-01-15 10:30:00 UTC', '2024-01-15T10:30:00-8:00', '2024-13-01', '2024-01-15T', '2024-01-15 10:30:00Europe/Madrid',
      '2024-07-01T10:30:00 PST', '2024-01-15T10:30:00UTC+01:00', '2024-01-15 24:00:00', '2024-01-15 10:30:00z']))
      .toEqual(['2024-01-01T00:00:00.000Z', '2024-06-01T00:00:00.000Z', '2024-01-05T01:02:03.000Z', null, '2024-01-15T05:00:00.000Z', null,
        '2024-01-15T10:30:00.000Z', '2024-01-15T18:30:00.000Z', null, null, '2024-01-15T09:30:00.000Z',
        '2024-07-01T17:30:00.000Z', '2024-01-15T09:30:00.000Z', null, null]);
    session = Session.builder().config('spark.sql.session.timeZone', 'UTC').create();
    const df = session.createDataFrame([{ s: '2024-01-15 10:30:00.123456789' }, { s: '1969-12-31 23:59:59.9999999' }], 's STRING');
    expect((await df.selectExpr('cast(cast(s AS TIMESTAMP) AS STRING) AS v').collect()).map((r) => r.v))
      .toEqual(['2024-01-15 10:30:00.123456', '1969-12-31 23:59:59.999999']);
  });

  it("to date: yyyy, yyyy-[m]m, yyyy-[m]m-[d]d and anything after ' ' or 'T' once the date is whole; invalid days → null", async () => {
    const days = await castStrings(['2024', '2024-6', '2024-02-30', '2024-01-15 garbage', '2024-01-15T10:00', '2024-13-01', '2024 x', '2024-06x', '+2024-01-01', '2023-02-29', '2024-02-29'], 'DATE');
    expect(days.map((d) => (d === null ? null : (d as Date).toISOString().slice(0, 10))))
      .toEqual(['2024-01-01', '2024-06-01', null, '2024-01-15', '2024-01-15', null, null, null, '2024-01-01', null, '2024-02-29']);
  });
});
