import { layoutOf, type DataType, type Vector } from '@caudal/core';

/**
 * Grows one column of internal values (data/vector.ts layouts): numbers into a Float64Array, booleans
 * into a Uint8Array, everything else into a JS array. Validity bytes are kept only once a null arrives.
 */
export class ColumnBuilder {
  readonly layout: Vector['kind'];
  private nums: Float64Array;
  private bools: Uint8Array;
  private readonly objs: unknown[] = [];
  private valid: Uint8Array | null = null;
  private length = 0;

  constructor(readonly type: DataType, capacity = 1024) {
    this.layout = layoutOf(type);
    const cap = Math.max(16, capacity);
    this.nums = new Float64Array(this.layout === 'num' ? cap : 0);
    this.bools = new Uint8Array(this.layout === 'bool' ? cap : 0);
  }

  /** Appends an internal value (number, boolean, string, array, Map, struct array) or null. */
  append(value: unknown): void {
    if (value === null || value === undefined) this.appendNull();
    else if (this.layout === 'obj') this.objs[this.length++] = value;
    else if (this.layout === 'num') this.appendNumber(value as number);
    else {
      const i = this.length++;
      if (i >= this.bools.length) this.grow(i + 1);
      this.bools[i] = value ? 1 : 0;
    }
  }

  /** Appends a non-null number to a `num` column. */
  appendNumber(value: number): void {
    const i = this.length++;
    if (i >= this.nums.length) this.grow(i + 1);
    this.nums[i] = value;
  }

  /** Appends a non-null value to an `obj` column. */
  appendObject(value: unknown): void {
    this.objs[this.length++] = value;
  }

  appendNull(): void {
    const i = this.length++;
    if (this.layout === 'obj') {
      this.objs[i] = null;
      return;
    }
    if (i >= this.capacity()) this.grow(i + 1);
    if (this.valid === null) this.valid = new Uint8Array(this.capacity()).fill(1);
    this.valid[i] = 0;
  }

  /** Drops the values after the first `n` (a row that turned out malformed half-way). */
  truncate(n: number): void {
    if (n >= this.length) return;
    if (this.layout === 'obj') this.objs.length = n;
    else if (this.valid !== null) this.valid.fill(1, n, this.length);
    this.length = n;
  }

  finish(): Vector {
    const n = this.length;
    switch (this.layout) {
      case 'num': return { kind: 'num', type: this.type, values: this.nums.slice(0, n), valid: this.valid?.slice(0, n) ?? null };
      case 'bool': return { kind: 'bool', type: this.type, values: this.bools.slice(0, n), valid: this.valid?.slice(0, n) ?? null };
      case 'obj': return { kind: 'obj', type: this.type, values: this.objs };
    }
  }

  private capacity(): number {
    return this.layout === 'num' ? this.nums.length : this.bools.length;
  }

  private grow(n: number): void {
    const next = Math.max(n, this.capacity() * 2);
    if (this.layout === 'num') {
      const grown = new Float64Array(next);
      grown.set(this.nums);
      this.nums = grown;
    } else {
      const grown = new Uint8Array(next);
      grown.set(this.bools);
      this.bools = grown;
    }
    if (this.valid !== null) {
      const grown = new Uint8Array(next).fill(1);
      grown.set(this.valid);
      this.valid = grown;
    }
  }
}
