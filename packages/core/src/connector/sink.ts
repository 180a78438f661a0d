import type { Table } from 'apache-arrow';
import type { ColumnBatch } from '../data/column-batch.ts';
import type { Row } from '../data/external-values.ts';
import type { DataFrame } from '../dataframe/dataframe.ts';
import type { Session } from '../session/session.ts';
import type { StructType } from '../types/schema.ts';
import type { OutputMode } from '../streaming/output-mode.ts';
import type { Options } from './options.ts';

/**
 * One micro-batch's output as a sink receives it.
 *
 * @example
 * ```ts
 * import type { SinkBatch } from 'caudal';
 * async function describe(batch: SinkBatch): Promise<void> {
 *   console.log(`batch ${batch.batchId}: ${batch.numRows} rows of ${batch.schema.simpleString()}`);
 *   console.log(batch.rows().slice(0, 3)); // plain objects
 *   await batch.toDataFrame().groupBy('word').count().show(); // a static DataFrame
 * }
 * ```
 */
export interface SinkBatch {
  /** The micro-batch's id (the same id again after a restart means the same rows). */
  readonly batchId: number;
  /** The query's output columns. */
  readonly schema: StructType;
  /** The batch's rows, columnar. */
  readonly batches: readonly ColumnBatch[];
  /** Rows in the batch. */
  readonly numRows: number;
  /** A static DataFrame over this batch's rows (what foreachBatch hands to user code). */
  toDataFrame(): DataFrame;
  /** The batch's rows as an Apache Arrow table. */
  toArrow(): Table;
  /** Rows as plain objects (slow path: for user callbacks and display). */
  rows(): Row[];
}

/**
 * Where a streaming query's result goes.
 * Invariant: `addBatch` is idempotent per `batchId`: after a restart the engine may hand the same batch id
 * (with the same rows) again, and the sink must not apply it twice unless it documents at-least-once.
 *
 * @example
 * ```ts
 * import { appendFile } from 'node:fs/promises';
 * import type { OutputMode, Sink, SinkBatch } from 'caudal';
 * // Appends each batch's rows as JSON lines, skipping batch ids it has already written.
 * class JsonLinesSink implements Sink {
 *   readonly description = 'JsonLinesSink';
 *   private lastBatchId = -1;
 *   constructor(private readonly file: string) {}
 *   async addBatch(batch: SinkBatch, _mode: OutputMode): Promise<void> {
 *     if (batch.batchId <= this.lastBatchId) return;
 *     await appendFile(this.file, batch.rows().map((r) => `${JSON.stringify(r)}\n`).join(''));
 *     this.lastBatchId = batch.batchId;
 *   }
 *   async stop(): Promise<void> {}
 * }
 * ```
 */
export interface Sink {
  /** For progress reports, e.g. `MemorySink`, `ConsoleSinkProvider`. */
  readonly description: string;
  /** Writes one micro-batch in the query's output mode; idempotent per `batch.batchId`. */
  addBatch(batch: SinkBatch, outputMode: OutputMode): Promise<void>;
  /** Releases files, connections. Idempotent. */
  stop(): Promise<void>;
}

/**
 * A user function for `writeStream.foreachBatch`.
 *
 * @example
 * ```ts
 * import type { ForeachBatchFunction } from 'caudal';
 * const saveBatch: ForeachBatchFunction = async (batchDf, batchId) => {
 *   const large = await batchDf.where('amount > 100').count();
 *   console.log(`batch ${batchId}: ${large} large orders`);
 * };
 * await df.writeStream.foreachBatch(saveBatch).start();
 * // PySpark: df.writeStream.foreachBatch(save_batch).start()
 * ```
 */
export type ForeachBatchFunction = (batchDf: DataFrame, batchId: number) => void | Promise<void>;

