import { AnalysisError } from '../analyzer/analysis-error.ts';
import { durationMs } from '../types/interval.ts';

/**
 * When micro-batches run.
 *
 * @example
 * ```ts
 * import { parseTrigger, type Trigger } from 'caudal';
 * const trigger: Trigger = parseTrigger({ processingTime: '10 seconds' }); // { kind: 'processingTime', intervalMs: 10000 }
 * if (trigger.kind === 'processingTime') console.log(`a batch every ${trigger.intervalMs} ms`);
 * ```
 */
export type Trigger =
  /** As soon as the previous batch is done and new data is there (Spark's default, ProcessingTime(0)). */
  | {
    /** The trigger's kind. */
    readonly kind: 'default';
  }
  /** Batches start on multiples of the interval since the epoch. */
  | {
    /** The trigger's kind. */
    readonly kind: 'processingTime';
    /** The interval, ms. */
    readonly intervalMs: number;
  }
  /** One batch with everything available (rate limits ignored), then stop. */
  | {
    /** The trigger's kind. */
    readonly kind: 'once';
  }
  /** Everything available at start, in as many batches as the rate limits need, then stop. */
  | {
    /** The trigger's kind. */
    readonly kind: 'availableNow';
  };

/**
 * PySpark's keyword form: `trigger({ processingTime: '1 second' })`, `{ once: true }`, `{ availableNow: true }`.
 *
 * @example
 * ```ts
 * import type { TriggerOptions } from 'caudal';
 * const every10s: TriggerOptions = { processingTime: '10 seconds' };
 * await counts.writeStream.outputMode('complete').format('console').trigger(every10s).start();
 * await df.writeStream.format('parquet').option('path', 'out').option('checkpointLocation', 'chk').trigger({ availableNow: true }).start();
 * // PySpark: counts.writeStream.trigger(processingTime="10 seconds") ... / .trigger(availableNow=True)
 * ```
 */
export interface TriggerOptions {
  /** Start a batch every interval (`'1 second'`, `'500 milliseconds'`, or ms). */
  readonly processingTime?: string | number;
  /** Process what is available in one batch, then stop. */
  readonly once?: boolean;
  /** Process what is available now, in as many batches as the sources' limits need, then stop. */
  readonly availableNow?: boolean;
}

/**
 * The trigger the options describe; throws for none or more than one, or a bad interval.
 *
 * @example
 * ```ts
 * import { parseTrigger } from 'caudal';
 * parseTrigger({ once: true }); // { kind: 'once' }
 * parseTrigger({ processingTime: 0 }); // { kind: 'default' }
 * parseTrigger({ once: true, availableNow: true }); // throws AnalysisError: Multiple triggers not allowed: got once, availableNow
 * ```
 */
export function parseTrigger(opts: TriggerOptions): Trigger {
  const given = (['processingTime', 'once', 'availableNow'] as const).filter((k) => opts[k] !== undefined);
  if (given.length === 0) throw new AnalysisError('No trigger provided: pass one of processingTime, once, availableNow');
  if (given.length > 1) throw new AnalysisError(`Multiple triggers not allowed: got ${given.join(', ')}`);
  if (opts.once !== undefined) {
    if (opts.once !== true) throw new AnalysisError(`Value for once must be true. Got: ${String(opts.once)}`);
    return { kind: 'once' };
  }
  if (opts.availableNow !== undefined) {
    if (opts.availableNow !== true) throw new AnalysisError(`Value for availableNow must be true. Got: ${String(opts.availableNow)}`);
    return { kind: 'availableNow' };
  }
  const pt = opts.processingTime!;
  let ms: number;
  if (typeof pt === 'number') ms = pt;
  else {
    if (pt.trim() === '') throw new AnalysisError(`Value for processingTime must be a non empty string. Got: '${pt}'`);
    try {
      ms = durationMs(pt, 'processingTime trigger interval');
    } catch (e) {
      throw new AnalysisError((e as Error).message);
    }
  }
  if (!Number.isFinite(ms) || ms < 0) throw new AnalysisError(`The interval of trigger should not be negative, got ${String(pt)}`);
  return ms === 0 ? { kind: 'default' } : { kind: 'processingTime', intervalMs: ms };
}
