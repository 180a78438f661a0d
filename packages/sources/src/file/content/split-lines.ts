const ANY_LINE_END = /\r\n|\n|\r/;

/**
 * A text's lines, without their separators. By default a line ends at `\n`, `\r\n` or `\r` (Hadoop's
 * line reader); `lineSep` names one exact separator instead. A final separator does not start an
 * extra empty line, and an empty text has no lines. Line `i` (0-based) is line `i + 1` in messages.
 */
export function splitLines(text: string, lineSep: string | undefined): string[] {
  if (text.length === 0) return [];
  const lines = text.split(lineSep ?? ANY_LINE_END);
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** Whether a line holds only whitespace: JSON and CSV readers skip such lines. */
export function isBlank(line: string): boolean {
  return line.trim().length === 0;
}
