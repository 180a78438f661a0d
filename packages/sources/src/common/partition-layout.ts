/**
 * Rows in partition `p` of `n` when values `first .. end-1` are dealt round-robin (value `first + p + k*n`),
 * the way Spark's rate readers split a range.
 */
export function partitionRowCount(first: number, end: number, p: number, n: number): number {
  const span = end - first - p;
  return span <= 0 ? 0 : Math.ceil(span / n);
}
