import { afterAll, describe, expect, it } from 'vitest';
import {
  AnalysisError, Session, abs, bround, ceil, ceiling, col, exp, floor, greatest, least, lit, log, log10, pow, power, round, sqrt,
} from 'caudal';
import { checkCase, errorOf, titled, valuesOf, type FunctionCase } from './helpers/function-cases.ts';

const session = Session.builder().config('spark.sql.session.timeZone', 'UTC').create();
afterAll(() => session.stop());

const df = session.createDataFrame([
  { x: 2.675, n: 7, l: 123456789015, s: '2.5' },
  { x: -2.5, n: -7, l: -5, s: 'abc' },
  { x: null, n: null, l: null, s: null },
  { x: NaN, n: 0, l: 0, s: '-0.5' },
  { x: 0.5, n: 2147483647, l: 45, s: '1e3' },
], 'x DOUBLE, n INT, l LONG, s STRING');

// Expected values are written out; the transcendental ones are checked against Math.* as an independent computation.
const cases: FunctionCase[] = [
  // HALF_UP on the decimal a double prints as: 2.675 -> 2.68 (its binary value is 2.67499999...).
  { column: round('x', 2), sql: 'round(x, 2)', expected: [2.68, -2.5, null, NaN, 0.5], name: 'round(x, 2)' },
  { column: round('x'), sql: 'round(x, 0)', expected: [3, -3, null, NaN, 1], name: 'round(x, 0)' },
  { column: round('x', -1), sql: 'round(x, -1)', expected: [0, 0, null, NaN, 0] },
  { column: round('n', -1), sql: 'round(n, -1)', expected: [10, -10, null, 0, -2147483646] },
  { column: round('l', -1), sql: 'round(l, -1)', expected: [123456789020, -10, null, 0, 50] },
  { column: round('s'), sql: 'round(s, 0)', expected: [3, null, null, -1, 1000] },
  // HALF_EVEN: a half goes to the even neighbour (-2.5 -> -2, 0.5 -> 0; 123456789015 -> ...020, -5 -> 0, 45 -> 40).
  { column: bround('x', 2), sql: 'bround(x, 2)', expected: [2.68, -2.5, null, NaN, 0.5], name: 'bround(x, 2)' },
  { column: bround('x'), sql: 'bround(x)', expected: [3, -2, null, NaN, 0], name: 'bround(x, 0)' },
  { column: bround('x', -1), sql: 'bround(x, -1)', expected: [0, 0, null, NaN, 0] },
  { column: bround('n', -1), sql: 'bround(n, -1)', expected: [10, -10, null, 0, -2147483646] },
  { column: bround('n', 2), sql: 'bround(n, 2)', expected: [7, -7, null, 0, 2147483647] },
  { column: bround('l', -1), sql: 'bround(l, -1)', expected: [123456789020, 0, null, 0, 40] },
  // '-0.5' rounds to 0, not -0 (Spark rounds through a BigDecimal).
  { column: bround('s'), sql: 'bround(s, 0)', expected: [2, null, null, 0, 1000] },
  { column: bround('x', lit(null)), sql: 'bround(x, NULL)', expected: [null, null, null, null, null], name: 'bround(x, NULL)' },
  { column: abs('n'), sql: 'abs(n)', expected: [7, 7, null, 0, 2147483647], name: 'abs(n)' },
  { column: abs('x'), sql: 'abs(x)', expected: [2.675, 2.5, null, NaN, 0.5] },
  { column: floor('x'), sql: 'floor(x)', expected: [2, -3, null, 0, 0], name: 'FLOOR(x)' },
  { column: ceil('x'), sql: 'ceil(x)', expected: [3, -2, null, 0, 1], name: 'CEIL(x)' },
  { column: ceiling('n'), sql: 'ceiling(n)', expected: [7, -7, null, 0, 2147483647] },
  { column: floor('s'), sql: 'floor(s)', expected: [2, null, null, -1, 1000] },
  { column: sqrt('x'), sql: 'sqrt(x)', expected: [Math.sqrt(2.675), NaN, null, NaN, Math.SQRT1_2], name: 'SQRT(x)' },
  { column: exp('n'), sql: 'exp(n)', expected: [Math.exp(7), Math.exp(-7), null, 1, Infinity], name: 'EXP(n)' },
  // Logarithms of values <= 0 are null, not NaN or -Infinity.
  { column: log('x'), sql: 'ln(x)', expected: [Math.log(2.675), null, null, NaN, Math.log(0.5)], name: 'ln(x)' },
  { column: log(2, 'l'), sql: 'log(2, l)', expected: [Math.log(123456789015) / Math.log(2), null, null, null, Math.log(45) / Math.log(2)], name: 'LOG(2, l)' },
  { column: log10('l'), sql: 'log10(l)', expected: [Math.log10(123456789015), null, null, null, Math.log10(45)] },
  { column: pow('n', 2), sql: 'pow(n, 2)', expected: [49, 49, null, 0, 2147483647 ** 2], name: 'POWER(n, 2)' },
  { column: power(2, 'x'), sql: 'power(2, x)', expected: [2 ** 2.675, 2 ** -2.5, null, NaN, Math.SQRT2] },
  { column: pow('x', 0), sql: 'pow(x, 0)', expected: [1, 1, null, 1, 1] },
  // NaN is larger than any number; nulls are skipped.
  { column: greatest('x', 'n'), sql: 'greatest(x, n)', expected: [7, -2.5, null, NaN, 2147483647], name: 'greatest(x, n)' },
  { column: least('x', 'n'), sql: 'least(x, n)', expected: [2.675, -7, null, 0, 0.5] },
  { column: greatest('n', 'l', lit(3)), sql: 'greatest(n, l, 3)', expected: [123456789015, 3, 3, 3, 2147483647] },
  { column: least(col('x'), lit(null)), sql: 'least(x, NULL)', expected: [2.675, -2.5, null, NaN, 0.5] },
  { column: greatest('s', lit('ab')), sql: "greatest(s, 'ab')", expected: ['ab', 'abc', 'ab', 'ab', 'ab'] },
];

