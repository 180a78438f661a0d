import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../checkpoint/atomic-file.ts';
import { decodeStateValue, stateValueJson } from './state-value-codec.ts';
import type { StateChanges, StateRow, StateStoreId, StateStoreProvider } from './state-store.ts';

/**
 * State that survives restarts, in the checkpoint: `state/<operatorId>/<version>.delta` holds one
 * batch's changes (a `v1` line, then JSON lines `{"put":[key,value]}` / `{"remove":key}`), and every
 * `snapshotInterval` versions `<version>.snapshot` holds every row. Loading version v reads the newest
 * snapshot at or below v and applies the deltas after it. Files are written atomically; a replayed
 * batch rewrites its delta with the same content.
 *
 * @example
 * ```ts
 * import { CheckpointedStateStoreProvider, StructType } from 'caudal';
 * const id = { operatorId: 0, keySchema: new StructType(), valueSchema: new StructType() };
 * const provider = new CheckpointedStateStoreProvider('/tmp/checkpoints/wordcount/state');
 * await provider.commit(id, 1, { upserts: [{ key: ['spark'], value: [3] }], removals: [] }); // writes state/0/1.delta
 * // After a restart, a new provider over the same folder reads it back:
 * await new CheckpointedStateStoreProvider('/tmp/checkpoints/wordcount/state').load(id, 1); // [{ key: ['spark'], value: [3] }]
 * ```
 */
export class CheckpointedStateStoreProvider implements StateStoreProvider {
  /** Latest committed rows per operator by `rowId`, kept to write snapshots without re-reading files. */
  private readonly current = new Map<number, { version: number; rows: Map<unknown, StateRow> }>();

  constructor(
    /** The checkpoint's `state` folder. */
    readonly stateDir: string,
    private readonly snapshotInterval = 10,
  ) {}

  /** The operator's rows as of `version` (the last snapshot plus the deltas after it). */
  async load(id: StateStoreId, version: number): Promise<StateRow[]> {
    const rows = this.readVersion(id.operatorId, version);
    this.current.set(id.operatorId, { version, rows });
    return [...rows.values()];
  }

  /** Writes `version` as a delta file (and a snapshot every few versions). */
  async commit(id: StateStoreId, version: number, changes: StateChanges): Promise<void> {
    const dir = this.operatorDir(id.operatorId);
    mkdirSync(dir, { recursive: true });
    let cur = this.current.get(id.operatorId);
    if (!cur || (cur.version !== version - 1 && cur.version !== version)) {
      cur = { version: version - 1, rows: this.readVersion(id.operatorId, version - 1) };
    }
    const lines = ['v1'];
    // The text of JSON.stringify({ remove: ... }) and JSON.stringify({ put: [...] }).
    for (const key of changes.removals) lines.push(`{"remove":${stateValueJson(key)}}`);
    for (const row of changes.upserts) lines.push(`{"put":[${stateValueJson(row.key)},${stateValueJson(row.value)}]}`);
    writeFileAtomic(join(dir, `${version}.delta`), lines.join('\n') + '\n');
    for (const key of changes.removals) cur.rows.delete(rowId(key));
    for (const row of changes.upserts) cur.rows.set(rowId(row.key), row);
    cur.version = version;
    this.current.set(id.operatorId, cur);
    if (version % this.snapshotInterval === 0) {
      const snap = ['v1', ...[...cur.rows.values()].map((r) => `[${stateValueJson(r.key)},${stateValueJson(r.value)}]`)];
      writeFileAtomic(join(dir, `${version}.snapshot`), snap.join('\n') + '\n');
    }
  }

  async latestVersion(operatorId: number): Promise<number> {
    const dir = this.operatorDir(operatorId);
    if (!existsSync(dir)) return 0;
    const versions = readdirSync(dir).map((n) => /^(\d+)\.(delta|snapshot)$/.exec(n)).filter((m) => m !== null).map((m) => Number(m[1]));
    return versions.length ? Math.max(...versions) : 0;
  }

  private operatorDir(operatorId: number): string {
    return join(this.stateDir, String(operatorId));
  }

  private readVersion(operatorId: number, version: number): Map<unknown, StateRow> {
    const rows = new Map<unknown, StateRow>();
    if (version <= 0) return rows;
    const dir = this.operatorDir(operatorId);
    const files = existsSync(dir) ? readdirSync(dir) : [];
    const snapshots = files.map((n) => /^(\d+)\.snapshot$/.exec(n)).filter((m) => m !== null).map((m) => Number(m[1])).filter((v) => v <= version);
    const base = snapshots.length ? Math.max(...snapshots) : 0;
    if (base > 0) {
      for (const line of readLines(join(dir, `${base}.snapshot`))) {
        const [k, v] = JSON.parse(line) as [unknown, unknown];
        const row = { key: decodeStateValue(k) as unknown[], value: decodeStateValue(v) as unknown[] };
        rows.set(rowId(row.key), row);
      }
    }
    for (let v = base + 1; v <= version; v++) {
      const path = join(dir, `${v}.delta`);
      if (!existsSync(path)) {
        throw new Error(`State of operator ${operatorId} cannot be loaded at version ${version}: ${path} is missing`);
      }
      for (const line of readLines(path)) {
        const entry = JSON.parse(line) as { put?: [unknown, unknown]; remove?: unknown };
        if (entry.remove !== undefined) rows.delete(rowId(decodeStateValue(entry.remove) as unknown[]));
        else if (entry.put) {
          const row = { key: decodeStateValue(entry.put[0]) as unknown[], value: decodeStateValue(entry.put[1]) as unknown[] };
          rows.set(rowId(row.key), row);
        }
      }
    }
    return rows;
  }
}

/**
 * What identifies a key among one operator's rows (its keys all have one schema): a one-column key of a
 * string, number, boolean or null is its value, which a Map compares as the key compares (-0 as 0, NaN as
 * NaN) and which, being the same string object from batch to batch, hashes once; any other key is its
 * JSON text (for the same reason never equal to a one-column string key of that operator).
 */
function rowId(key: readonly unknown[]): unknown {
  if (key.length === 1) {
    const v = key[0];
    if (v === null || v === undefined) return null;
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  }
  return stateValueJson(key);
}

function readLines(path: string): string[] {
  const lines = readFileSync(path, 'utf8').split('\n').filter((l) => l !== '');
  const header = lines.shift();
  if (header !== 'v1') throw new Error(`State file ${path} is not a v1 state file (first line '${header ?? ''}')`);
  return lines;
}
