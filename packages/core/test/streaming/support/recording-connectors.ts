import {
  ColumnBatch, STRING, StructType, vectorFromValues,
  type Offset, type OutputMode, type Sink, type SinkProvider, type SourceProvider, type StreamSource,
} from 'caudal';

/**
 * A test double of the engine's source seam: a stream of strings (`value`) that records every call
 * the engine makes, so a test can prove a query never opened or read its source.
 */
export class RecordingSourceProvider implements SourceProvider {
  readonly schema = new StructType().add('value', STRING);
  /** One entry per source the engine created, with the calls made on it in order (`start`, `latestOffset`, ...). */
  readonly instances: string[][] = [];
  private readonly lines: string[] = [];

  constructor(readonly format: string) {}

  add(...lines: string[]): void {
    this.lines.push(...lines);
  }

  /** Forgets the lines and the recorded sources (between tests). */
  reset(): void {
    this.lines.length = 0;
    this.instances.length = 0;
  }

  streamSchema(): StructType {
    return this.schema;
  }

  createStreamSource(): StreamSource {
    const calls: string[] = [];
    this.instances.push(calls);
    const provider = this;
    const record = (call: string): void => { calls.push(call); };
    return {
      schema: this.schema,
      description: `Recording[${this.format}]`,
      start: async () => record('start'),
      initialOffset: () => 0,
      latestOffset: async () => { record('latestOffset'); return provider.lines.length; },
      getBatch: async (start: Offset | null, end: Offset) => {
        record('getBatch');
        const slice = provider.lines.slice((start as number | null) ?? 0, end as number);
        return [new ColumnBatch(provider.schema, [vectorFromValues(STRING, slice)], slice.length)];
      },
      commit: async () => record('commit'),
      stop: async () => record('stop'),
    };
  }
}

/** A sink that only accepts append mode (optionally needing a checkpoint location); records each sink it creates. */
export class AppendOnlySinkProvider implements SinkProvider {
  readonly supportedOutputModes: readonly OutputMode[] = ['append'];
  readonly created: number[] = [];

  constructor(readonly format: string, readonly requiresCheckpointLocation = false) {}

  createSink(): Sink {
    this.created.push(this.created.length);
    return { description: `AppendOnly[${this.format}]`, addBatch: async () => {}, stop: async () => {} };
  }
}
