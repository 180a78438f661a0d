/** Number formatting shared by the side-by-side report and chart. */

export const thousands = (n: number): string => Math.round(n).toLocaleString('en-US');

/** 1234567 → "1.23M", 45600 → "45.6k", 950 → "950". */
export function compact(n: number): string {
  const abs = Math.abs(n);
  const scaled = (v: number, unit: string): string => `${v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2)}${unit}`;
  if (abs >= 1e9) return scaled(n / 1e9, 'G');
  if (abs >= 1e6) return scaled(n / 1e6, 'M');
  if (abs >= 1e3) return scaled(n / 1e3, 'k');
  return abs >= 10 || abs === 0 ? n.toFixed(0) : n.toFixed(2);
}

/** Milliseconds with a precision that suits their size. */
export function ms(n: number): string {
  return n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2);
}

export const mb = (bytes: number): string => thousands(bytes / (1024 * 1024));

/** 12.3×, 1.85×, 0.72×, 0.044× (two significant digits below 1). */
export const ratio = (r: number): string => `${r >= 10 ? r.toFixed(1) : r >= 1 ? r.toFixed(2) : Number(r.toPrecision(2)).toString()}×`;

/** A power of ten as an axis label: 0.1, 1, 10, 100, 1k, 10k, 100k, 1M, … */
export function decade(exp: number): string {
  if (exp < 3) return String(Number((10 ** exp).toPrecision(1)));
  const units = ['k', 'M', 'G', 'T'];
  const u = Math.min(units.length, Math.floor(exp / 3));
  return `${10 ** (exp - 3 * u)}${units[u - 1]!}`;
}
