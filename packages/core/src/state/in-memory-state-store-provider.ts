import { encodeKey } from '../aggregate/group-table.ts';
import type { StateChanges, StateRow, StateStoreId, StateStoreProvider } from './state-store.ts';

/**
 * Keeps every operator's latest committed version in memory. State does not survive the process:
 * the query's state starts empty on restart (the checkpointed provider is for recovery).
 * Only the newest version is retained; loading an older one fails rather than return wrong rows.
 *
 * @example
 * ```ts
 * import { InMemoryStateStoreProvider, StructType } from 'caudal';
 * const id = { operatorId: 0, keySchema: new StructType(), valueSchema: new StructType() };
 * const provider = new InMemoryStateStoreProvider();
 * await provider.commit(id, 1, { upserts: [{ key: ['a'], value: [1] }], removals: [] });
 * await provider.load(id, 1); // [{ key: ['a'], value: [1] }]
 * ```
 */
export class InMemoryStateStoreProvider implements StateStoreProvider {
  private readonly stores = new Map<number, { version: number; rows: Map<string, StateRow> }>();

  /** The operator's rows as of `version` (only the latest version is kept). */
  async load(id: StateStoreId, version: number): Promise<StateRow[]> {
    const s = this.stores.get(id.operatorId);
    if (version === 0) return [];
    if (!s || s.version !== version) {
      throw new Error(`State of operator ${id.operatorId} at version ${version} is not available in memory (latest: ${s?.version ?? 0})`);
    }
    return [...s.rows.values()];
  }

  /** Applies `changes` as `version`. */
  async commit(id: StateStoreId, version: number, changes: StateChanges): Promise<void> {
    let s = this.stores.get(id.operatorId);
    if (!s) {
      s = { version: 0, rows: new Map() };
      this.stores.set(id.operatorId, s);
    }
    if (version !== s.version + 1 && version !== s.version) {
      throw new Error(`State of operator ${id.operatorId}: cannot commit version ${version} after version ${s.version}`);
    }
    for (const key of changes.removals) s.rows.delete(encodeKey(key));
    for (const row of changes.upserts) s.rows.set(encodeKey(row.key), row);
    s.version = version;
  }

  async latestVersion(operatorId: number): Promise<number> {
    return this.stores.get(operatorId)?.version ?? 0;
  }
}
