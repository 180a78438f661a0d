import { AnalysisError } from '../analyzer/analysis-error.ts';
import type { Row } from '../data/external-values.ts';
import { parseTableSchema } from '../expr/parser/parse-table-schema.ts';
import type { GroupState, GroupStateTimeout } from '../state/group-state.ts';
import { StructType } from '../types/schema.ts';
import type { DataFrame } from './dataframe.ts';

const TIMEOUTS: readonly GroupStateTimeout[] = ['NoTimeout', 'ProcessingTimeTimeout', 'EventTimeTimeout'];

/**
 * `df.groupByKey(row => key)`: rows grouped by a key computed in user code, for arbitrary state per key
 * across batches (Spark's KeyValueGroupedDataset; the general form of the DStream `updateStateByKey`).
 *
 * @example
 * ```ts
 * import type { GroupState, Row } from 'caudal';
 * // Running click count per user, kept in state across micro-batches.
 * const totals = events
 *   .groupByKey((row: Row) => String(row.user))
 *   .mapGroupsWithState(
 *     (user: string, rows: readonly Row[], state: GroupState<number>) => {
 *       const total = (state.getOption() ?? 0) + rows.length;
 *       state.update(total);
 *       return { user, clicks: total };
 *     },
 *     'NoTimeout',
 *     'user STRING, clicks BIGINT',
 *   );
 * await totals.writeStream.outputMode('update').format('console').start();
 * ```
 */
export class KeyValueGroupedDataFrame<K> {
  /** @internal */
  constructor(private readonly df: DataFrame, private readonly keyFn: (row: Row) => K) {}

  /**
   * Calls `fn(key, rows, state)` for each key with rows in a batch (and for keys whose timeout fired),
   * producing exactly one output row per call. Update output mode only, as in Spark.
   * `outputSchema` is a StructType or DDL string (`'user STRING, clicks BIGINT'`).
   */
  mapGroupsWithState<S>(
    fn: (key: K, rows: readonly Row[], state: GroupState<S>) => Row,
    timeout: GroupStateTimeout,
    outputSchema: StructType | string,
  ): DataFrame {
    return this.build<S>(true, 'update', timeout, (k: K, rows: readonly Row[], s: GroupState<S>) => [fn(k, rows, s)], outputSchema);
  }

  /**
   * Like mapGroupsWithState, but each call returns any number of rows. With `outputMode` 'append' the
   * function must emit only final rows; with 'update' rows may be updated later.
   */
  flatMapGroupsWithState<S>(
    outputMode: 'append' | 'update',
    timeout: GroupStateTimeout,
    fn: (key: K, rows: readonly Row[], state: GroupState<S>) => Iterable<Row>,
    outputSchema: StructType | string,
  ): DataFrame {
    return this.build(false, outputMode, timeout, fn, outputSchema);
  }

  private build<S>(
    isMapGroups: boolean,
    functionOutputMode: string,
    timeout: GroupStateTimeout,
    fn: (key: K, rows: readonly Row[], state: GroupState<S>) => Iterable<Row>,
    outputSchema: StructType | string,
  ): DataFrame {
    if (!TIMEOUTS.includes(timeout)) {
      throw new AnalysisError(`Unknown GroupStateTimeout '${String(timeout)}'. Use one of ${TIMEOUTS.join(', ')}`);
    }
    const mode = functionOutputMode.toLowerCase();
    if (mode !== 'append' && mode !== 'update') {
      throw new AnalysisError(`The output mode of flatMapGroupsWithState must be 'append' or 'update', not '${functionOutputMode}'`);
    }
    const schema = typeof outputSchema === 'string' ? parseTableSchema(outputSchema) : outputSchema;
    const child = this.df.plan;
    return this.df.withPlan({
      kind: 'flatMapGroupsWithState',
      child,
      keyFn: this.keyFn as (row: Row) => unknown,
      fn: fn as (key: unknown, rows: readonly Row[], state: GroupState<unknown>) => Iterable<Row>,
      functionOutputMode: mode,
      timeout,
      isMapGroups,
      schema,
      streaming: child.streaming,
    });
  }
}