describe('math functions', () => {
  it.each(titled(cases))('%s', async (_title, c) => {
    await checkCase(df, c);
  });

  it('keeps the input type for round and abs, bigint for floor and ceil, double otherwise', () => {
    const types = df.select(round('n', -1), round('l'), round('x', 1), abs('n'), floor('n'), ceil('x'), sqrt('n'), pow('n', 2))
      .schema.fields.map((f) => f.dataType.kind);
    expect(types).toEqual(['int', 'long', 'double', 'int', 'long', 'long', 'double', 'double']);
  });

  it('rounds halves away from zero at every scale', async () => {
    const halves = session.createDataFrame([{ v: 0.125 }, { v: -0.125 }, { v: 1.005 }, { v: 2.5e-7 }, { v: 1234.5 }, { v: 1e300 }], 'v DOUBLE');
    expect(await valuesOf(halves, round('v', 2))).toEqual([0.13, -0.13, 1.01, 0, 1234.5, 1e300]);
    expect(await valuesOf(halves, 'round(v, 7)')).toEqual([0.125, -0.125, 1.005, 3e-7, 1234.5, 1e300]);
    expect(await valuesOf(halves, round('v', -2))).toEqual([0, 0, 0, 0, 1200, 1e300]);
  });

  it('rounds halves to the even neighbour with bround, as the decimal a double prints as', async () => {
    const halves = session.createDataFrame([0.125, -0.125, 1.005, 2.5e-7, 1234.5, 1e300, 0.5, 1.5, -1.5, 0.285, 12.345].map((v) => ({ v })), 'v DOUBLE');
    expect(await valuesOf(halves, bround('v', 2))).toEqual([0.12, -0.12, 1, 0, 1234.5, 1e300, 0.5, 1.5, -1.5, 0.28, 12.34]);
    expect(await valuesOf(halves, 'bround(v)')).toEqual([0, 0, 1, 0, 1234, 1e300, 0, 2, -2, 0, 12]);
    expect(await valuesOf(halves, 'bround(v, 7)')).toEqual([0.125, -0.125, 1.005, 2e-7, 1234.5, 1e300, 0.5, 1.5, -1.5, 0.285, 12.345]);
    expect(await valuesOf(halves, bround('v', -2))).toEqual([0, 0, 0, 0, 1200, 1e300, 0, 0, 0, 0, 0]);
    // Against HALF_UP on the same values.
    expect(await valuesOf(halves, round('v', 2))).toEqual([0.13, -0.13, 1.01, 0, 1234.5, 1e300, 0.5, 1.5, -1.5, 0.29, 12.35]);
    const one = session.createDataFrame([{ v: 1 }], 'v INT');
    expect(await one.selectExpr('bround(2.5D) AS a', 'bround(3.5D) AS b', 'bround(-2.5D) AS c', 'bround(25, -1) AS d', 'bround(35, -1) AS e', 'bround(-0.4D) AS f', 'bround(1.5e-300D, 300) AS g', 'bround(1e300D, -400) AS h').collect())
      .toEqual([{ a: 2, b: 4, c: -2, d: 20, e: 40, f: 0, g: 2e-300, h: 0 }]);
    expect(Object.is((await one.selectExpr('bround(-0.4D) AS f', 'round(-0.0D) AS r').collect())[0]!.f, 0)).toBe(true);
    // A fractional scale is cast to int, as Spark casts it.
    expect(await one.selectExpr('bround(12.345D, 1.9) AS a', "round(12.345D, '2') AS b").collect()).toEqual([{ a: 12.3, b: 12.35 }]);
  });

  it('names round and bround with the scale Spark fills in', () => {
    expect(df.selectExpr('round(x)', 'bround(x)', 'BROUND(x, 1)', 'bround(1e300D, -400)').columns).toEqual(['round(x, 0)', 'bround(x, 0)', 'bround(x, 1)', 'bround(1.0E300, -400)']);
    expect(df.select(bround('n', -1), round('l'), bround('x', 1)).schema.fields.map((f) => f.dataType.kind)).toEqual(['int', 'long', 'double']);
  });

  it('checks arity and argument types', async () => {
    expect((await errorOf(() => df.selectExpr('bround(x, n)'))).message).toBe("Cannot resolve 'bround(x, n)': argument 2 of bround must be a constant literal");
    expect((await errorOf(() => df.selectExpr("bround(array(1))"))).message)
      .toBe("Cannot resolve 'bround(array(1), 0)' due to data type mismatch: argument 1 of bround requires numeric, but got array<int>");
    const err = await errorOf(() => df.selectExpr('sqrt(array(1))'));
    expect(err).toBeInstanceOf(AnalysisError);
    expect(err.message).toBe("Cannot resolve 'sqrt(array(1))' due to data type mismatch: argument 1 of sqrt requires double, but got array<int>");
    expect((await errorOf(() => df.select(greatest('n')))).message).toBe("Function greatest takes at least 2 arguments, but 1 were given in 'greatest(n)'");
    expect((await errorOf(() => df.selectExpr('round(x, n)'))).message).toBe("Cannot resolve 'round(x, n)': argument 2 of round must be a constant literal");
    expect((await errorOf(() => df.selectExpr('abs(array(1))'))).message)
      .toBe("Cannot resolve 'abs(array(1))' due to data type mismatch: argument 1 of abs requires numeric, but got array<int>");
    expect((await errorOf(() => df.selectExpr('pow(x)'))).message).toBe("Function pow takes 2 arguments, but 1 were given in 'pow(x)'");
  });
});
