/**
 * A 64-bit hash of internal values for sketches, as two 32-bit halves written to `hash64` ([hi, lo])
 * so hot loops allocate nothing. Numbers hash their float64 bits (with -0 folded into 0 and
 * one NaN), strings their UTF-16 units; both through MurmurHash3's mixing with two seeds.
 */
const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);

export const hash64 = new Uint32Array(2);

const C1 = 0xcc9e2d51;
const C2 = 0x1b873593;

function mixK(k: number): number {
  k = Math.imul(k, C1);
  k = (k << 15) | (k >>> 17);
  return Math.imul(k, C2);
}

function mixH(h: number, k: number): number {
  h ^= mixK(k);
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

function fmix(h: number, length: number): number {
  h ^= length;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const SEED_HI = 0x9747b28c;
const SEED_LO = 0x2a3f5e71;

export function hashNumber(x: number): void {
  f64[0] = x === 0 ? 0 : x !== x ? NaN : x;
  const a = u32[0]!;
  const b = u32[1]!;
  hash64[0] = fmix(mixH(mixH(SEED_HI, a), b), 8);
  hash64[1] = fmix(mixH(mixH(SEED_LO, b), a), 8);
}

export function hashString(s: string): void {
  let h1 = SEED_HI;
  let h2 = SEED_LO;
  const n = s.length;
  let i = 0;
  for (; i + 1 < n; i += 2) {
    const k = s.charCodeAt(i) | (s.charCodeAt(i + 1) << 16);
    h1 = mixH(h1, k);
    h2 = mixH(h2, k);
  }
  if (i < n) {
    const k = s.charCodeAt(i);
    h1 ^= mixK(k);
    h2 ^= mixK(k);
  }
  // The string tag keeps "1" and 1 apart should a sketch ever see both.
  hash64[0] = fmix(h1 ^ 0x5bd1e995, n * 2);
  hash64[1] = fmix(h2, n * 2);
}
