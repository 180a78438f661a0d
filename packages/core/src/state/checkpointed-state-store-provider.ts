import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodeKey } from '../aggregate/group-table.ts';
import { writeFileAtomic } from '../checkpoint/atomic-file.ts';
import { decodeStateValue, encodeStateValue } from './state-value-codec.ts';
import type { StateChanges, StateRow, StateStoreId, StateStoreProvider } from './state-store.ts';

/**
 * State that survives restarts, in the checkpoint: `state/<operatorId>/<version>.delta` holds one
 * batch's changes (a `v1` line, then JSON lines `{"put":[key,value]}` / `{"remove":key}`), and every
 * `snapshotInterval` versions `<version>.snapshot` holds every row. Loading version v reads the newest
 * snapshot at or below v and applies the deltas after it. Files are written atomically; a replayed
 * batch rewrites its delta with the same content.
 */
export class CheckpointedStateStoreProvider implements StateStoreProvider {
  /** Latest committed rows per operator, kept to write snapshots without re-reading files. */
  private readonly current = new Map<number, { version: number; rows: Map<string, StateRow> }>();

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
    for (const key of changes.removals) lines.push(JSON.stringify({ remove: encodeStateValue(key) }));
    for (const row of changes.upserts) lines.push(JSON.stringify({ put: [encodeStateValue(row.key), encodeStateValue(row.value)] }));
    writeFileAtomic(join(dir, `${version}.delta`), lines.join('\n') + '\n');
    for (const key of changes.removals) cur.rows.delete(encodeKey(key));
    for (const row of changes.upserts) cur.rows.set(encodeKey(row.key), row);
    cur.version = version;
    this.current.set(id.operatorId, cur);
    if (version % this.snapshotInterval === 0) {
      const snap = ['v1', ...[...cur.rows.values()].map((r) => JSON.stringify([encodeStateValue(r.key), encodeStateValue(r.value)]))];
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

  private readVersion(operatorId: number, version: number): Map<string, StateRow> {
    const rows = new Map<string, StateRow>();
    if (version <= 0) return rows;
    const dir = this.operatorDir(operatorId);
    const files = existsSync(dir) ? readdirSync(dir) : [];
    const snapshots = files.map((n) => /^(\d+)\.snapshot$/.exec(n)).filter((m) => m !== null).map((m) => Number(m[1])).filter((v) => v <= version);
    const base = snapshots.length ? Math.max(...snapshots) : 0;
    if (base > 0) {
      for (const line of readLines(join(dir, `${base}.snapshot`))) {
        const [k, v] = JSON.parse(line) as [unknown, unknown];
        const row = { key: decodeStateValue(k) as unknown[], value: decodeStateValue(v) as unknown[] };
        rows.set(encodeKey(row.key), row);
      }
    }
    for (let v = base + 1; v <= version; v++) {
      const path = join(dir, `${v}.delta`);
      if (!existsSync(path)) {
        throw new Error(`State of operator ${operatorId} cannot be loaded at version ${version}: ${path} is missing`);
      }
      for (const line of readLines(path)) {
        const entry = JSON.parse(line) as { put?: [unknown, unknown]; remove?: unknown };
        if (entry.remove !== undefined) rows.delete(encodeKey(decodeStateValue(entry.remove) as unknown[]));
        else if (entry.put) {
          const row = { key: decodeStateValue(entry.put[0]) as unknown[], value: decodeStateValue(entry.put[1]) as unknown[] };
          rows.set(encodeKey(row.key), row);
        }
      }
    }
    return rows;
  }
}

function readLines(path: string): string[] {
  const lines = readFileSync(path, 'utf8').split('\n').filter((l) => l !== '');
  const header = lines.shift();
  if (header !== 'v1') throw new Error(`State file ${path} is not a v1 state file (first line '${header ?? ''}')`);
  return lines;
}
