import { StringDecoder } from 'node:string_decoder';

const NO_LINES: readonly string[] = [];

/**
 * Turns TCP chunks into UTF-8 lines: splits on `\n` and drops a `\r` before it (so CRLF works), keeping a
 * partial line, and a multi-byte character cut between chunks, until the rest arrives. Linear in the input
 * even for a line spread over many chunks: each chunk is scanned once.
 */
export class LineSplitter {
  private readonly decoder = new StringDecoder('utf8');
  private pending = '';

  /** The lines completed by this chunk, in order. */
  push(chunk: Buffer): readonly string[] {
    const text = this.decoder.write(chunk);
    let nl = text.indexOf('\n');
    if (nl < 0) {
      this.pending += text;
      return NO_LINES;
    }
    const lines = [stripCr(this.pending + text.slice(0, nl))];
    let from = nl + 1;
    while ((nl = text.indexOf('\n', from)) >= 0) {
      lines.push(stripCr(text.slice(from, nl)));
      from = nl + 1;
    }
    this.pending = text.slice(from);
    return lines;
  }

  /** At end of input: the last line if it had no newline (Java's readLine returns it too). */
  end(): readonly string[] {
    const rest = this.pending + this.decoder.end();
    this.pending = '';
    return rest === '' ? NO_LINES : [stripCr(rest)];
  }
}

function stripCr(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}
