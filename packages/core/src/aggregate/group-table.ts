import { valueAt, vectorFromValues, type Vector } from '../data/vector.ts';
import type { DataType } from '../types/data-type.ts';

/**
 * Maps grouping keys to dense slots (0, 1, 2, ...), a batch at a time. One numeric or string key uses a
 * Map on the raw value; several keys use an encoded composite key. Freed slots are reused.
 * Key values are kept per column so results can be emitted without re-reading the input.
 */
export class GroupTable {
  private readonly index = new Map<unknown, number>();
  private nullSlot = -1;
  private readonly keyColumns: unknown[][];
  private readonly free: number[] = [];
  private slotCount = 0;
  private readonly single: boolean;

  constructor(readonly keyTypes: readonly DataType[]) {
    this.keyColumns = keyTypes.map(() => []);
    this.single = keyTypes.length === 1 && isMapKeyable(keyTypes[0]!);
  }

  /** Number of slots ever handed out (live and free); accumulators size themselves to this. */
  get capacity(): number {
    return this.slotCount;
  }

  get size(): number {
    return this.index.size + (this.nullSlot >= 0 ? 1 : 0);
  }

  /** Slot of each row's key, inserting new keys. `inserted` receives slots created by this call. */
  findOrInsert(keys: readonly Vector[], n: number, inserted?: number[]): Int32Array {
    const slots = new Int32Array(n);
    if (this.keyTypes.length === 0) {
      if (this.nullSlot < 0) { this.nullSlot = this.allocate([]); inserted?.push(this.nullSlot); }
      slots.fill(this.nullSlot);
      return slots;
    }
    if (this.single) {
      const k = keys[0]!;
      const index = this.index;
      if (k.kind === 'num' && k.valid === null) {
        const v = k.values;
        for (let i = 0; i < n; i++) {
          const key = v[i]!;
          let s = index.get(key);
          if (s === undefined) {
            s = this.allocate([key]);
            index.set(key, s);
            inserted?.push(s);
          }
          slots[i] = s;
        }
        return slots;
      }
      for (let i = 0; i < n; i++) {
        const key = valueAt(k, i);
        if (key === null) {
          if (this.nullSlot < 0) { this.nullSlot = this.allocate([null]); inserted?.push(this.nullSlot); }
          slots[i] = this.nullSlot;
          continue;
        }
        let s = index.get(key);
        if (s === undefined) {
          s = this.allocate([key]);
          index.set(key, s);
          inserted?.push(s);
        }
        slots[i] = s;
      }
      return slots;
    }
    for (let i = 0; i < n; i++) {
      const values = keys.map((k) => valueAt(k, i));
      const code = encodeKey(values);
      let s = this.index.get(code);
      if (s === undefined) {
        s = this.allocate(values);
        this.index.set(code, s);
        inserted?.push(s);
      }
      slots[i] = s;
    }
    return slots;
  }

  /** Slot of a key given as internal values, or -1. */
  find(values: readonly unknown[]): number {
    if (this.keyTypes.length === 0) return this.nullSlot;
    if (this.single) {
      if (values[0] === null) return this.nullSlot;
      return this.index.get(values[0]) ?? -1;
    }
    return this.index.get(encodeKey(values)) ?? -1;
  }

  /** Inserts one key given as internal values (state restore); returns its slot. */
  insert(values: readonly unknown[]): number {
    const existing = this.find(values);
    if (existing >= 0) return existing;
    const s = this.allocate(values);
    if (this.keyTypes.length === 0 || (this.single && values[0] === null)) this.nullSlot = s;
    else this.index.set(this.single ? values[0] : encodeKey(values), s);
    return s;
  }

  remove(slot: number): void {
    const values = this.keyValues(slot);
    if (this.keyTypes.length === 0 || (this.single && values[0] === null)) this.nullSlot = -1;
    else this.index.delete(this.single ? values[0] : encodeKey(values));
    for (const col of this.keyColumns) col[slot] = null;
    this.free.push(slot);
  }

  keyValues(slot: number): unknown[] {
    return this.keyColumns.map((c) => c[slot] ?? null);
  }

  /** Every live slot, in insertion order of their keys where slots were never reused. */
  liveSlots(): Int32Array {
    const out = new Int32Array(this.size);
    let k = 0;
    if (this.nullSlot >= 0) out[k++] = this.nullSlot;
    for (const s of this.index.values()) out[k++] = s;
    return out.sort();
  }

  /** Key columns for the given slots. */
  keyVectors(slots: Int32Array, count: number): Vector[] {
    return this.keyTypes.map((t, c) => {
      const col = this.keyColumns[c]!;
      const out = new Array<unknown>(count);
      for (let i = 0; i < count; i++) out[i] = col[slots[i]!] ?? null;
      return vectorFromValues(t, out);
    });
  }

  private allocate(values: readonly unknown[]): number {
    const s = this.free.pop() ?? this.slotCount++;
    values.forEach((v, c) => { this.keyColumns[c]![s] = v; });
    return s;
  }
}

function isMapKeyable(t: DataType): boolean {
  return t.kind === 'string' || t.kind === 'int' || t.kind === 'long' || t.kind === 'double' ||
    t.kind === 'timestamp' || t.kind === 'date' || t.kind === 'boolean';
}

/** A composite key as one string; the type tag keeps 1 and '1' apart. */
export function encodeKey(values: readonly unknown[]): string {
  let s = '';
  for (const v of values) s += encodeValue(v) + '\u0001';
  return s;
}

function encodeValue(v: unknown): string {
  if (v === null || v === undefined) return 'n';
  switch (typeof v) {
    case 'string': return `s${v.replaceAll('\\', '\\\\').replaceAll('\u0001', '\\1')}`;
    case 'number': return `d${Object.is(v, -0) ? 0 : v}`;
    case 'boolean': return v ? 't' : 'f';
    default:
      if (v instanceof Uint8Array) return `b${Buffer.from(v).toString('base64')}`;
      if (Array.isArray(v)) return `a[${v.map(encodeValue).join(',')}]`;
      if (v instanceof Map) return `m{${[...v].map(([k, x]) => `${encodeValue(k)}:${encodeValue(x)}`).join(',')}}`;
      return `o${JSON.stringify(v)}`;
  }
}