/**
 * A user writer for `writeStream.foreach`: `open` once per batch, `process` per row, `close` at the end.
 *
 * @example
 * ```ts
 * import type { ForeachWriter } from 'caudal';
 * const writer: ForeachWriter = {
 *   open: (partitionId, epochId) => {
 *     console.log(`open partition ${partitionId}, epoch ${epochId}`);
 *     return true;
 *   },
 *   process: (row) => console.log(row),
 *   close: (error) => {
 *     if (error) console.error(error);
 *   },
 * };
 * await df.writeStream.foreach(writer).start();
 * // PySpark: df.writeStream.foreach(RowPrinter()).start()  # a class with open, process, close
 * ```
 */
export interface ForeachWriter {
  /** Called before a batch's rows; return false to skip the batch's rows (they were written before). */
  open?(partitionId: number, epochId: number): boolean | Promise<boolean>;
  /** Called for every row of the batch, in order. */
  process(row: Row): void | Promise<void>;
  /** Called after the batch (with the error that stopped it, or null). */
  close?(error: Error | null): void | Promise<void>;
}

/**
 * What the engine hands a sink when a query starts.
 *
 * @example
 * ```ts
 * import { join } from 'node:path';
 * import type { Options, Sink, SinkContext } from 'caudal';
 * // A provider's createSink: what the query tells the sink when it starts.
 * function createSink(options: Options, ctx: SinkContext): Sink {
 *   if (ctx.partitionBy.length > 0) throw new Error('partitionBy is not supported by this sink');
 *   const dir = options.getString('path', join(ctx.checkpointDir, 'output'));
 *   console.log(`${ctx.queryName ?? 'query'} writes ${ctx.schema.simpleString()} in ${ctx.outputMode} mode to ${dir}`);
 *   return { description: `MySink[${dir}]`, addBatch: async () => {}, stop: async () => {} };
 * }
 * ```
 */
export interface SinkContext {
  /** The session the query runs in. */
  readonly session: Session;
  /** `writeStream.queryName`, or null. */
  readonly queryName: string | null;
  /** The query's output columns. */
  readonly schema: StructType;
  /** The query's output mode. */
  readonly outputMode: OutputMode;
  /** The query's checkpoint directory (a temporary one for sinks that do not require a location). */
  readonly checkpointDir: string;
  /** The function given to `writeStream.foreachBatch`. */
  readonly foreachBatch?: ForeachBatchFunction;
  /** The writer given to `writeStream.foreach`. */
  readonly foreachWriter?: ForeachWriter;
  /** `df.writeStream.partitionBy(...)` columns. */
  readonly partitionBy: readonly string[];
}

/**
 * A format that can be written to (`writeStream.format(name)`).
 * `createSink` validates options and must throw clear errors before any data is read.
 *
 * @example
 * ```ts
 * import { appendFileSync } from 'node:fs';
 * import { OptionError, registerSink, type SinkProvider } from 'caudal';
 * // writeStream.format('jsonlines').option('path', 'out.jsonl'): at-least-once (a replayed batch is written again).
 * const jsonLines: SinkProvider = {
 *   format: 'jsonlines',
 *   supportedOutputModes: ['append'],
 *   requiresCheckpointLocation: false,
 *   createSink: (options) => {
 *     const path = options.get('path');
 *     if (path === undefined) throw new OptionError("'path' is not specified");
 *     return {
 *       description: `JsonLines[${path}]`,
 *       addBatch: async (batch) => appendFileSync(path, batch.rows().map((r) => `${JSON.stringify(r)}\n`).join('')),
 *       stop: async () => {},
 *     };
 *   },
 * };
 * registerSink(jsonLines);
 * await df.writeStream.format('jsonlines').option('path', 'out.jsonl').start();
 * ```
 */
export interface SinkProvider {
  /** The name `writeStream.format` takes (case-insensitive), e.g. `console`. */
  readonly format: string;
  /** Output modes this sink accepts; others fail at start() naming the sink and the mode. */
  readonly supportedOutputModes: readonly OutputMode[];
  /** Sinks whose output must survive restarts (file, Kafka) need a user-chosen checkpoint location. */
  readonly requiresCheckpointLocation: boolean;
  /** Validates the options (throwing OptionError) and creates the sink of one query run. */
  createSink(options: Options, ctx: SinkContext): Sink;
}
