import type { StructType } from '../types/schema.ts';

/**
 * One keyed state row: key columns and value columns in internal representation.
 *
 * @example
 * ```ts
 * import type { StateRow } from 'caudal';
 * // A running count per word: key columns [word], value columns [count] (internal values).
 * const row: StateRow = { key: ['spark'], value: [3] };
 * ```
 */
export interface StateRow {
  /** The grouping key's values. */
  readonly key: readonly unknown[];
  /** The state's values for the key. */
  readonly value: readonly unknown[];
}

/**
 * What one batch changed in an operator's state.
 *
 * @example
 * ```ts
 * import { InMemoryStateStoreProvider, LONG, STRING, StructType, type StateChanges } from 'caudal';
 * const id = { operatorId: 0, keySchema: new StructType().add('word', STRING), valueSchema: new StructType().add('count', LONG) };
 * const changes: StateChanges = { upserts: [{ key: ['spark'], value: [4] }], removals: [['flink']] };
 * await new InMemoryStateStoreProvider().commit(id, 1, changes);
 * ```
 */
export interface StateChanges {
  /** Rows added or changed. */
  readonly upserts: readonly StateRow[];
  /** Keys removed. */
  readonly removals: readonly (readonly unknown[])[];
}

/**
 * Identifies one stateful operator's store across restarts.
 *
 * @example
 * ```ts
 * import { LONG, STRING, StructType, type StateStoreId } from 'caudal';
 * const id: StateStoreId = {
 *   operatorId: 0, // state/0/ in the checkpoint
 *   keySchema: new StructType().add('word', STRING),
 *   valueSchema: new StructType().add('count', LONG),
 * };
 * ```
 */
export interface StateStoreId {
  /** The stateful operator's id (its position in the plan; `state/<id>/` in the checkpoint). */
  readonly operatorId: number;
  /** The key's columns. */
  readonly keySchema: StructType;
  /** The value's columns. */
  readonly valueSchema: StructType;
}

/**
 * Versioned keyed state. Version v holds the state after batch v-1 committed (version 0 is empty).
 * Stateful operators keep their working state columnar in memory; the store is where each batch's
 * changes become durable (`commit`), and where a restarted query rebuilds its state (`load`).
 *
 * Invariants (checked by the conformance suite every provider passes):
 * - `load(id, v)` returns exactly the rows of version v: those of v-1 with v's changes applied.
 * - `commit(id, v, changes)` makes version v available; committing an existing version again with the
 *   same changes is allowed (a replayed batch) and leaves the same rows.
 * - `abort` is implicit: changes not committed are never visible to `load`.
 *
 * @example
 * ```ts
 * import type { StateStoreId, StateStoreProvider } from 'caudal';
 * // What a stateful operator does on restart: rebuild its state from the last committed version.
 * async function restore(provider: StateStoreProvider, id: StateStoreId): Promise<Map<string, readonly unknown[]>> {
 *   const version = await provider.latestVersion(id.operatorId);
 *   const rows = await provider.load(id, version);
 *   return new Map(rows.map((r) => [JSON.stringify(r.key), r.value]));
 * }
 * ```
 */
export interface StateStoreProvider {
  /** The rows as of `version` (0 = empty). */
  load(id: StateStoreId, version: number): Promise<StateRow[]>;
  /** Stores `version` = the previous version plus `changes`. */
  commit(id: StateStoreId, version: number, changes: StateChanges): Promise<void>;
  /** Highest committed version of an operator (0 when none). */
  latestVersion(operatorId: number): Promise<number>;
}
