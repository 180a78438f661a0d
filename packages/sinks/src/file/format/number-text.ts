import { javaDoubleToString } from '@caudal/core';

/** An int or long as Java prints it (never in exponent notation). */
export function integerText(n: number): string {
  return Math.abs(n) < 1e21 ? String(n === 0 ? 0 : n) : BigInt(n).toString();
}

/** A double as Java's `Double.toString` prints it: `1.0`, `1.0E10`, `NaN`, `-Infinity`. */
export function doubleText(n: number): string {
  const abs = Math.abs(n);
  // Where Java prints plain digits, JS prints the same shortest digits (whole numbers lack Java's `.0`).
  if (abs >= 1e-3 && abs < 1e7) return Number.isInteger(n) ? `${String(n)}.0` : String(n);
  return javaDoubleToString(n);
}
