import type { DataType, Vector } from '@caudal/core';
import { dateText, timestampText } from '../format/datetime-text.ts';
import { doubleText, integerText } from '../format/number-text.ts';
import { jsonString } from './json-string.ts';
import { jsonValueWriter, type JsonValueSettings } from './json-value.ts';
import type { Utf8Out } from './utf8-out.ts';

/** One column of a batch, bound for writing its rows' members. */
export interface BoundMember {
  /** Writes row `r`'s member, `,"name":value` (nothing for a null when nulls are left out). */
  write(r: number, out: Utf8Out): void;
  /** Whether row `r` (>= 1) has the same value as row `r - 1`, so the same member bytes. */
  same(r: number): boolean;
}

const utf8 = new TextEncoder();

/**
 * The writer of a column's members as Spark's JSON writer prints values (what jsonValueWriter writes),
 * straight into UTF-8 bytes: strings are escaped and encoded in one pass, numbers and booleans read
 * from the typed arrays.
 */
export function memberWriter(type: DataType, name: string, s: JsonValueSettings): (v: Vector) => BoundMember {
  const key = utf8.encode(`,${jsonString(name)}:`);
  const nullMember = s.ignoreNullFields ? null : utf8.encode(`,${jsonString(name)}:null`);
  switch (type.kind) {
    case 'string':
      return objects(key, nullMember, (x, out) => out.jsonString(x as string));
    case 'int': case 'long': return numbers(key, nullMember, (x) => integerText(x));
    case 'double': return numbers(key, nullMember, (x) => (Number.isFinite(x) ? doubleText(x) : `"${doubleText(x)}"`));
    case 'timestamp': return numbers(key, nullMember, (x) => `"${timestampText(x, s.zoneOffset)}"`);
    case 'date': return numbers(key, nullMember, (x) => `"${dateText(x)}"`);
    case 'boolean': {
      const yes = utf8.encode(',true').subarray(1);
      const no = utf8.encode(',false').subarray(1);
      return (v) => {
        const values = v.values as Uint8Array;
        const valid = v.kind === 'bool' ? v.valid : null;
        return {
          write(r, out) {
            if (valid !== null && valid[r] === 0) {
              if (nullMember !== null) out.bytes(nullMember);
              return;
            }
            out.bytes(key);
            out.bytes(values[r] === 1 ? yes : no);
          },
          same(r) {
            if (valid !== null) {
              if (valid[r] !== valid[r - 1]) return false;
              if (valid[r] === 0) return true;
            }
            return values[r] === values[r - 1];
          },
        };
      };
    }
    default: {
      const text = jsonValueWriter(type, s);
      return objects(key, nullMember, (x, out) => out.text(text(x)));
    }
  }
}

function objects(key: Uint8Array, nullMember: Uint8Array | null, value: (x: unknown, out: Utf8Out) => void): (v: Vector) => BoundMember {
  return (v) => {
    const values = v.values as readonly unknown[];
    return {
      write(r, out) {
        const x = values[r];
        if (x === null || x === undefined) {
          if (nullMember !== null) out.bytes(nullMember);
          return;
        }
        out.bytes(key);
        value(x, out);
      },
      same: (r) => (values[r] ?? null) === (values[r - 1] ?? null),
    };
  };
}

function numbers(key: Uint8Array, nullMember: Uint8Array | null, text: (x: number) => string): (v: Vector) => BoundMember {
  return (v) => {
    const values = v.values as Float64Array;
    const valid = v.kind === 'num' ? v.valid : null;
    return {
      write(r, out) {
        if (valid !== null && valid[r] === 0) {
          if (nullMember !== null) out.bytes(nullMember);
          return;
        }
        out.bytes(key);
        out.text(text(values[r]!));
      },
      same(r) {
        if (valid !== null) {
          if (valid[r] !== valid[r - 1]) return false;
          if (valid[r] === 0) return true;
        }
        // Object.is: -0 prints apart from 0, and NaN is the same as NaN.
        return Object.is(values[r], values[r - 1]);
      },
    };
  };
}
