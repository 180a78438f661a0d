import type { DataType } from '../types/data-type.ts';

/**
 * Total order on non-null internal values of one type (Spark's ordering: NaN is larger than any number,
 * strings by code point, false < true, arrays and structs element by element).
 */
export function compareValues(type: DataType, a: unknown, b: unknown): number {
  switch (type.kind) {
    case 'int': case 'long': case 'double': case 'timestamp': case 'date': {
      const x = a as number;
      const y = b as number;
      if (x < y) return -1;
      if (x > y) return 1;
      if (x === y) return 0;
      return Number.isNaN(x) ? (Number.isNaN(y) ? 0 : 1) : -1;
    }
    case 'string':
      return compareStrings(a as string, b as string);
    case 'boolean':
      return (a ? 1 : 0) - (b ? 1 : 0);
    case 'binary': {
      const x = a as Uint8Array;
      const y = b as Uint8Array;
      const n = Math.min(x.length, y.length);
      for (let i = 0; i < n; i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
      return x.length - y.length;
    }
    case 'array': {
      const x = a as unknown[];
      const y = b as unknown[];
      const n = Math.min(x.length, y.length);
      for (let i = 0; i < n; i++) {
        const c = compareNullable(type.elementType, x[i], y[i]);
        if (c !== 0) return c;
      }
      return x.length - y.length;
    }
    case 'struct': {
      const x = a as unknown[];
      const y = b as unknown[];
      for (let i = 0; i < type.fields.length; i++) {
        const c = compareNullable(type.fields[i]!.dataType, x[i], y[i]);
        if (c !== 0) return c;
      }
      return 0;
    }
    case 'interval': {
      const x = a as { months: number; micros: number };
      const y = b as { months: number; micros: number };
      return x.months - y.months || x.micros - y.micros;
    }
    case 'map': case 'null':
      return 0;
  }
}

/**
 * Strings in code point order, as Spark compares their UTF-8 bytes. JS's `<` compares UTF-16 units, which
 * differs only where one string has a surrogate (a character above U+FFFF) and the other U+E000..U+FFFF.
 */
export function compareStrings(x: string, y: string): number {
  if (x === y) return 0;
  const n = Math.min(x.length, y.length);
  let i = 0;
  while (i < n && x.charCodeAt(i) === y.charCodeAt(i)) i++;
  if (i === n) return x.length < y.length ? -1 : 1;
  const a = x.charCodeAt(i);
  const b = y.charCodeAt(i);
  if (a >= 0xd800 && b >= 0xd800) {
    // Move surrogates (D800..DFFF) above E000..FFFF; other units keep their order.
    const ka = a < 0xe000 ? a + 0x2800 : a;
    const kb = b < 0xe000 ? b + 0x2800 : b;
    return ka < kb ? -1 : 1;
  }
  return a < b ? -1 : 1;
}

/** Nulls first. */
export function compareNullable(type: DataType, a: unknown, b: unknown): number {
  const an = a === null || a === undefined;
  const bn = b === null || b === undefined;
  if (an || bn) return an && bn ? 0 : an ? -1 : 1;
  return compareValues(type, a, b);
}

export function valuesEqual(type: DataType, a: unknown, b: unknown): boolean {
  if (type.kind === 'map') {
    const x = a as Map<unknown, unknown>;
    const y = b as Map<unknown, unknown>;
    return x.size === y.size && [...x].every(([k, v]) => y.has(k) && y.get(k) === v);
  }
  return compareValues(type, a, b) === 0;
}
