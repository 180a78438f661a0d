/**
 * HyperLogLog++ (Heule, Nunkesser, Hall 2013) over 64-bit hashes, one sketch per group:
 * - sparse while small: the distinct (index, rank) pairs at precision 25, whose count is exact for small
 *   sets (linear counting over 2^25 registers), so a handful of distinct values is counted exactly;
 * - dense beyond `m` entries: `m = 2^p` byte registers with p = ceil(2 log2(1.106 / rsd)) as Spark computes
 *   it; the estimate uses linear counting while it is below 2.5 m, the raw HyperLogLog estimate above.
 */
const SPARSE_P = 25;

export function precisionFor(rsd: number): number {
  return Math.ceil((2 * Math.log(1.106 / rsd)) / Math.log(2));
}

export class HyperLogLog {
  /** Sparse form: index at precision 25 -> rank. Null once dense. */
  private sparse: Map<number, number> | null = new Map();
  private dense: Uint8Array | null = null;

  constructor(private readonly p: number) {
    if (p >= SPARSE_P) this.toDense();
  }

  private get m(): number {
    return 1 << this.p;
  }

  /** Adds the hash (hi, lo) of one value. */
  add(hi: number, lo: number): void {
    const sparse = this.sparse;
    if (sparse !== null) {
      const idx = hi >>> (32 - SPARSE_P);
      const rest = (hi << SPARSE_P) >>> 0;
      const rank = rest !== 0 ? Math.clz32(rest) + 1 : 32 - SPARSE_P + Math.clz32(lo) + 1;
      const cur = sparse.get(idx);
      if (cur === undefined || rank > cur) sparse.set(idx, rank);
      if (sparse.size > this.m) this.toDense();
      return;
    }
    const p = this.p;
    const idx = hi >>> (32 - p);
    const rest = (hi << p) >>> 0;
    const rank = rest !== 0 ? Math.clz32(rest) + 1 : 32 - p + Math.clz32(lo) + 1;
    const regs = this.dense!;
    if (rank > regs[idx]!) regs[idx] = rank;
  }

  private toDense(): void {
    const p = this.p;
    const regs = new Uint8Array(1 << p);
    if (this.sparse !== null) {
      const shift = SPARSE_P - p;
      for (const [idx, rank] of this.sparse) {
        const j = idx >>> shift;
        const between = idx & ((1 << shift) - 1);
        const r = between !== 0 ? Math.clz32(between) - (32 - shift) + 1 : shift + rank;
        if (r > regs[j]!) regs[j] = r;
      }
    }
    this.sparse = null;
    this.dense = regs;
  }

  estimate(): number {
    if (this.sparse !== null) {
      const mp = 2 ** SPARSE_P;
      const v = this.sparse.size;
      return Math.round(mp * Math.log(mp / (mp - v)));
    }
    const regs = this.dense!;
    const m = regs.length;
    let sum = 0;
    let zeros = 0;
    for (let j = 0; j < m; j++) {
      const r = regs[j]!;
      sum += 2 ** -r;
      if (r === 0) zeros++;
    }
    const alpha = m === 16 ? 0.673 : m === 32 ? 0.697 : m === 64 ? 0.709 : 0.7213 / (1 + 1.079 / m);
    const raw = (alpha * m * m) / sum;
    if (raw <= 2.5 * m && zeros > 0) return Math.round(m * Math.log(m / zeros));
    return Math.round(raw);
  }

  /** The sketch as storable values: `['s', [index, rank, ...]]` or `['d', registers]`. */
  save(): unknown[] {
    if (this.sparse !== null) {
      const flat: number[] = [];
      for (const [idx, rank] of this.sparse) flat.push(idx, rank);
      return ['s', flat];
    }
    return ['d', this.dense!.slice()];
  }

  static restore(p: number, b: readonly unknown[]): HyperLogLog {
    const h = new HyperLogLog(p);
    if (b[0] === 'd') {
      h.sparse = null;
      h.dense = new Uint8Array(b[1] as Uint8Array);
    } else if (h.sparse !== null) {
      const flat = b[1] as readonly number[];
      for (let k = 0; k < flat.length; k += 2) h.sparse.set(flat[k]!, flat[k + 1]!);
    }
    return h;
  }
}
