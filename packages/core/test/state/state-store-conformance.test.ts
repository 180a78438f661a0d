import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  CheckpointedStateStoreProvider, InMemoryStateStoreProvider, StructType, type StateRow, type StateStoreId, type StateStoreProvider,
} from '@caudal/core';

const id: StateStoreId = { operatorId: 0, keySchema: new StructType([]), valueSchema: new StructType([]) };
const dirs: string[] = [];
afterEach(() => { for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true }); });

function sorted(rows: StateRow[]): StateRow[] {
  return [...rows].sort((a, b) => JSON.stringify(a.key).localeCompare(JSON.stringify(b.key)));
}

const providers: [string, () => StateStoreProvider][] = [
  ['in-memory', () => new InMemoryStateStoreProvider()],
  ['checkpointed', () => {
    const d = mkdtempSync(join(tmpdir(), 'caudal-state-'));
    dirs.push(d);
    return new CheckpointedStateStoreProvider(d, 3);
  }],
];

describe.each(providers)('StateStoreProvider conformance: %s', (_name, make) => {
  it('version 0 is empty and each commit applies its changes to the previous version', async () => {
    const p = make();
    expect(await p.load(id, 0)).toEqual([]);
    await p.commit(id, 1, { upserts: [{ key: ['a'], value: [[1]] }, { key: ['b'], value: [[2]] }], removals: [] });
    expect(sorted(await p.load(id, 1))).toEqual([{ key: ['a'], value: [[1]] }, { key: ['b'], value: [[2]] }]);
    await p.commit(id, 2, { upserts: [{ key: ['a'], value: [[5]] }], removals: [['b']] });
    expect(sorted(await p.load(id, 2))).toEqual([{ key: ['a'], value: [[5]] }]);
    expect(await p.latestVersion(0)).toBe(2);
  });

  it('a replayed commit of the same version leaves the same rows', async () => {
    const p = make();
    await p.commit(id, 1, { upserts: [{ key: [1], value: [[1]] }], removals: [] });
    await p.commit(id, 2, { upserts: [{ key: [2], value: [[2]] }], removals: [] });
    await p.commit(id, 2, { upserts: [{ key: [2], value: [[2]] }], removals: [] });
    expect(sorted(await p.load(id, 2))).toEqual([{ key: [1], value: [[1]] }, { key: [2], value: [[2]] }]);
  });

  it('keeps values JSON cannot hold: NaN, infinities, binary, maps, nested arrays, nulls', async () => {
    const p = make();
    const value = [[NaN, Infinity, -Infinity], [new Uint8Array([0, 255])], [new Map([['k', 1]])], [null, [1, [2]]]];
    await p.commit(id, 1, { upserts: [{ key: ['x', null], value }], removals: [] });
    expect(await p.load(id, 1)).toEqual([{ key: ['x', null], value }]);
  });
});

describe('CheckpointedStateStoreProvider files', () => {
  it('writes readable v1 deltas and a snapshot every interval, and rebuilds any version from them', async () => {
    const d = mkdtempSync(join(tmpdir(), 'caudal-state-'));
    dirs.push(d);
    const p = new CheckpointedStateStoreProvider(d, 2);
    await p.commit(id, 1, { upserts: [{ key: ['a'], value: [[1]] }], removals: [] });
    await p.commit(id, 2, { upserts: [{ key: ['b'], value: [[2]] }], removals: [] });
    await p.commit(id, 3, { upserts: [], removals: [['a']] });
    expect(readFileSync(join(d, '0', '1.delta'), 'utf8')).toBe('v1\n{"put":[["a"],[[1]]]}\n');
    expect(readFileSync(join(d, '0', '2.snapshot'), 'utf8')).toBe('v1\n[["a"],[[1]]]\n[["b"],[[2]]]\n');
    expect(readFileSync(join(d, '0', '3.delta'), 'utf8')).toBe('v1\n{"remove":["a"]}\n');
    const fresh = new CheckpointedStateStoreProvider(d, 2);
    expect(await fresh.load(id, 3)).toEqual([{ key: ['b'], value: [[2]] }]);
    expect(sorted(await fresh.load(id, 2))).toEqual([{ key: ['a'], value: [[1]] }, { key: ['b'], value: [[2]] }]);
    expect(await fresh.load(id, 1)).toEqual([{ key: ['a'], value: [[1]] }]);
  });
});
