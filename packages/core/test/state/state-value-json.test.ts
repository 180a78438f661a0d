import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CheckpointedStateStoreProvider, StructType, type StateStoreId } from '@caudal/core';
import { encodeStateValue, stateValueJson } from '../../src/state/state-value-codec.ts';

const dirs: string[] = [];
afterEach(() => { for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true }); });

const VALUES: unknown[] = [
  null, undefined, '', 'a"\\\n\u2028é😀', 0, -0, 1.5, 1e21, -1e-7, 2 ** 53 + 2, 0.1 + 0.2, NaN, Infinity, -Infinity, true, false,
  [], [1, [2, [3]]], [undefined, null], [NaN, 'x'], new Uint8Array([1, 2]), new Map([['k', 1]]), new Date(5), { a: 1, b: [NaN] },
  [[5]], ['word'], [-0, [-0]], [new Map([[1, [Infinity]]])],
];

describe('state values as JSON text', () => {
  it('is the text of JSON.stringify(encodeStateValue(v)) for every kind of value', () => {
    for (const v of VALUES) expect(stateValueJson(v)).toBe(JSON.stringify(encodeStateValue(v)));
  });

  it('keys that differ only by type, sign of zero or encoding stay apart or together as before', async () => {
    const d = mkdtempSync(join(tmpdir(), 'caudal-state-json-'));
    dirs.push(d);
    const id: StateStoreId = { operatorId: 0, keySchema: new StructType([]), valueSchema: new StructType([]) };
    const p = new CheckpointedStateStoreProvider(d, 2);
    await p.commit(id, 1, { upserts: [{ key: ['1'], value: [[1]] }, { key: [1], value: [[2]] }, { key: [-0], value: [[3]] }, { key: [NaN], value: [[4]] }], removals: [] });
    // -0 and 0 are one key; NaN is kept as {"$f":"NaN"}.
    await p.commit(id, 2, { upserts: [{ key: [0], value: [[5]] }], removals: [[NaN]] });
    expect(readFileSync(join(d, '0', '1.delta'), 'utf8')).toBe('v1\n{"put":[["1"],[[1]]]}\n{"put":[[1],[[2]]]}\n{"put":[[0],[[3]]]}\n{"put":[[{"$f":"NaN"}],[[4]]]}\n');
    expect(readFileSync(join(d, '0', '2.snapshot'), 'utf8')).toBe('v1\n[["1"],[[1]]]\n[[1],[[2]]]\n[[0],[[5]]]\n');
    expect(await new CheckpointedStateStoreProvider(d, 2).load(id, 2)).toEqual([
      { key: ['1'], value: [[1]] }, { key: [1], value: [[2]] }, { key: [0], value: [[5]] },
    ]);
  });
});
