import type { Vector } from '../data/vector.ts';
import { DOUBLE } from '../types/data-type.ts';
import { grown, type Accumulator, type AggregateFunction } from './accumulator.ts';
import { singleNumericArg } from './sum.ts';

type Statistic = 'stddev_samp' | 'stddev_pop' | 'var_samp' | 'var_pop';

/**
 * Standard deviation and variance, sample and population, from a count, mean and sum of squared
 * deviations per group updated with Welford's method (numerically stable, as Spark's CentralMomentAgg).
 * A sample statistic of a single value is null (Spark 3 with `spark.sql.legacy.statisticalAggregate`
 * false); every statistic of no values is null.
 */
function centralMoment(name: string, statistic: Statistic): AggregateFunction {
  return {
    name,
    resolve(args, sql) {
      singleNumericArg(name, args.map((a) => a.dataType), sql);
      return { dataType: DOUBLE, nullable: true };
    },
    create() {
      return new MomentAccumulator(statistic);
    },
  };
}

export const stddev = centralMoment('stddev', 'stddev_samp');
export const stddev_samp = centralMoment('stddev_samp', 'stddev_samp');
export const stddev_pop = centralMoment('stddev_pop', 'stddev_pop');
export const variance = centralMoment('variance', 'var_samp');
export const var_samp = centralMoment('var_samp', 'var_samp');
export const var_pop = centralMoment('var_pop', 'var_pop');

class MomentAccumulator implements Accumulator {
  private n = new Float64Array(16);
  private mean = new Float64Array(16);
  private m2 = new Float64Array(16);

  constructor(private readonly statistic: Statistic) {}

  grow(capacity: number): void {
    this.n = grown(this.n, capacity);
    this.mean = grown(this.mean, capacity);
    this.m2 = grown(this.m2, capacity);
  }

  update(slots: Int32Array, args: readonly Vector[], rows: number): void {
    const a = args[0]!;
    const n = this.n;
    const mean = this.mean;
    const m2 = this.m2;
    for (let i = 0; i < rows; i++) {
      let x: number;
      if (a.kind === 'num') {
        if (a.valid !== null && a.valid[i] === 0) continue;
        x = a.values[i]!;
      } else {
        const v = a.values[i];
        if (v === null || v === undefined) continue;
        x = Number(v);
        if (typeof v === 'string' && (v.trim() === '' || Number.isNaN(x))) continue;
      }
      const s = slots[i]!;
      const count = n[s]! + 1;
      const delta = x - mean[s]!;
      const deltaN = delta / count;
      mean[s]! += deltaN;
      m2[s]! += delta * (delta - deltaN);
      n[s] = count;
    }
  }

  evaluate(slots: Int32Array, rows: number): Vector {
    const out = new Float64Array(rows);
    let valid: Uint8Array | null = null;
    const sample = this.statistic === 'stddev_samp' || this.statistic === 'var_samp';
    const root = this.statistic === 'stddev_samp' || this.statistic === 'stddev_pop';
    for (let i = 0; i < rows; i++) {
      const s = slots[i]!;
      const count = this.n[s]!;
      if (count === 0 || (sample && count === 1)) {
        (valid ??= new Uint8Array(rows).fill(1))[i] = 0;
        continue;
      }
      const v = this.m2[s]! / (sample ? count - 1 : count);
      out[i] = root ? Math.sqrt(v) : v;
    }
    return { kind: 'num', type: DOUBLE, values: out, valid };
  }

  save(slot: number): unknown[] {
    return [this.n[slot], this.mean[slot], this.m2[slot]];
  }

  restore(slot: number, b: readonly unknown[]): void {
    this.n[slot] = b[0] as number;
    this.mean[slot] = b[1] as number;
    this.m2[slot] = b[2] as number;
  }

  clear(slot: number): void {
    this.n[slot] = 0;
    this.mean[slot] = 0;
    this.m2[slot] = 0;
  }
}
