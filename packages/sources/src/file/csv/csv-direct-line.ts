import type { DataType } from '@caudal/core';
import type { BatchBuilder } from '../columns/batch-builder.ts';
import { ConversionFailure } from '../malformed/conversion-failure.ts';
import type { CorruptRecordLayout } from '../malformed/corrupt-record-column.ts';
import type { CsvConverter } from './csv-converter.ts';
import type { CsvDirectLine } from './csv-line-records.ts';
import type { CsvConfig } from './csv-options.ts';

const STRING_FIELD = 0;
const INT_FIELD = 1;
const LONG_FIELD = 2;
const OTHER_FIELD = 3;

const INT_MIN = -2_147_483_648;
const INT_MAX = 2_147_483_647;

/**
 * parseCsvFile's reader of lines without quotes: it finds the fields between separators and converts
 * them in place (ints and longs from their digits, without a substring) straight into the columns of
 * `rows` (the corrupt-record column, if any, gets null). A line it cannot take whole (another number of
 * fields, a value that does not convert) is taken back out and left to the token path, which reports it
 * as before. Values equal what the converters give for the same tokens.
 */
export function directCsvLine(
  config: CsvConfig,
  layout: CorruptRecordLayout,
  converters: readonly CsvConverter[],
  rows: BatchBuilder,
): CsvDirectLine {
  const types: readonly DataType[] = layout.dataSchema.fields.map((f) => f.dataType);
  const width = types.length;
  const target = layout.dataIndices;
  const corrupt = layout.corruptIndex;
  const sep = config.sep;
  const sepLen = sep.length;
  const nullValue = config.nullValue;
  const nullLen = nullValue.length;
  const kinds = Uint8Array.from(types, (t) =>
    t.kind === 'string' ? STRING_FIELD : t.kind === 'int' ? INT_FIELD : t.kind === 'long' ? LONG_FIELD : OTHER_FIELD);
  // The first separator at or after the current field (Infinity when none is left); lines come in order.
  let nextSep = -1;
  return (text, start, end) => {
    const columns = rows.columns;
    let pos = start;
    try {
      for (let j = 0; j < width; j++) {
        if (nextSep < pos) {
          const i = text.indexOf(sep, pos);
          nextSep = i === -1 ? Infinity : i;
        }
        let fieldEnd: number;
        if (nextSep + sepLen <= end) {
          if (j === width - 1) return giveBack(rows);
          fieldEnd = nextSep;
        } else {
          if (j !== width - 1) return giveBack(rows);
          fieldEnd = end;
        }
        const column = columns[target[j]!]!;
        const len = fieldEnd - pos;
        // An unquoted empty field is null for every type, as is the nullValue text.
        if (len === 0 || (len === nullLen && text.startsWith(nullValue, pos))) column.appendNull();
        else {
          const kind = kinds[j]!;
          if (kind === STRING_FIELD) column.appendObject(text.slice(pos, fieldEnd));
          else {
            const n = kind === OTHER_FIELD ? undefined : integerAt(text, pos, fieldEnd, kind === INT_FIELD);
            if (n !== undefined) column.appendNumber(n);
            else column.append(converters[j]!(text.slice(pos, fieldEnd)));
          }
        }
        pos = fieldEnd + sepLen;
      }
    } catch (e) {
      if (e instanceof ConversionFailure) return giveBack(rows);
      throw e;
    }
    if (corrupt !== -1) columns[corrupt]!.appendNull();
    rows.endRow();
    return true;
  };
}

function giveBack(rows: BatchBuilder): false {
  rows.dropPartialRow();
  return false;
}

/**
 * An optional sign and 1 to 15 ASCII digits (exact as a double) within the int range when `int`;
 * undefined for anything else, which the converter then decides. `-0` is -0, as Number('-0').
 */
function integerAt(text: string, start: number, end: number, int: boolean): number | undefined {
  let i = start;
  const c = text.charCodeAt(i);
  const negative = c === 45;
  if (negative || c === 43) i++;
  const digits = end - i;
  if (digits < 1 || digits > 15) return undefined;
  let v = 0;
  for (; i < end; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return undefined;
    v = v * 10 + d;
  }
  if (negative) v = -v;
  if (int && (v < INT_MIN || v > INT_MAX)) return undefined;
  return v;
}
