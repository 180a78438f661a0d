import type { Table } from 'apache-arrow';
import type { ColumnBatch } from '../data/column-batch.ts';
import type { Row } from '../data/external-values.ts';
import type { DataFrame } from '../dataframe/dataframe.ts';
import type { Session } from '../session/session.ts';
import type { StructType } from '../types/schema.ts';
import type { OutputMode } from '../streaming/output-mode.ts';
import type { Options } from './options.ts';

/** One micro-batch's output as a sink receives it. */
export interface SinkBatch {
  readonly batchId: number;
  readonly schema: StructType;
  readonly batches: readonly ColumnBatch[];
  readonly numRows: number;
  /** A static DataFrame over this batch's rows (what foreachBatch hands to user code). */
  toDataFrame(): DataFrame;
  toArrow(): Table;
  /** Rows as plain objects (slow path: for user callbacks and display). */
  rows(): Row[];
}

/**
 * Where a streaming query's result goes.
 * Invariant: `addBatch` is idempotent per `batchId`: after a restart the engine may hand the same batch id
 * (with the same rows) again, and the sink must not apply it twice unless it documents at-least-once.
 */
export interface Sink {
  /** For progress reports, e.g. `MemorySink`, `ConsoleSinkProvider`. */
  readonly description: string;
  addBatch(batch: SinkBatch, outputMode: OutputMode): Promise<void>;
  /** Releases files, connections. Idempotent. */
  stop(): Promise<void>;
}

/** A user function for `writeStream.foreachBatch`. */
export type ForeachBatchFunction = (batchDf: DataFrame, batchId: number) => void | Promise<void>;

/** A user writer for `writeStream.foreach`: `open` once per batch, `process` per row, `close` at the end. */
export interface ForeachWriter {
  open?(partitionId: number, epochId: number): boolean | Promise<boolean>;
  process(row: Row): void | Promise<void>;
  close?(error: Error | null): void | Promise<void>;
}

/** What the engine hands a sink when a query starts. */
export interface SinkContext {
  readonly session: Session;
  readonly queryName: string | null;
  readonly schema: StructType;
  readonly outputMode: OutputMode;
  /** The query's checkpoint directory (a temporary one for sinks that do not require a location). */
  readonly checkpointDir: string;
  readonly foreachBatch?: ForeachBatchFunction;
  readonly foreachWriter?: ForeachWriter;
  /** `df.writeStream.partitionBy(...)` columns. */
  readonly partitionBy: readonly string[];
}

/**
 * A format that can be written to (`writeStream.format(name)`).
 * `createSink` validates options and must throw clear errors before any data is read.
 */
export interface SinkProvider {
  readonly format: string;
  /** Output modes this sink accepts; others fail at start() naming the sink and the mode. */
  readonly supportedOutputModes: readonly OutputMode[];
  /** Sinks whose output must survive restarts (file, Kafka) need a user-chosen checkpoint location. */
  readonly requiresCheckpointLocation: boolean;
  createSink(options: Options, ctx: SinkContext): Sink;
}
