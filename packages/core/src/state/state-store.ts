import type { StructType } from '../types/schema.ts';

/** One keyed state row: key columns and value columns in internal representation. */
export interface StateRow {
  /** The grouping key's values. */
  readonly key: readonly unknown[];
  /** The state's values for the key. */
  readonly value: readonly unknown[];
}

/** What one batch changed in an operator's state. */
export interface StateChanges {
  /** Rows added or changed. */
  readonly upserts: readonly StateRow[];
  /** Keys removed. */
  readonly removals: readonly (readonly unknown[])[];
}

/** Identifies one stateful operator's store across restarts. */
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
 */
export interface StateStoreProvider {
  /** The rows as of `version` (0 = empty). */
  load(id: StateStoreId, version: number): Promise<StateRow[]>;
  /** Stores `version` = the previous version plus `changes`. */
  commit(id: StateStoreId, version: number, changes: StateChanges): Promise<void>;
  /** Highest committed version of an operator (0 when none). */
  latestVersion(operatorId: number): Promise<number>;
}
