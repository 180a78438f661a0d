import { valueAt, vectorFromValues, type Vector } from '../data/vector.ts';
import type { DataType } from '../types/data-type.ts';

/**
 * Maps grouping keys to dense slots (0, 1, 2, ...), a batch at a time. One numeric or string key uses a
 * Map on the raw value (numeric keys are looked up in a typed cache in front of it); several keys use an
 * encoded composite key. Freed slots are reused.
 * Key values are kept per column so results can be emitted without re-reading the input.
 */
export class GroupTable {
  private readonly index = new Map<unknown, number>();
  private nullSlot = -1;
  private readonly keyColumns: unknown[][];
  private readonly free: number[] = [];
  private slotCount = 0;
  private readonly single: boolean;
  /** Typed front of `index` for one numeric key; created on first use. */
  private numCache: NumericSlotCache | null = null;
  /** Front of `index` for one string key (short strings); created on first use. */
  private strCache: StringSlotCache | null = null;

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
      if (k.kind === 'num') {
        // Numeric keys go through the typed cache first; the Map is consulted once per key (or per NaN row).
        const cache = (this.numCache ??= new NumericSlotCache());
        const v = k.values;
        const valid = k.valid;
        // The cache's probe, inlined: this loop runs once per input row.
        let cacheKeys = cache.keys;
        let cacheSlots = cache.slots;
        let mask = cache.mask;
        for (let i = 0; i < n; i++) {
          if (valid !== null && valid[i] === 0) {
            if (this.nullSlot < 0) { this.nullSlot = this.allocate([null]); inserted?.push(this.nullSlot); }
            slots[i] = this.nullSlot;
            continue;
          }
          const key = v[i]!;
          let h = hashNumber(key) & mask;
          let s = cacheSlots[h]!;
          while (s >= 0 && cacheKeys[h] !== key) {
            h = (h + 1) & mask;
            s = cacheSlots[h]!;
          }
          if (s < 0) {
            let found = index.get(key);
            if (found === undefined) {
              found = this.allocate([key]);
              index.set(key, found);
              inserted?.push(found);
            }
            s = found;
            cache.set(key, s);
            cacheKeys = cache.keys;
            cacheSlots = cache.slots;
            mask = cache.mask;
          }
          slots[i] = s;
        }
        return slots;
      }
      if (k.kind === 'obj' && this.keyTypes[0]!.kind === 'string') return this.findOrInsertStrings(k.values, n, slots, inserted);
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
    // Composite keys: one scratch array for the row's values, copied only when the key is new.
    const width = keys.length;
    const values = new Array<unknown>(width);
    for (let i = 0; i < n; i++) {
      for (let c = 0; c < width; c++) values[c] = valueAt(keys[c]!, i);
      const code = encodeKey(values);
      let s = this.index.get(code);
      if (s === undefined) {
        s = this.allocate(values.slice());
        this.index.set(code, s);
        inserted?.push(s);
      }
      slots[i] = s;
    }
    return slots;
  }

  /**
   * One string key: short strings are looked up in the string cache first (hashing them here and comparing
   * stored hashes costs less than the Map's lookup of a fresh string), the Map once per key; long ones in the Map.
   */
  private findOrInsertStrings(values: readonly unknown[], n: number, slots: Int32Array, inserted: number[] | undefined): Int32Array {
    const index = this.index;
    const cache = (this.strCache ??= new StringSlotCache());
    let cacheKeys = cache.keys;
    let cacheSlots = cache.slots;
    let cacheHashes = cache.hashes;
    let mask = cache.mask;
    for (let i = 0; i < n; i++) {
      const key = values[i];
      if (typeof key !== 'string') {
        if (this.nullSlot < 0) { this.nullSlot = this.allocate([null]); inserted?.push(this.nullSlot); }
        slots[i] = this.nullSlot;
        continue;
      }
      const len = key.length;
      let s: number;
      if (len > MAX_CACHED_STRING) {
        let found = index.get(key);
        if (found === undefined) {
          found = this.allocate([key]);
          index.set(key, found);
          inserted?.push(found);
        }
        s = found;
      } else {
        // The cache's probe, inlined: this loop runs once per input row.
        let h = 0x811c9dc5 | 0;
        for (let j = 0; j < len; j++) h = Math.imul(h ^ key.charCodeAt(j), 0x01000193);
        h ^= h >>> 15;
        let p = h & mask;
        s = cacheSlots[p]!;
        while (s >= 0 && (cacheHashes[p] !== h || cacheKeys[p] !== key)) {
          p = (p + 1) & mask;
          s = cacheSlots[p]!;
        }
        if (s < 0) {
          let found = index.get(key);
          if (found === undefined) {
            found = this.allocate([key]);
            index.set(key, found);
            inserted?.push(found);
          }
          s = found;
          cache.set(key, h, s);
          cacheKeys = cache.keys;
          cacheSlots = cache.slots;
          cacheHashes = cache.hashes;
          mask = cache.mask;
        }
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
    // The slot may be reused for another key: forget every cached key → slot pair (removals are rare: undo).
    this.numCache?.clear();
    this.strCache?.clear();
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

const hashScratch = new Float64Array(1);
const hashWords = new Int32Array(hashScratch.buffer);

/**
 * Open-addressing table (linear probing, typed arrays) from a numeric key to its slot: the per-row lookup of a
 * numeric grouping key neither boxes the double nor hashes through a Map. Keys compare as the Map compares them
 * (-0 equals 0); NaN is never cached, so it always falls through to the Map, which treats all NaNs as one key.
 */
class NumericSlotCache {
  /** Read directly by GroupTable.findOrInsert's probe (slot -1 = empty); replaced when the table grows. */
  keys = new Float64Array(64);
  slots = new Int32Array(64).fill(-1);
  mask = 63;
  private count = 0;

  set(key: number, slot: number): void {
    if (key !== key) return;
    if ((this.count + 1) * 2 > this.slots.length) this.grow();
    let h = hashNumber(key) & this.mask;
    while (this.slots[h]! >= 0) {
      if (this.keys[h] === key) { this.slots[h] = slot; return; }
      h = (h + 1) & this.mask;
    }
    this.keys[h] = key + 0;
    this.slots[h] = slot;
    this.count++;
  }

  clear(): void {
    this.slots.fill(-1);
    this.count = 0;
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldSlots = this.slots;
    const size = oldSlots.length * 2;
    this.keys = new Float64Array(size);
    this.slots = new Int32Array(size).fill(-1);
    this.mask = size - 1;
    this.count = 0;
    for (let i = 0; i < oldSlots.length; i++) if (oldSlots[i]! >= 0) this.set(oldKeys[i]!, oldSlots[i]!);
  }
}

/** Strings longer than this skip the string cache: hashing them here would cost more than the Map's lookup. */
const MAX_CACHED_STRING = 64;

/**
 * Open-addressing table (linear probing) from a short string key to its slot, each key's hash (FNV-1a over
 * its UTF-16 units, computed by the caller) kept so most probes compare no characters. Strings compare by
 * content, as the Map compares them.
 */
class StringSlotCache {
  /** Read directly by GroupTable.findOrInsertStrings' probe (slot -1 = empty); replaced when the table grows. */
  keys: (string | undefined)[] = new Array<string | undefined>(64).fill(undefined);
  slots = new Int32Array(64).fill(-1);
  hashes = new Int32Array(64);
  mask = 63;
  private count = 0;

  set(key: string, hash: number, slot: number): void {
    if ((this.count + 1) * 2 > this.slots.length) this.grow();
    let p = hash & this.mask;
    while (this.slots[p]! >= 0) {
      if (this.hashes[p] === hash && this.keys[p] === key) { this.slots[p] = slot; return; }
      p = (p + 1) & this.mask;
    }
    this.keys[p] = key;
    this.hashes[p] = hash;
    this.slots[p] = slot;
    this.count++;
  }

  clear(): void {
    this.slots.fill(-1);
    this.keys.fill(undefined);
    this.count = 0;
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldSlots = this.slots;
    const oldHashes = this.hashes;
    const size = oldSlots.length * 2;
    this.keys = new Array<string | undefined>(size).fill(undefined);
    this.slots = new Int32Array(size).fill(-1);
    this.hashes = new Int32Array(size);
    this.mask = size - 1;
    this.count = 0;
    for (let i = 0; i < oldSlots.length; i++) if (oldSlots[i]! >= 0) this.set(oldKeys[i]!, oldHashes[i]!, oldSlots[i]!);
  }
}

/** Equal for equal keys (0 and -0 included): int32 values hash as themselves, others by their bits. */
function hashNumber(x: number): number {
  let h = x | 0;
  if (h !== x) {
    hashScratch[0] = x;
    h = hashWords[0]! ^ hashWords[1]!;
  }
  h = Math.imul(h, 0x9e3779b1);
  return h ^ (h >>> 15);
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
