import { AnalysisError } from '../analyzer/analysis-error.ts';
import { valueAt, type Vector } from '../data/vector.ts';
import type { DataType } from '../types/data-type.ts';
import { arrayOf } from '../types/data-type.ts';
import type { Accumulator, AggregateFunction } from './accumulator.ts';
import { encodeKey } from './group-table.ts';

/**
 * `collect_list(x)`: every non-null value of a group in arrival order. `collect_set(x)`: the distinct
 * non-null values in first-seen order (Spark leaves the order unspecified). Both give `[]`, never null,
 * for a group without values.
 */
function collect(name: 'collect_list' | 'collect_set'): AggregateFunction {
  return {
    name,
    resolve(args, sql) {
      if (args.length !== 1) throw new AnalysisError(`Function ${name} takes 1 argument, but ${args.length} were given in '${sql}'`);
      const t = args[0]!.dataType;
      if (name === 'collect_set' && t.kind === 'map') {
        throw new AnalysisError(`Cannot resolve '${sql}' due to data type mismatch: collect_set() cannot have map type data`);
      }
      return { dataType: arrayOf(t, false), nullable: false };
    },
    create(args, type) {
      const element = type.kind === 'array' ? type.elementType : args[0]!.dataType;
      return new CollectAccumulator(type, name === 'collect_set', isPrimitive(element));
    },
  };
}

export const collect_list = collect('collect_list');
export const collect_set = collect('collect_set');

/** Types whose internal values compare correctly with SameValueZero (a JS Set). */
function isPrimitive(t: DataType): boolean {
  return t.kind === 'string' || t.kind === 'int' || t.kind === 'long' || t.kind === 'double' || t.kind === 'boolean' ||
    t.kind === 'timestamp' || t.kind === 'date';
}

class CollectAccumulator implements Accumulator {
  private lists: (unknown[] | null)[] = [];
  /** collect_set: the values (primitives) or their encoded keys seen per slot. */
  private seen: (Set<unknown> | null)[] = [];

  constructor(private readonly type: DataType, private readonly distinct: boolean, private readonly primitive: boolean) {}

  grow(capacity: number): void {
    while (this.lists.length < capacity) {
      this.lists.push(null);
      this.seen.push(null);
    }
  }

  update(slots: Int32Array, args: readonly Vector[], n: number): void {
    const a = args[0]!;
    for (let i = 0; i < n; i++) {
      const x = a.kind === 'obj' ? a.values[i] : valueAt(a, i);
      if (x === null || x === undefined) continue;
      const s = slots[i]!;
      const list = (this.lists[s] ??= []);
      if (this.distinct) {
        const set = (this.seen[s] ??= new Set());
        const key = this.primitive ? (x === 0 ? 0 : x) : encodeKey([x]);
        if (set.has(key)) continue;
        set.add(key);
      }
      list.push(x);
    }
  }

  evaluate(slots: Int32Array, n: number): Vector {
    const out = new Array<unknown>(n);
    for (let i = 0; i < n; i++) out[i] = (this.lists[slots[i]!] ?? []).slice();
    return { kind: 'obj', type: this.type, values: out };
  }

  save(slot: number): unknown[] {
    return [(this.lists[slot] ?? []).slice()];
  }

  restore(slot: number, b: readonly unknown[]): void {
    const list = (b[0] as readonly unknown[]).slice();
    this.lists[slot] = list;
    this.seen[slot] = this.distinct ? new Set(list.map((x) => (this.primitive ? (x === 0 ? 0 : x) : encodeKey([x])))) : null;
  }

  clear(slot: number): void {
    this.lists[slot] = null;
    this.seen[slot] = null;
  }
}
