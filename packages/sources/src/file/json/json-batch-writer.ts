import { ColumnBatch, layoutOf, type StructType, type Vector } from '@caudal/core';
import type { ParsedFile } from '../file-format.ts';
import type { CorruptRecordLayout } from '../malformed/corrupt-record-column.ts';
import { MalformedRecordError, type MalformedRecord } from '../malformed/malformed-record-error.ts';
import type { ParseMode } from '../malformed/parse-mode.ts';

const NUM = 0;
const BOOL = 1;
const OBJ = 2;

/**
 * The JSON reader's output: the columns of the rows being built, written in place at row `rows` (no row
 * array in between), handed out as ColumnBatches of at most `batchRows` rows. The fast path writes fields
 * with `set*` and ends the row with `commitFast` (unwritten columns become null); the general path fills
 * `row` and calls `emit` or `emitMalformed` (RowAssembler's contract). Either may rewrite a row the fast
 * path left half-written, as nothing counts until a commit.
 */
export class JsonBatchWriter {
  /** The general path's row: values in schema order, null for null. */
  readonly row: unknown[];
  private readonly kinds: Uint8Array;
  private nums: Float64Array[] = [];
  private bools: Uint8Array[] = [];
  private objs: unknown[][] = [];
  private valid: (Uint8Array | null)[] = [];
  private capacity = 0;
  /** Rows in the batch being built; the row being written has this index. */
  private rows = 0;
  /** Identifies the fast path's current attempt, so `written` needs no clearing between rows. */
  private attempt = 0;
  private readonly written: Float64Array;
  private readonly done: ColumnBatch[] = [];
  private readonly malformed: MalformedRecord[] = [];

  constructor(
    private readonly schema: StructType,
    readonly layout: CorruptRecordLayout,
    private readonly mode: ParseMode,
    private readonly path: string,
    private readonly batchRows = 65_536,
  ) {
    const n = schema.length;
    this.row = new Array<unknown>(n).fill(null);
    this.kinds = Uint8Array.from(schema.fields, (f) => {
      const k = layoutOf(f.dataType);
      return k === 'num' ? NUM : k === 'bool' ? BOOL : OBJ;
    });
    this.written = new Float64Array(n);
    this.reset(1024);
  }

  /** Starts a fast-path row. */
  beginFast(): void {
    this.attempt++;
  }

  setNum(c: number, v: number): void {
    this.written[c] = this.attempt;
    const r = this.rows;
    this.nums[c]![r] = v;
    const valid = this.valid[c];
    if (valid !== null && valid !== undefined) valid[r] = 1;
  }

  setBool(c: number, v: boolean): void {
    this.written[c] = this.attempt;
    const r = this.rows;
    this.bools[c]![r] = v ? 1 : 0;
    const valid = this.valid[c];
    if (valid !== null && valid !== undefined) valid[r] = 1;
  }

  setObj(c: number, v: unknown): void {
    this.written[c] = this.attempt;
    this.objs[c]![this.rows] = v;
  }

  setNull(c: number): void {
    this.written[c] = this.attempt;
    this.put(c, null);
  }

  /** Ends a fast-path row: columns it did not write are null. */
  commitFast(): void {
    const n = this.kinds.length;
    for (let c = 0; c < n; c++) if (this.written[c] !== this.attempt) this.put(c, null);
    this.next();
  }

  /** Appends `row` as a good record and clears it. */
  emit(): void {
    this.putRow();
    this.row.fill(null);
  }

  /**
   * A malformed record. PERMISSIVE keeps a row: the fields already in `row` when `keepPartial` (values
   * that did convert), nulls otherwise, and the raw text in the corrupt-record column if the schema has
   * one. DROPMALFORMED drops it; FAILFAST throws naming the file and line.
   */
  emitMalformed(line: number, reason: string, raw: string, keepPartial: boolean): void {
    const record = { path: this.path, line, reason };
    if (this.mode === 'FAILFAST') throw new MalformedRecordError(record);
    this.malformed.push(record);
    if (this.mode === 'PERMISSIVE') {
      if (!keepPartial) this.row.fill(null);
      if (this.layout.corruptIndex !== -1) this.row[this.layout.corruptIndex] = raw;
      this.putRow();
    }
    this.row.fill(null);
  }

  finish(): ParsedFile {
    this.flush();
    return { batches: this.done, rows: this.done.reduce((n, b) => n + b.numRows, 0), malformed: this.malformed };
  }

  private putRow(): void {
    const row = this.row;
    for (let c = 0; c < row.length; c++) this.put(c, row[c] ?? null);
    this.next();
  }

  /** Writes a general-path value (number, boolean or object by the column's layout) or null at the current row. */
  private put(c: number, v: unknown): void {
    const r = this.rows;
    const kind = this.kinds[c]!;
    if (kind === OBJ) {
      this.objs[c]![r] = v;
      return;
    }
    if (v === null) {
      let valid = this.valid[c]!;
      if (valid === null) {
        valid = new Uint8Array(this.capacity).fill(1);
        this.valid[c] = valid;
      }
      valid[r] = 0;
      return;
    }
    if (kind === NUM) this.nums[c]![r] = v as number;
    else this.bools[c]![r] = v ? 1 : 0;
    const valid = this.valid[c];
    if (valid !== null && valid !== undefined) valid[r] = 1;
  }

  private next(): void {
    if (++this.rows === this.batchRows) this.flush();
    else if (this.rows === this.capacity) this.grow(this.capacity * 2);
  }

  private flush(): void {
    const n = this.rows;
    if (n === 0) return;
    const columns = this.schema.fields.map((f, c): Vector => {
      const valid = this.valid[c]?.slice(0, n) ?? null;
      switch (this.kinds[c]) {
        case NUM: return { kind: 'num', type: f.dataType, values: this.nums[c]!.slice(0, n), valid };
        case BOOL: return { kind: 'bool', type: f.dataType, values: this.bools[c]!.slice(0, n), valid };
        default: {
          const values = this.objs[c]!;
          // A record given up on after the last commit may have left a value past the end.
          values.length = n;
          return { kind: 'obj', type: f.dataType, values };
        }
      }
    });
    this.done.push(new ColumnBatch(this.schema, columns, n));
    this.rows = 0;
    this.reset(Math.min(this.batchRows, Math.max(1024, this.capacity)));
  }

  private reset(capacity: number): void {
    this.capacity = capacity;
    const kinds = this.kinds;
    this.nums = [];
    this.bools = [];
    this.objs = [];
    this.valid = [];
    for (let c = 0; c < kinds.length; c++) {
      this.nums.push(new Float64Array(kinds[c] === NUM ? capacity : 0));
      this.bools.push(new Uint8Array(kinds[c] === BOOL ? capacity : 0));
      this.objs.push([]);
      this.valid.push(null);
    }
  }

  /** Room for `capacity` rows: typed arrays hold one slot more than the committed rows, for the row being written. */
  private grow(capacity: number): void {
    const kinds = this.kinds;
    for (let c = 0; c < kinds.length; c++) {
      if (kinds[c] === NUM) this.nums[c] = grown(this.nums[c]!, new Float64Array(capacity));
      else if (kinds[c] === BOOL) this.bools[c] = grown(this.bools[c]!, new Uint8Array(capacity));
      const valid = this.valid[c];
      if (valid !== null && valid !== undefined) this.valid[c] = grown(valid, new Uint8Array(capacity).fill(1));
    }
    this.capacity = capacity;
  }
}

function grown<T extends Float64Array | Uint8Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
