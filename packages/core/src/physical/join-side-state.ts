import type { Vector } from '../data/vector.ts';
import type { EventTimeKind } from '../logical/event-time-columns.ts';
import type { KeyCode } from './join-rows.ts';

/** One buffered input row of a stream-stream join. */
export interface StoredRow {
  /** Arrival order within its side; with the side, the row's key in the state store. */
  readonly id: number;
  /** The row's column values (internal representation). */
  readonly values: readonly unknown[];
  readonly key: KeyCode;
  /** Event time (µs) the row expires by; NaN when it never does. */
  readonly time: number;
  /** Whether it has joined with a row of the other side (outer joins emit unmatched rows on expiry). */
  matched: boolean;
}

/** The buffered rows of one side of a stream-stream join, indexed by join key. */
export class JoinSideState {
  readonly rows = new Map<number, StoredRow>();
  readonly byKey = new Map<KeyCode, StoredRow[]>();
  nextId = 0;

  get size(): number {
    return this.rows.size;
  }

  /** Adds a row; buckets stay in id order (a restored row is sorted into place). */
  add(row: StoredRow): void {
    this.rows.set(row.id, row);
    const bucket = this.byKey.get(row.key);
    if (!bucket) this.byKey.set(row.key, [row]);
    else {
      bucket.push(row);
      if (bucket.length > 1 && bucket[bucket.length - 2]!.id > row.id) bucket.sort((a, b) => a.id - b.id);
    }
  }

  removeAll(rows: readonly StoredRow[]): void {
    const keys = new Set<KeyCode>();
    for (const r of rows) {
      this.rows.delete(r.id);
      keys.add(r.key);
    }
    for (const k of keys) {
      const left = this.byKey.get(k)!.filter((r) => this.rows.get(r.id) === r);
      if (left.length === 0) this.byKey.delete(k);
      else this.byKey.set(k, left);
    }
  }

  /** Rows whose time is at or below `bound`, oldest arrival first. */
  expired(bound: number): StoredRow[] {
    const out: StoredRow[] = [];
    for (const r of this.rows.values()) if (r.time <= bound) out.push(r);
    return out.sort((a, b) => a.id - b.id);
  }

  hasExpired(bound: number): boolean {
    for (const r of this.rows.values()) if (r.time <= bound) return true;
    return false;
  }
}

/** Event times (µs) of a column: a timestamp itself, or a window's end; NaN for null. */
export function eventTimes(v: Vector, kind: EventTimeKind, n: number): Float64Array {
  const out = new Float64Array(n);
  if (v.kind === 'num') {
    for (let i = 0; i < n; i++) out[i] = v.valid !== null && v.valid[i] === 0 ? NaN : v.values[i]!;
  } else {
    for (let i = 0; i < n; i++) {
      const x = v.values[i];
      out[i] = x === null || x === undefined ? NaN : kind === 'window' ? (x as number[])[1]! : (x as number);
    }
  }
  return out;
}
