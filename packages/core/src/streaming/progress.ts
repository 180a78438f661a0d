import type { Offset } from '../connector/offset.ts';

/** One source's part of a progress report. */
export interface SourceProgress {
  readonly description: string;
  readonly startOffset: Offset | null;
  readonly endOffset: Offset | null;
  readonly latestOffset: Offset | null;
  readonly numInputRows: number;
  readonly inputRowsPerSecond: number;
  readonly processedRowsPerSecond: number;
  readonly metrics: Readonly<Record<string, string>>;
}

export interface SinkProgress {
  readonly description: string;
  readonly numOutputRows: number;
  readonly metrics: Readonly<Record<string, string>>;
}

export interface StateOperatorProgress {
  readonly operatorName: string;
  readonly numRowsTotal: number;
  readonly numRowsUpdated: number;
  readonly allUpdatesTimeMs: number;
  readonly numRowsRemoved: number;
  readonly allRemovalsTimeMs: number;
  readonly commitTimeMs: number;
  readonly memoryUsedBytes: number;
  readonly numRowsDroppedByWatermark: number;
  readonly numShufflePartitions: number;
  readonly numStateStoreInstances: number;
  readonly customMetrics: Readonly<Record<string, number>>;
}

export interface ProgressFields {
  readonly id: string;
  readonly runId: string;
  readonly name: string | null;
  readonly timestamp: string;
  readonly batchId: number;
  readonly batchDuration: number;
  readonly numInputRows: number;
  readonly inputRowsPerSecond: number;
  readonly processedRowsPerSecond: number;
  readonly durationMs: Readonly<Record<string, number>>;
  readonly eventTime: Readonly<Record<string, string>>;
  readonly stateOperators: readonly StateOperatorProgress[];
  readonly sources: readonly SourceProgress[];
  readonly sink: SinkProgress;
}

/**
 * A `StreamingQueryProgress`: Spark's field names and JSON shape (fields in Spark's order; NaN and
 * infinite numbers and empty maps omitted; map keys sorted), so tools written for Spark read it.
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

  get json(): string {
    return JSON.stringify(this.toJSON());
  }

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
