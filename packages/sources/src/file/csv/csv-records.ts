import { parse, type CastingContext, type Options as CsvParseOptions } from 'csv-parse/sync';
import { isBlank } from '../content/split-lines.ts';
import { baseCsvParseOptions, lineRecords, type CsvDirectLine } from './csv-line-records.ts';
import type { CsvConfig } from './csv-options.ts';

export type CsvToken = string | null;

/**
 * Receives each CSV record in order: its fields (null when csv-parse rejected it, with `error` saying
 * why), its text and the 1-based line it starts on. An unquoted empty field is a null token when
 * `nullValue` is not empty, as Univocity reports it to Spark.
 */
export type CsvRecordVisitor = (tokens: CsvToken[] | null, raw: string, line: number, error: string | undefined) => void;

/**
 * The records of one file. Without `multiLine` a record is one line, as Spark reads CSV line by line (a
 * quote never spans lines); blank lines and comment lines are skipped; `direct` may read lines without
 * quotes itself (csv-line-records.ts). With `multiLine` quoted values may hold line breaks and csv-parse
 * reads the whole file at once.
 */
export function forEachCsvRecord(text: string, config: CsvConfig, visit: CsvRecordVisitor, direct?: CsvDirectLine): void {
  if (config.multiLine) multiLineRecords(text, config, visit);
  else lineRecords(text, config, visit, direct);
}

/**
 * With `multiLine` csv-parse reads the whole file (as UTF-8 bytes, so its byte counts locate each
 * record). A record's text runs from the end of the previous one to its own end, without the blank and
 * comment lines csv-parse skipped before it and without its line separator.
 */
function multiLineRecords(text: string, config: CsvConfig, visit: CsvRecordVisitor): void {
  const lineSep = config.common.lineSep;
  const buf = Buffer.from(text, 'utf8');
  const lineStarts = lineStartOffsets(buf, lineSep);
  let prevEnd = 0;
  let visitorError: unknown;
  const region = (end: number): { raw: string; line: number } => {
    let start = prevEnd;
    prevEnd = end;
    // Skip what csv-parse skipped before the record: blank lines and comment lines.
    for (;;) {
      const { contentEnd, next } = nextLineEnd(buf, start, end, lineSep);
      if (next >= end) break;
      const content = buf.toString('utf8', start, contentEnd);
      if (!isBlank(content) && (config.comment === undefined || !content.startsWith(config.comment))) break;
      start = next;
    }
    let stop = end;
    const tail = buf.toString('utf8', Math.max(start, end - 2), end);
    const sep = lineSep ?? (tail.endsWith('\r\n') ? '\r\n' : tail.endsWith('\n') ? '\n' : tail.endsWith('\r') ? '\r' : '');
    if (sep !== '' && tail.endsWith(sep)) stop -= Buffer.byteLength(sep);
    return { raw: buf.toString('utf8', start, Math.max(start, stop)), line: lineOf(lineStarts, start) };
  };
  // `on_skip` is in csv-parse 5.6 but not in its type declarations.
  const options: CsvParseOptions & { on_skip: (err: (Error & { code?: string; bytes?: number }) | undefined) => void } = {
    ...baseCsvParseOptions(config),
    record_delimiter: lineSep ?? ['\r\n', '\n', '\r'],
    skip_empty_lines: true,
    ...(config.comment !== undefined ? { comment: config.comment, comment_no_infix: true } : {}),
    skip_records_with_error: true,
    on_record: (record: CsvToken[], ctx: CastingContext) => {
      const { raw, line } = region((ctx as CastingContext & { bytes: number }).bytes);
      try {
        if (!isBlank(raw)) visit(record, raw, line, undefined);
      } catch (e) {
        visitorError = e;
        throw e;
      }
      return null;
    },
    on_skip: (err) => {
      // An unclosed quote runs to the end of the file.
      const end = err?.code === 'CSV_QUOTE_NOT_CLOSED' ? buf.length : Math.max(prevEnd, err?.bytes ?? buf.length);
      const { raw, line } = region(end);
      visit(null, raw, line, err?.message ?? 'malformed CSV record');
    },
  };
  try {
    parse(buf, options);
  } catch (e) {
    // csv-parse passes on what the visitor threw (a FAILFAST error) wrapped or not; rethrow the original.
    throw visitorError ?? e;
  }
}

/** Byte offsets where lines start. */
function lineStartOffsets(buf: Buffer, lineSep: string | undefined): number[] {
  const starts = [0];
  let pos = 0;
  while (pos < buf.length) {
    const e = nextLineEnd(buf, pos, buf.length, lineSep);
    if (e.next >= buf.length) break;
    starts.push(e.next);
    pos = e.next;
  }
  return starts;
}

/** The end of the line starting at `pos` (before its separator) and where the next line starts. */
function nextLineEnd(buf: Buffer, pos: number, limit: number, lineSep: string | undefined): { contentEnd: number; next: number } {
  if (lineSep !== undefined) {
    const i = buf.indexOf(lineSep, pos, 'utf8');
    if (i === -1 || i >= limit) return { contentEnd: limit, next: limit };
    return { contentEnd: i, next: i + Buffer.byteLength(lineSep) };
  }
  for (let i = pos; i < limit; i++) {
    const c = buf[i];
    if (c === 10) return { contentEnd: i, next: i + 1 };
    if (c === 13) return { contentEnd: i, next: buf[i + 1] === 10 ? i + 2 : i + 1 };
  }
  return { contentEnd: limit, next: limit };
}

/** 1-based line number of a byte offset. */
function lineOf(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}
