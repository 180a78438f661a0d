import { simpleString, type DataType } from '@caudal/core';
import { ConversionFailure } from '../malformed/conversion-failure.ts';
import { parseBooleanText, parseDoubleText, parseIntText, parseLongText } from './csv-number-text.ts';
import type { CsvConfig } from './csv-options.ts';

/** Turns one CSV field's text into the internal value of a type, or throws ConversionFailure. */
export type CsvConverter = (token: string | null) => unknown;

/**
 * A converter per column type (Spark's UnivocityParser.makeConverter): `nullValue` (default "") reads
 * as null for every type; numbers follow Java's parsing (`nanValue`, `positiveInf`, `negativeInf` for
 * doubles), booleans are true/false in any case, dates and timestamps go through the configured formats.
 */
export function csvConverter(type: DataType, config: CsvConfig): CsvConverter {
  const nullValue = config.nullValue;
  const fail = (v: string): never => {
    throw new ConversionFailure(v, type);
  };
  switch (type.kind) {
    case 'string':
      return (t) => (t === null || t === nullValue ? null : t);
    case 'int':
      return (t) => (t === null || t === nullValue ? null : parseIntText(t) ?? fail(t));
    case 'long':
      return (t) => (t === null || t === nullValue ? null : parseLongText(t) ?? fail(t));
    case 'double':
      return (t) => {
        if (t === null || t === nullValue) return null;
        if (t === config.nanValue) return Number.NaN;
        if (t === config.positiveInf) return Infinity;
        if (t === config.negativeInf) return -Infinity;
        return parseDoubleText(t) ?? fail(t);
      };
    case 'boolean':
      return (t) => (t === null || t === nullValue ? null : parseBooleanText(t) ?? fail(t));
    case 'timestamp':
      return (t) => (t === null || t === nullValue ? null : config.parseTimestamp(t) ?? fail(t));
    case 'date':
      return (t) => (t === null || t === nullValue ? null : config.parseDate(t) ?? fail(t));
    case 'binary':
      return (t) => (t === null || t === nullValue ? null : new TextEncoder().encode(t));
    default:
      throw new Error(`internal: CSV cannot read ${simpleString(type)}`);
  }
}

/** The scalar types CSV reads. */
export function csvSupports(t: DataType): boolean {
  switch (t.kind) {
    case 'string': case 'int': case 'long': case 'double': case 'boolean': case 'timestamp': case 'date': case 'binary':
      return true;
    default:
      return false;
  }
}
