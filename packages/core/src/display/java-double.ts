/**
 * Java's `Double.toString`, which Spark uses when it casts a double to a string: the shortest digits that
 * round-trip (JS and JDK 19+ agree on those), in plain notation for 1e-3 <= |x| < 1e7 and in computerized
 * scientific notation (`1.0E7`, `1.0E-4`) otherwise; always at least one digit after the point.
 *
 * @example
 * ```ts
 * import { javaDoubleToString } from 'caudal';
 * javaDoubleToString(2); // '2.0'
 * javaDoubleToString(12345678.9); // '1.23456789E7'
 * javaDoubleToString(0.0001); // '1.0E-4'
 * ```
 */
export function javaDoubleToString(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return 'Infinity';
  if (x === -Infinity) return '-Infinity';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';

  const sign = x < 0 ? '-' : '';
  const abs = Math.abs(x);
  // toExponential() without an argument yields the shortest round-trip digits: `d.ddde±n`.
  let [mantissa = '', exp = '0'] = abs.toExponential().split('e');
  // Java never picks a 1-digit decimal: it takes the closest 2-digit one (differs only for tiny subnormals,
  // e.g. Double.MIN_VALUE prints 4.9E-324, not 5.0E-324).
  if (mantissa.length === 1) [mantissa = '', exp = '0'] = abs.toExponential(1).split('e');
  const digits = mantissa.replace('.', '').replace(/(?<=.)0+$/, '');
  const e = Number(exp);

  if (abs >= 1e-3 && abs < 1e7) {
    if (e < 0) return `${sign}0.${'0'.repeat(-e - 1)}${digits}`;
    const intPart = digits.length > e + 1 ? digits.slice(0, e + 1) : digits.padEnd(e + 1, '0');
    const frac = digits.slice(e + 1);
    return `${sign}${intPart}.${frac === '' ? '0' : frac}`;
  }
  const frac = digits.slice(1);
  return `${sign}${digits[0] ?? '0'}.${frac === '' ? '0' : frac}E${e}`;
}
