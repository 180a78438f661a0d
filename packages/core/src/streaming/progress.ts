import type { Offset } from '../connector/offset.ts';

/**
 * One source's part of a progress report.
 *
 * @example
 * ```ts
 * import type { SourceProgress } from 'caudal';
 * const lag = (s: SourceProgress) => `${s.description}: read ${s.numInputRows} rows up to ${JSON.stringify(s.endOffset)}, latest ${JSON.stringify(s.latestOffset)}`;
 * query.lastProgress?.sources.forEach((s) => console.log(lag(s)));
 * // PySpark: for s in query.lastProgress["sources"]: print(s["description"], s["endOffset"])
 * ```
 */
export interface SourceProgress {
  /** The source, e.g. `RateStreamV2[rowsPerSecond=1, ...]`. */
  readonly description: string;
  /** Where the batch started reading (null in a new query's first batch). */
  readonly startOffset: Offset | null;
  /** Where the batch stopped reading. */
  readonly endOffset: Offset | null;
  /** The newest offset the source had when the batch was planned. */
  readonly latestOffset: Offset | null;
  /** Rows the batch read from this source. */
  readonly numInputRows: number;
  /** Rows read per second since the previous trigger (NaN for the first). */
  readonly inputRowsPerSecond: number;
  /** Rows read per second of the batch's own execution time. */
  readonly processedRowsPerSecond: number;
  /** Source-specific metrics. */
  readonly metrics: Readonly<Record<string, string>>;
}

/**
 * The sink's part of a progress report.
 *
 * @example
 * ```ts
 * import type { SinkProgress } from 'caudal';
 * const sink: SinkProgress | undefined = query.lastProgress?.sink;
 * console.log(sink?.description, sink?.numOutputRows); // e.g. MemorySink 42
 * // PySpark: query.lastProgress["sink"]["numOutputRows"]
 * ```
 */
export interface SinkProgress {
  /** The sink, e.g. `MemorySink`. */
  readonly description: string;
  /** Rows the batch wrote (−1 when the sink cannot tell). */
  readonly numOutputRows: number;
  /** Sink-specific metrics. */
  readonly metrics: Readonly<Record<string, string>>;
}

/**
 * One stateful operator's part of a progress report.
 *
 * @example
 * ```ts
 * import type { StateOperatorProgress } from 'caudal';
 * const report = (op: StateOperatorProgress) =>
 *   `${op.operatorName}: ${op.numRowsTotal} rows in state, ${op.numRowsUpdated} updated, ${op.numRowsDroppedByWatermark} late rows dropped`;
 * query.lastProgress?.stateOperators.forEach((op) => console.log(report(op)));
 * // PySpark: query.lastProgress["stateOperators"][0]["numRowsTotal"]
 * ```
 */
export interface StateOperatorProgress {
  /** `stateStoreSave` (aggregation), `dedupe`, `symmetricHashJoin`. */
  readonly operatorName: string;
  /** Rows held in state after the batch. */
  readonly numRowsTotal: number;
  /** Rows the batch added or changed. */
  readonly numRowsUpdated: number;
  /** Time spent updating state, ms. */
  readonly allUpdatesTimeMs: number;
  /** Rows the batch evicted (behind the watermark). */
  readonly numRowsRemoved: number;
  /** Time spent evicting, ms. */
  readonly allRemovalsTimeMs: number;
  /** Time spent committing the state version, ms. */
  readonly commitTimeMs: number;
  /** Estimated memory held by the state. */
  readonly memoryUsedBytes: number;
  /** Input rows dropped as late (older than the watermark). */
  readonly numRowsDroppedByWatermark: number;
  /** Spark's shuffle partitions (always 1 here: one process). */
  readonly numShufflePartitions: number;
  /** State store instances (always 1 here). */
  readonly numStateStoreInstances: number;
  /** Provider-specific metrics. */
  readonly customMetrics: Readonly<Record<string, number>>;
}

/**
 * The fields of a progress report (see StreamingQueryProgress).
 *
 * @example
 * ```ts
 * import { StreamingQueryProgress, type ProgressFields } from 'caudal';
 * // A report rebuilt from fields (e.g. one stored earlier) prints the same JSON as the original.
 * const last = query.lastProgress;
 * if (last !== null) {
 *   const fields: ProgressFields = { ...last };
 *   console.log(new StreamingQueryProgress(fields).json === last.json); // true
 * }
 * ```
 */
