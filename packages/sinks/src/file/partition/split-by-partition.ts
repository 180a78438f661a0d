import { valueAt, type ColumnBatch } from '@caudal/core';
import type { PartitionLayout } from './partition-columns.ts';
import { partitionFolderName } from './partition-value-text.ts';

/** The rows of one partition folder. */
export interface PartitionGroup {
  /** Relative folder, `/`-separated (`country=ES/year=2024`); empty without partition columns. */
  readonly folder: string;
  /** Row positions in the batch, in their original order. */
  readonly rows: readonly number[];
  readonly key: readonly unknown[];
}

/**
 * Groups a batch's rows by their partition values. Groups come out ordered by those values (nulls first),
 * as Spark sorts by the partition columns before its writer opens one file per partition.
 */
export function splitByPartition(batch: ColumnBatch, layout: PartitionLayout, timeZone: string): PartitionGroup[] {
  const groups = new Map<string, { folder: string; rows: number[]; key: unknown[] }>();
  for (let r = 0; r < batch.numRows; r++) {
    const key = layout.partitionIndices.map((c) => valueAt(batch.column(c), r));
    const folder = key.map((v, i) => {
      const f = layout.partitionFields[i]!;
      return partitionFolderName(f.name, f.dataType, v, timeZone);
    }).join('/');
    let g = groups.get(folder);
    if (g === undefined) {
      g = { folder, rows: [], key };
      groups.set(folder, g);
    }
    g.rows.push(r);
  }
  return [...groups.values()].sort((a, b) => compareKeys(a.key, b.key));
}

function compareKeys(a: readonly unknown[], b: readonly unknown[]): number {
  for (let i = 0; i < a.length; i++) {
    const c = compareValues(a[i], b[i]);
    if (c !== 0) return c;
  }
  return 0;
}

function compareValues(x: unknown, y: unknown): number {
  if (x === null) return y === null ? 0 : -1;
  if (y === null) return 1;
  if (x instanceof Uint8Array && y instanceof Uint8Array) {
    for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
    return x.length - y.length;
  }
  const xs = x as number | string | boolean;
  const ys = y as number | string | boolean;
  return xs < ys ? -1 : xs > ys ? 1 : 0;
}
