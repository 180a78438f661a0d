import { describe, expect, it } from 'vitest';
import { javaDoubleToString } from '../../src/display/java-double.ts';

describe('javaDoubleToString (Java Double.toString)', () => {
  it.each([
    [1, '1.0'],
    [0.1, '0.1'],
    [-2.5, '-2.5'],
    [100, '100.0'],
    [3.14, '3.14'],
    [123456.789, '123456.789'],
    [9999999, '9999999.0'],
    [1e7, '1.0E7'],
    [12345678, '1.2345678E7'],
    [1e21, '1.0E21'],
    [0.001, '0.001'],
    [0.00123, '0.00123'],
    [1e-4, '1.0E-4'],
    [9.99e-4, '9.99E-4'],
    [-1.5e-10, '-1.5E-10'],
    [0, '0.0'],
    [-0, '-0.0'],
    [NaN, 'NaN'],
    [Infinity, 'Infinity'],
    [-Infinity, '-Infinity'],
    [Number.MAX_VALUE, '1.7976931348623157E308'],
    [Number.MIN_VALUE, '4.9E-324'],
    [2 * Number.MIN_VALUE, '9.9E-324'], // JDK 19+ (closest 2-digit decimal)
    [1e23, '1.0E23'],
    [2e-3, '0.002'],
  ])('%s -> %s', (x, expected) => {
    expect(javaDoubleToString(x)).toBe(expected);
  });
});
