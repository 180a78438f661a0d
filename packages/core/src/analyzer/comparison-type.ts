import type { DataType } from '../types/data-type.ts';
import { BOOLEAN, DOUBLE, isNumeric, sameType, widerNumeric } from '../types/data-type.ts';

/** The type both sides of a comparison are cast to (Spark's implicit promotion rules, simplified). */
export function comparisonType(a: DataType, b: DataType): DataType | undefined {
  if (sameType(a, b)) return a;
  if (a.kind === 'null') return b;
  if (b.kind === 'null') return a;
  const wide = widerNumeric(a, b);
  if (wide) return wide;
  if ((a.kind === 'string' && isNumeric(b)) || (b.kind === 'string' && isNumeric(a))) return DOUBLE;
  const pair = (x: string, y: string): boolean => (a.kind === x && b.kind === y) || (a.kind === y && b.kind === x);
  if (pair('string', 'timestamp') || pair('date', 'timestamp')) return { kind: 'timestamp' };
  if (pair('string', 'date')) return { kind: 'date' };
  if (pair('string', 'boolean')) return BOOLEAN;
  return undefined;
}
