/** One server-sent event. */
export interface SseEvent {
  readonly event: string;
  readonly data: unknown;
}

/**
 * Reads server-sent events from a real HTTP response (fetch), in order: `next()` resolves with the next
 * event, or null once the server has ended the stream.
 */
export class SseReader {
  private readonly reader: ReadableStreamDefaultReader<Uint8Array>;
  private readonly decoder = new TextDecoder();
  private buffer = '';

  constructor(response: Response) {
    if (!response.body) throw new Error('event stream response has no body');
    this.reader = response.body.getReader();
  }

  async next(): Promise<SseEvent | null> {
    for (;;) {
      const end = this.buffer.indexOf('\n\n');
      if (end >= 0) {
        const block = this.buffer.slice(0, end);
        this.buffer = this.buffer.slice(end + 2);
        const lines = block.split('\n').filter((l) => !l.startsWith(':'));
        if (lines.length === 0) continue;
        const event = lines.find((l) => l.startsWith('event: '))?.slice(7) ?? 'message';
        const data = lines.filter((l) => l.startsWith('data: ')).map((l) => l.slice(6)).join('\n');
        return { event, data: JSON.parse(data) };
      }
      const { done, value } = await this.reader.read();
      if (done) return null;
      this.buffer += this.decoder.decode(value, { stream: true });
    }
  }

  /** Reads events until one satisfies `pred`; fails if the stream ends first. */
  async until(pred: (e: SseEvent) => boolean): Promise<SseEvent> {
    for (;;) {
      const e = await this.next();
      if (e === null) throw new Error('the event stream ended before the expected event');
      if (pred(e)) return e;
    }
  }

  async cancel(): Promise<void> {
    await this.reader.cancel().catch(() => undefined);
  }
}
