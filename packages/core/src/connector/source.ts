import type { ColumnBatch } from '../data/column-batch.ts';
import type { StructType } from '../types/schema.ts';
import type { Clock } from '../streaming/clock.ts';
import type { Offset } from './offset.ts';
import type { Options } from './options.ts';

/**
 * How much a source may admit into one micro-batch. `all` ignores a source's own limits (Trigger.Once);
 * `default` applies the limits its options set (maxFilesPerTrigger, maxOffsetsPerTrigger, ...).
 *
 * @example
 * ```ts
 * import type { ReadLimit } from 'caudal';
 * // How a source with a per-batch cap (like maxFilesPerTrigger) honours the limit in latestOffset.
 * function nextEnd(start: number, available: number, limit: ReadLimit, maxPerTrigger: number): number {
 *   return limit.kind === 'all' ? available : Math.min(available, start + maxPerTrigger);
 * }
 * ```
 */
export type ReadLimit =
  | {
    /** No limit. */
    readonly kind: 'all';
  }
  | {
    /** The source's own limits. */
    readonly kind: 'default';
  };

/**
 * A replayable (or, for socket, best-effort) stream of rows, read in micro-batches.
 *
 * Invariants:
 * - `latestOffset` never moves backwards; with `ReadLimit.default` it respects the source's rate limits.
 * - `getBatch(start, end)` returns exactly the rows in (start, end]; calling it again with the same range
 *   returns the same rows (a batch replayed after a crash sees the same input). `start` is null for the
 *   first batch of a new query.
 * - `commit(end)` tells the source every row up to `end` is durable downstream; it may drop them.
 *
 * @example
 * ```ts
 * import { ColumnBatch, LONG, StructType, vectorFromValues, type Offset, type ReadLimit, type StreamSource } from 'caudal';
 * // The numbers 1..n; an offset is how many numbers have been produced.
 * class CounterSource implements StreamSource {
 *   readonly schema = new StructType().add('n', LONG);
 *   readonly description = 'CounterSource';
 *   constructor(private readonly n: number) {}
 *   async start(): Promise<void> {}
 *   initialOffset(): Offset { return 0; }
 *   async latestOffset(_start: Offset, _limit: ReadLimit): Promise<Offset> { return this.n; }
 *   async getBatch(start: Offset | null, end: Offset): Promise<ColumnBatch[]> {
 *     const from = Number(start ?? 0);
 *     const values = Array.from({ length: Number(end) - from }, (_, i) => from + i + 1);
 *     return [new ColumnBatch(this.schema, [vectorFromValues(LONG, values)], values.length)];
 *   }
 *   async commit(_end: Offset): Promise<void> {}
 *   async stop(): Promise<void> {}
 * }
 * ```
 */
export interface StreamSource {
  /** The rows' columns. */
  readonly schema: StructType;
  /** For progress reports, e.g. `RateStreamV2[rowsPerSecond=1, rampUpTimeSeconds=0, numPartitions=1]`. */
  readonly description: string;
  /** Opens connections, starts listening; resolves once the source can answer `latestOffset`. */
  start(): Promise<void>;
  /** The offset a new query starts from (before any row). */
  initialOffset(): Offset;
  /** The newest offset available now, bounded by `limit` counting from `start`. */
  latestOffset(start: Offset, limit: ReadLimit): Promise<Offset>;
  /**
   * The rows in (start, end]; the same range always gives the same rows. `start` is null for a new query's
   * first batch.
   */
  getBatch(start: Offset | null, end: Offset): Promise<ColumnBatch[]>;
  /** Every row up to `end` is durable downstream; the source may drop them. */
  commit(end: Offset): Promise<void>;
  /** Releases sockets, watchers, timers. Idempotent. */
  stop(): Promise<void>;
}

/**
 * A source that can serve `Trigger.AvailableNow`: it fixes what is available now so the query processes
 * exactly that (in as many batches as its limits need) and then stops.
 *
 * @example
 * ```ts
 * import type { Offset, ReadLimit, SupportsTriggerAvailableNow } from 'caudal';
 * // Part of a queue-backed source: once AvailableNow fixes the end, latestOffset never goes past it.
 * class QueueSource implements SupportsTriggerAvailableNow {
 *   private produced = 0;
 *   private stopAt: number | undefined;
 *   async prepareForTriggerAvailableNow(): Promise<void> { this.stopAt = this.produced; }
 *   async latestOffset(_start: Offset, _limit: ReadLimit): Promise<Offset> { return this.stopAt ?? this.produced; }
 * }
 * ```
 */
export interface SupportsTriggerAvailableNow {
  /** Fixes the end offset that `Trigger.AvailableNow` will stop at (what is available now). */
  prepareForTriggerAvailableNow(): Promise<void>;
}

/**
 * Whether the source can serve `Trigger.AvailableNow` by itself.
 *
 * @example
 * ```ts
 * import { supportsAvailableNow, type StreamSource } from 'caudal';
 * async function prepare(source: StreamSource): Promise<void> {
 *   if (supportsAvailableNow(source)) await source.prepareForTriggerAvailableNow();
 * }
 * ```
 */
export function supportsAvailableNow(s: StreamSource): s is StreamSource & SupportsTriggerAvailableNow {
  return typeof (s as Partial<SupportsTriggerAvailableNow>).prepareForTriggerAvailableNow === 'function';
}

