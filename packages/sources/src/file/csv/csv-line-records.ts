import { parse, type CastingContext, type Options as CsvParseOptions } from 'csv-parse/sync';
import { isBlank } from '../content/split-lines.ts';
import type { CsvConfig } from './csv-options.ts';
import type { CsvRecordVisitor, CsvToken } from './csv-records.ts';

/**
 * Reads one line that holds no quote character straight from the file's text (`start`..`end`, without
 * its separator); returns false to have it split into tokens and passed to the visitor instead.
 */
export type CsvDirectLine = (text: string, start: number, end: number, line: number) => boolean;

/**
 * Records read line by line (no `multiLine`), as Spark reads CSV: a quote never spans lines; blank lines
 * and comment lines are skipped. Lines are found by scanning the text (the line ends of `splitLines`). A
 * line without the quote character needs no CSV parser: escapes act only inside quotes, so its fields are
 * the text between separators (what csv-parse returns for it); it goes to `direct` if given, else it is
 * split. Lines with a quote, and every line when values are trimmed, go to csv-parse in runs.
 */
export function lineRecords(text: string, config: CsvConfig, visit: CsvRecordVisitor, direct?: CsvDirectLine): void {
  const n = text.length;
  const lineSep = config.common.lineSep;
  const sep = config.sep;
  const comment = config.comment;
  const emptyIsNull = config.nullValue !== '';
  // A separator holding a line-break character is left to csv-parse as well.
  const plain = !config.ignoreLeadingWhiteSpace && !config.ignoreTrailingWhiteSpace && !/[\r\n]/.test(sep);
  const quote = config.quote;
  const run = new CsvParseRun(config);
  // Next positions at or after the current line start (n when there is none), searched again only once passed.
  let nextQuote = quote === '' ? Infinity : -1;
  let nl = -1;
  let cr = -1;
  let start = 0;
  let lineNo = 0;
  while (start < n) {
    let end: number;
    let next: number;
    if (lineSep !== undefined) {
      end = indexOrEnd(text, lineSep, start);
      next = end + lineSep.length;
    } else {
      if (nl < start) nl = indexOrEnd(text, '\n', start);
      if (cr < start) cr = indexOrEnd(text, '\r', start);
      if (nl <= cr) {
        end = nl;
        next = nl + 1;
      } else {
        end = cr;
        next = cr + 1 < n && text.charCodeAt(cr + 1) === 10 ? cr + 2 : cr + 1;
      }
    }
    lineNo++;
    const lineStart = start;
    start = next;
    const c = text.charCodeAt(lineStart);
    // Printable ASCII first: not blank, without building the line.
    if (lineStart === end || !(c > 32 && c < 127)) {
      if (isBlank(text.slice(lineStart, end))) continue;
    }
    if (comment !== undefined && text.startsWith(comment, lineStart)) continue;
    if (nextQuote < lineStart) nextQuote = indexOrEnd(text, quote, lineStart);
    if (nextQuote < end || !plain) {
      run.add(text.slice(lineStart, end), lineNo);
      continue;
    }
    run.flush(visit);
    if (direct !== undefined && direct(text, lineStart, end, lineNo)) continue;
    const line = text.slice(lineStart, end);
    const tokens: CsvToken[] = line.split(sep);
    // An unquoted empty field is null unless it reads as null anyway (see baseCsvParseOptions).
    if (emptyIsNull) for (let i = 0; i < tokens.length; i++) if (tokens[i] === '') tokens[i] = null;
    visit(tokens, line, lineNo, undefined);
  }
  run.flush(visit);
}

function indexOrEnd(text: string, search: string, from: number): number {
  const i = text.indexOf(search, from);
  return i === -1 ? text.length : i;
}

export function baseCsvParseOptions(config: CsvConfig): CsvParseOptions {
  return {
    delimiter: config.sep,
    quote: config.quote === '' ? false : config.quote,
    escape: config.escape === '' ? null : config.escape,
    // Univocity (Spark's parser) is lenient about stray quotes and ragged rows; the reader checks field counts.
    relax_quotes: true,
    relax_column_count: true,
    ltrim: config.ignoreLeadingWhiteSpace,
    rtrim: config.ignoreTrailingWhiteSpace,
    // Spark reads an unquoted empty field as null whatever `nullValue` is, and a quoted one as "".
    // With the default nullValue "" both read as null anyway, so the per-field callback is skipped.
    ...(config.nullValue === '' ? {} : { cast: (value: string, ctx: CastingContext) => (value === '' && !ctx.quoting ? null : value) }),
  };
}

/**
 * Consecutive lines for csv-parse. Each line is one record: one csv-parse call reads the run joined
 * with `\n`; if a quote swallowed a line break (fewer records than lines) or the call fails, each line
 * is parsed on its own, which isolates the bad one.
 */
class CsvParseRun {
  private lines: string[] = [];
  private lineNos: number[] = [];
  private options: CsvParseOptions | undefined;

  constructor(private readonly config: CsvConfig) {}

  add(line: string, lineNo: number): void {
    this.lines.push(line);
    this.lineNos.push(lineNo);
  }

  flush(visit: CsvRecordVisitor): void {
    if (this.lines.length === 0) return;
    const kept = this.lines;
    const keptLine = this.lineNos;
    this.lines = [];
    this.lineNos = [];
    const options = (this.options ??= baseCsvParseOptions(this.config));
    const lineSep = this.config.common.lineSep;
    if (lineSep === undefined || kept.every((k) => !/[\r\n]/.test(k))) {
      let records: CsvToken[][] | undefined;
      try {
        records = parse(kept.length === 1 ? kept[0]! : kept.join('\n'), { ...options, record_delimiter: '\n' }) as CsvToken[][];
      } catch {
        // fall through to line-by-line parsing, which isolates the bad line
      }
      if (records !== undefined && records.length === kept.length) {
        for (let i = 0; i < kept.length; i++) visit(records[i]!, kept[i]!, keptLine[i]!, undefined);
        return;
      }
    }
    const single = { ...options, record_delimiter: lineSep ?? '\n' };
    for (let i = 0; i < kept.length; i++) {
      const line = kept[i]!;
      let records: CsvToken[][] | undefined;
      let error = 'the line holds more than one record';
      try {
        records = parse(line, single) as CsvToken[][];
      } catch (e) {
        error = e instanceof Error ? e.message : String(e);
      }
      if (records !== undefined && records.length === 1) visit(records[0]!, line, keptLine[i]!, undefined);
      else visit(null, line, keptLine[i]!, error);
    }
  }
}