export interface ProgressFields {
  /** The query id (stable across restarts). */
  readonly id: string;
  /** This run's id. */
  readonly runId: string;
  /** The query name, or null. */
  readonly name: string | null;
  /** When the trigger started (ISO-8601, UTC, milliseconds). */
  readonly timestamp: string;
  /** The batch's id. */
  readonly batchId: number;
  /** The whole trigger's duration, ms. */
  readonly batchDuration: number;
  /** Rows read from all sources. */
  readonly numInputRows: number;
  /** Rows read per second since the previous trigger (NaN for the first). */
  readonly inputRowsPerSecond: number;
  /** Rows read per second of the trigger's execution time. */
  readonly processedRowsPerSecond: number;
  /**
   * Time per phase, ms: `latestOffset`, `walCommit`, `getBatch`, `queryPlanning`, `addBatch`,
   * `commitOffsets`, `triggerExecution` (the whole).
   */
  readonly durationMs: Readonly<Record<string, number>>;
  /**
   * With a watermark: `watermark` (the batch's) and the batch's `min`, `max`, `avg` event times (ISO-8601).
   */
  readonly eventTime: Readonly<Record<string, string>>;
  /** One entry per stateful operator. */
  readonly stateOperators: readonly StateOperatorProgress[];
  /** One entry per source. */
  readonly sources: readonly SourceProgress[];
  /** The sink's part. */
  readonly sink: SinkProgress;
}

/**
 * A `StreamingQueryProgress`: Spark's field names and JSON shape (fields in Spark's order; NaN and
 * infinite numbers and empty maps omitted; map keys sorted), so tools written for Spark read it.
 *
 * @example
 * ```ts
 * import type { StreamingQueryProgress } from 'caudal';
 * const progress: StreamingQueryProgress | null = query.lastProgress;
 * if (progress !== null) {
 *   console.log(`batch ${progress.batchId}: ${progress.numInputRows} rows, ${progress.processedRowsPerSecond} rows/s`);
 *   console.log(progress.prettyJson); // the same JSON as Spark's
 * }
 * // PySpark: print(query.lastProgress)
 * ```
 */
export class StreamingQueryProgress implements ProgressFields {
  readonly id!: string;
  readonly runId!: string;
  readonly name!: string | null;
  readonly timestamp!: string;
  readonly batchId!: number;
  readonly batchDuration!: number;
  readonly numInputRows!: number;
  readonly inputRowsPerSecond!: number;
  readonly processedRowsPerSecond!: number;
  readonly durationMs!: Readonly<Record<string, number>>;
  readonly eventTime!: Readonly<Record<string, string>>;
  readonly stateOperators!: readonly StateOperatorProgress[];
  readonly sources!: readonly SourceProgress[];
  readonly sink!: SinkProgress;

  constructor(fields: ProgressFields) {
    Object.assign(this, fields);
  }

  /** The plain object `json` serializes (what PySpark's `lastProgress` dict holds). */
  toJSON(): Record<string, unknown> {
    return cleanObject({
      id: this.id,
      runId: this.runId,
      name: this.name,
      timestamp: this.timestamp,
      batchId: this.batchId,
      batchDuration: this.batchDuration,
      numInputRows: this.numInputRows,
      inputRowsPerSecond: this.inputRowsPerSecond,
      processedRowsPerSecond: this.processedRowsPerSecond,
      durationMs: sortedMap(this.durationMs),
      eventTime: sortedMap(this.eventTime),
      stateOperators: this.stateOperators.map((s) => cleanObject({ ...s, customMetrics: sortedMap(s.customMetrics) })),
      sources: this.sources.map((s) => cleanObject({ ...s, metrics: sortedMap(s.metrics) })),
      sink: cleanObject({ ...this.sink, metrics: sortedMap(this.sink.metrics) }),
    }, true);
  }

  /** The report as compact JSON (Spark's `progress.json`). */
  get json(): string {
    return JSON.stringify(this.toJSON());
  }

  /** The report as indented JSON (Spark's `progress.prettyJson`). */
  get prettyJson(): string {
    return JSON.stringify(this.toJSON(), null, 2);
  }
}

function sortedMap<V>(m: Readonly<Record<string, V>>): Record<string, V> | undefined {
  const keys = Object.keys(m).sort();
  if (keys.length === 0) return undefined;
  const out: Record<string, V> = {};
  for (const k of keys) out[k] = m[k]!;
  return out;
}

/** Drops NaN/Infinity numbers and undefined (empty maps), as Spark's progress JSON does. */
function cleanObject(o: Record<string, unknown>, keepEmptyTopMaps = false): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) {
    if (v === undefined) {
      if (keepEmptyTopMaps && (k === 'metrics')) out[k] = {};
      continue;
    }
    if (typeof v === 'number' && !Number.isFinite(v)) continue;
    out[k] = v;
  }
  return out;
}
