import type { Offset } from '../connector/offset.ts';
import type { ReadLimit, SourceProvider, StreamSource, SupportsTriggerAvailableNow } from '../connector/source.ts';
import { ColumnBatch } from '../data/column-batch.ts';
import { toInternal } from '../data/external-values.ts';
import { vectorFromValues } from '../data/vector.ts';
import { DataFrame } from '../dataframe/dataframe.ts';
import type { Session } from '../session/session.ts';
import type { StructType } from '../types/schema.ts';
import { Options } from '../connector/options.ts';

/**
 * An in-memory stream for tests and examples (Spark's MemoryStream): `addData(rows)` appends one batch
 * of input; offsets count the added batches, so a replayed range gives the same rows.
 *
 * @example
 * ```ts
 * import { MemoryStream, STRING, StructType } from 'caudal';
 * const stream = new MemoryStream(spark, new StructType().add('word', STRING));
 * const query = await stream.toDF().groupBy('word').count().writeStream.format('memory').queryName('counts').outputMode('complete').start();
 * stream.addData([{ word: 'a' }, { word: 'b' }, { word: 'a' }]);
 * await query.processAllAvailable();
 * await spark.table('counts').show();
 * ```
 */
export class MemoryStream {
  private readonly added: ColumnBatch[] = [];
  private readonly waiters = new Set<() => void>();
  /** When set, one micro-batch takes at most this many added batches (admission control). */
  maxBatchesPerTrigger: number | undefined;

  constructor(
    private readonly session: Session,
    /** The rows' columns. */
    readonly schema: StructType,
  ) {}

  /** Appends rows (objects by column name, or arrays); returns the offset they end at. */
  addData(rows: readonly (Record<string, unknown> | readonly unknown[])[]): number {
    const columns = this.schema.fields.map((f, c) =>
      vectorFromValues(f.dataType, rows.map((r, i) =>
        toInternal(f.dataType, Array.isArray(r) ? (r as readonly unknown[])[c] : (r as Record<string, unknown>)[f.name], `MemoryStream row ${i}, column ${f.name}`))));
    this.added.push(new ColumnBatch(this.schema, columns, rows.length));
    for (const w of this.waiters) w();
    return this.added.length;
  }

  /** A streaming DataFrame reading this stream. */
  toDF(): DataFrame {
    const stream = this;
    const provider: SourceProvider = {
      format: 'memory-stream',
      streamSchema: () => stream.schema,
      createStreamSource: (_o, _s, ctx) => {
        const notify = (): void => ctx.notifyDataAvailable();
        return new MemoryStreamSource(stream, notify);
      },
    };
    return new DataFrame(this.session, { kind: 'streamingRelation', format: 'memory-stream', options: new Options(), provider, schema: this.schema, streaming: true });
  }

  /** @internal */
  batchesBetween(start: number, end: number): ColumnBatch[] {
    return this.added.slice(start, end);
  }

  /** @internal */
  get size(): number {
    return this.added.length;
  }

  /** @internal */
  watch(fn: () => void): () => void {
    this.waiters.add(fn);
    return () => this.waiters.delete(fn);
  }
}

class MemoryStreamSource implements StreamSource, SupportsTriggerAvailableNow {
  readonly description = 'MemoryStream';
  readonly schema: StructType;
  private unwatch: (() => void) | null = null;
  private availableNowEnd: number | null = null;

  constructor(private readonly stream: MemoryStream, private readonly notify: () => void) {
    this.schema = stream.schema;
  }

  async start(): Promise<void> {
    this.unwatch = this.stream.watch(this.notify);
  }

  initialOffset(): Offset {
    return 0;
  }

  async latestOffset(start: Offset, limit: ReadLimit): Promise<Offset> {
    const end = this.availableNowEnd ?? this.stream.size;
    const max = this.stream.maxBatchesPerTrigger;
    return limit.kind === 'default' && max !== undefined ? Math.min(end, (start as number) + max) : end;
  }

  async getBatch(start: Offset | null, end: Offset): Promise<ColumnBatch[]> {
    return this.stream.batchesBetween((start as number | null) ?? 0, end as number);
  }

  async commit(_end: Offset): Promise<void> {}

  async prepareForTriggerAvailableNow(): Promise<void> {
    this.availableNowEnd = this.stream.size;
  }

  async stop(): Promise<void> {
    this.unwatch?.();
    this.unwatch = null;
  }
}