/**
 * What the engine hands a source when a query starts.
 *
 * @example
 * ```ts
 * import type { SourceContext } from 'caudal';
 * // In a push source: wake an idle query when a line arrives, and stop retrying once the query stops.
 * function onLine(ctx: SourceContext, buffer: string[], line: string): void {
 *   buffer.push(line);
 *   ctx.notifyDataAvailable();
 * }
 * async function connectWithRetry(ctx: SourceContext, connect: () => Promise<void>): Promise<void> {
 *   while (!ctx.stopSignal.aborted) {
 *     try {
 *       return await connect();
 *     } catch {
 *       await ctx.clock.waitUntil(ctx.clock.now() + 1000, ctx.stopSignal);
 *     }
 *   }
 * }
 * ```
 */
export interface SourceContext {
  /** The session's clock (a ManualClock in tests). */
  readonly clock: Clock;
  /** A directory the source owns inside the checkpoint (`<checkpoint>/sources/<sourceId>`); it exists. */
  readonly metadataDir: string;
  /** Session setting lookup (`spark.sql.*` and `caudal.*` keys). */
  conf(key: string): string | undefined;
  /**
   * Push sources (socket, Kafka) call this when new rows arrive so an idle query starts its next batch
   * at once instead of at its next poll. Calling it when nothing waits is harmless.
   */
  notifyDataAvailable(): void;
  /** Aborted when the query stops: a source waiting (retrying a broker, polling) should give up then. */
  readonly stopSignal: AbortSignal;
}

/**
 * A static (bounded) read: `session.read.format(...).load()`.
 *
 * @example
 * ```ts
 * import { ColumnBatch, STRING, StructType, vectorFromValues, type BatchSource } from 'caudal';
 * const schema = new StructType().add('country', STRING);
 * const countries: BatchSource = {
 *   schema,
 *   read: async () => [new ColumnBatch(schema, [vectorFromValues(STRING, ['ES', 'PT', 'FR'])], 3)],
 * };
 * ```
 */
export interface BatchSource {
  /** The rows' columns. */
  readonly schema: StructType;
  /** Reads every row. */
  read(): Promise<ColumnBatch[]>;
}

/**
 * What `streamSchema` may consult besides the options: the session's settings (`spark.sql.streaming.schemaInference`).
 *
 * @example
 * ```ts
 * import { parseTableSchema, type Options, type SchemaContext, type StructType } from 'caudal';
 * // A provider's streamSchema: infer only when the session allows it, as Spark's file sources do.
 * function streamSchema(_options: Options, userSchema: StructType | undefined, ctx?: SchemaContext): StructType {
 *   if (userSchema !== undefined) return userSchema;
 *   if (ctx?.conf('spark.sql.streaming.schemaInference') !== 'true') {
 *     throw new Error('Schema must be specified when creating a streaming source DataFrame');
 *   }
 *   return parseTableSchema('value STRING'); // ... or whatever the data shows
 * }
 * ```
 */
export interface SchemaContext {
  /** A session setting, or undefined. */
  conf(key: string): string | undefined;
}

/**
 * A format that can be read (`session.readStream.format(name)` / `session.read.format(name)`).
 * `streamSchema` and `batchSchema` validate options and must not do I/O beyond what schema inference needs;
 * they run when the DataFrame is defined, so bad options fail before any query starts.
 *
 * @example
 * ```ts
 * import { ColumnBatch, LONG, StructType, registerSource, vectorFromValues, type SourceProvider } from 'caudal';
 * const schema = new StructType().add('n', LONG);
 * // readStream.format('numbers').option('upTo', 100): the numbers 1..upTo.
 * const numbers: SourceProvider = {
 *   format: 'numbers',
 *   streamSchema: (options) => {
 *     options.getInt('upTo', 10, 1); // validates: a bad value fails at load(), before any query starts
 *     return schema;
 *   },
 *   createStreamSource: (options) => {
 *     const upTo = options.getInt('upTo', 10, 1);
 *     return {
 *       schema,
 *       description: `Numbers[upTo=${upTo}]`,
 *       start: async () => {},
 *       initialOffset: () => 0,
 *       latestOffset: async () => upTo,
 *       getBatch: async (start, end) => {
 *         const from = Number(start ?? 0);
 *         const values = Array.from({ length: Number(end) - from }, (_, i) => from + i + 1);
 *         return [new ColumnBatch(schema, [vectorFromValues(LONG, values)], values.length)];
 *       },
 *       commit: async () => {},
 *       stop: async () => {},
 *     };
 *   },
 * };
 * registerSource(numbers);
 * const nums = spark.readStream.format('numbers').option('upTo', 100).load();
 * ```
 */
export interface SourceProvider {
  /** The name `readStream.format` / `read.format` take (case-insensitive), e.g. `rate`. */
  readonly format: string;
  /** `ctx` is given by `readStream.load()`; direct callers (tests) may leave it out. */
  streamSchema?(options: Options, userSchema: StructType | undefined, ctx?: SchemaContext): StructType;
  /** Creates the source of one streaming query run (opened later with `start()`). */
  createStreamSource?(options: Options, schema: StructType, ctx: SourceContext): StreamSource;
  /** The schema of a static read; validates the options. */
  batchSchema?(options: Options, userSchema: StructType | undefined): StructType;
  /** Creates a static read (`session.read...load()`). */
  createBatchSource?(options: Options, schema: StructType): BatchSource;
}
