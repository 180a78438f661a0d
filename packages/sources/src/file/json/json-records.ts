import { isBlank, splitLines } from '../content/split-lines.ts';

/** One JSON record's text and the 1-based line it starts on. */
export interface JsonRecord {
  readonly text: string;
  readonly line: number;
}

/**
 * The records of a file: each non-blank line (JSON Lines), or with `multiLine` the whole file as one
 * document (none if the file is blank).
 */
export function jsonRecords(text: string, multiLine: boolean, lineSep: string | undefined): JsonRecord[] {
  if (multiLine) return isBlank(text) ? [] : [{ text, line: 1 }];
  const out: JsonRecord[] = [];
  const lines = splitLines(text, lineSep);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!isBlank(line)) out.push({ text: line, line: i + 1 });
  }
  return out;
}

/** The outcome of JSON.parse on a record: the value, or the error with the line it points at. */
export type ParsedRecord = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly reason: string; readonly line: number };

export function parseRecord(record: JsonRecord): ParsedRecord {
  try {
    return { ok: true, value: JSON.parse(record.text) };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    // V8 quotes the text near the error, which may span lines in a multi-line document.
    const reason = message.replace(/\r\n|\n|\r/g, '\\n');
    return { ok: false, reason, line: record.line + linesBefore(record.text, positionIn(message)) };
  }
}

/** How messages name a top-level JSON value that is not an object. */
export function describeRoot(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'string' ? 'a string' : typeof value === 'number' ? 'a number' : typeof value === 'boolean' ? 'a boolean' : 'an object';
}

/** V8 names the offending offset (`... in JSON at position 42`); multi-line documents report its line. */
function positionIn(message: string): number {
  const m = / at position (\d+)/.exec(message);
  return m ? Number(m[1]) : 0;
}

function linesBefore(text: string, pos: number): number {
  let n = 0;
  for (let i = 0; i < pos && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) n++;
    else if (c === 13 && text.charCodeAt(i + 1) !== 10) n++;
  }
  return n;
}
