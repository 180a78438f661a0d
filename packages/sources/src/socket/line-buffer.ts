/**
 * Received lines not yet committed, addressed by offset: the first line ever received is offset 0, so the
 * newest offset is `received - 1` (-1 before any line), as in Spark's socket source. Parallel arrays of
 * strings and receive times (microseconds; kept only when asked for), no per-line objects. Committed lines
 * are dropped in amortised O(1) by moving a head index and compacting now and then.
 */
export class LineBuffer {
  private lines: string[] = [];
  private micros: number[] = [];
  private head = 0;
  /** Offset of the last committed line. */
  private committed = -1;

  constructor(private readonly keepTimes: boolean) {}

  /** The newest offset received. */
  get latest(): number {
    return this.committed + this.lines.length - this.head;
  }

  /** The oldest offset still held is `lastCommitted + 1`. */
  get lastCommitted(): number {
    return this.committed;
  }

  append(lines: readonly string[], receivedMicros: number): void {
    for (const line of lines) this.lines.push(line);
    if (this.keepTimes) for (let i = 0; i < lines.length; i++) this.micros.push(receivedMicros);
  }

  /** Lines in (start, end], with their receive times when kept; the caller checks the range is held. */
  slice(start: number, end: number): { lines: string[]; micros: Float64Array } {
    const from = this.head + (start - this.committed);
    const n = end - start;
    const micros = new Float64Array(this.keepTimes ? n : 0);
    for (let i = 0; i < micros.length; i++) micros[i] = this.micros[from + i]!;
    return { lines: this.lines.slice(from, from + n), micros };
  }

  /** Drops lines up to and including `end` (at most `latest`). */
  commit(end: number): void {
    this.head += end - this.committed;
    this.committed = end;
    if (this.head >= 1024 && this.head * 2 >= this.lines.length) {
      this.lines = this.lines.slice(this.head);
      if (this.keepTimes) this.micros = this.micros.slice(this.head);
      this.head = 0;
    }
  }
}
