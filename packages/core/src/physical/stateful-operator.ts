import type { PhysicalOperator } from './physical-operator.ts';

/** Metrics a stateful operator reports in progress (`stateOperators[]`). */
export interface StateOperatorMetrics {
  readonly operatorName: string;
  readonly numRowsTotal: number;
  readonly numRowsUpdated: number;
  readonly numRowsRemoved: number;
  readonly numRowsDroppedByWatermark: number;
  readonly memoryUsedBytes: number;
  readonly commitTimeMs: number;
}

/**
 * An operator with state across micro-batches. After the sink has taken batch N the engine calls
 * `commitState(N + 1)`; if the batch failed it calls `abortState()` so the state is as before batch N.
 */
export interface StatefulOperator extends PhysicalOperator {
  readonly operatorId: number;
  restoreState(version: number): Promise<void>;
  commitState(version: number): Promise<void>;
  abortState(): void;
  metrics(): StateOperatorMetrics;
  /** Whether a batch at this watermark (and processing time) would emit or evict state (then a no-data batch runs). */
  hasWorkAt?(watermarkMs: number, nowMs?: number): boolean;
  /** Processing-time timeouts can fire without new data or watermark movement: check at every trigger. */
  readonly checksEveryTrigger?: boolean;
}

export function isStateful(op: PhysicalOperator): op is StatefulOperator {
  return typeof (op as Partial<StatefulOperator>).commitState === 'function';
}
