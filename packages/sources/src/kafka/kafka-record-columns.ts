import { ColumnBatch, INT, LONG, STRING, TIMESTAMP, BINARY, type StructType } from '@caudal/core';
import { HEADERS_TYPE } from './kafka-schema.ts';
import type { FetchedRecord } from './kafkajs-cluster.ts';

/**
 * The rows of one topic partition, built straight into column arrays (typed arrays for the numbers) as fetched
 * records arrive, then handed out as one ColumnBatch.
 */
export class KafkaRecordColumns {
  private keys: (Uint8Array | null)[] = [];
  private values: (Uint8Array | null)[] = [];
  private offsets: Float64Array = new Float64Array(64);
  private timestamps: Float64Array = new Float64Array(64);
  private timestampTypes: Float64Array = new Float64Array(64);
  private headers: (unknown[] | null)[] = [];
  private n = 0;

  constructor(
    private readonly schema: StructType,
    private readonly topic: string,
    private readonly partition: number,
    private readonly includeHeaders: boolean,
  ) {}

  get numRows(): number {
    return this.n;
  }

  add(record: FetchedRecord, offset: number): void {
    if (this.n === this.offsets.length) this.grow();
    const i = this.n++;
    this.keys.push(bytes(record.key));
    this.values.push(bytes(record.value));
    this.offsets[i] = offset;
    this.timestamps[i] = Number(record.timestamp) * 1000;
    this.timestampTypes[i] = record.batchContext.timestampType < 0 ? 0 : record.batchContext.timestampType;
    if (this.includeHeaders) this.headers.push(headerStructs(record.headers));
  }

  build(): ColumnBatch {
    const n = this.n;
    const columns = [
      { kind: 'obj' as const, type: BINARY, values: this.keys },
      { kind: 'obj' as const, type: BINARY, values: this.values },
      { kind: 'obj' as const, type: STRING, values: new Array<unknown>(n).fill(this.topic) },
      { kind: 'num' as const, type: INT, values: new Float64Array(n).fill(this.partition), valid: null },
      { kind: 'num' as const, type: LONG, values: this.offsets.slice(0, n), valid: null },
      { kind: 'num' as const, type: TIMESTAMP, values: this.timestamps.slice(0, n), valid: null },
      { kind: 'num' as const, type: INT, values: this.timestampTypes.slice(0, n), valid: null },
    ];
    if (this.includeHeaders) columns.push({ kind: 'obj' as const, type: HEADERS_TYPE, values: this.headers });
    return new ColumnBatch(this.schema, columns, n);
  }

  private grow(): void {
    const size = this.offsets.length * 2;
    const widen = (a: Float64Array): Float64Array => {
      const b = new Float64Array(size);
      b.set(a);
      return b;
    };
    this.offsets = widen(this.offsets);
    this.timestamps = widen(this.timestamps);
    this.timestampTypes = widen(this.timestampTypes);
  }
}

/** A Uint8Array view over kafkajs's Buffer slice (no copy), so rows carry plain binary values. */
function bytes(b: Buffer | null): Uint8Array | null {
  return b === null || b === undefined ? null : new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
}

/**
 * Headers as `[key, value]` structs. kafkajs decodes them into an object (repeated keys become arrays), so the
 * order is the object's: first appearance of each key, its repeats together.
 */
function headerStructs(headers: FetchedRecord['headers']): unknown[] {
  const out: unknown[] = [];
  for (const [key, v] of Object.entries(headers)) {
    if (Array.isArray(v)) for (const one of v as readonly (Buffer | null)[]) out.push([key, bytes(one)]);
    else out.push([key, bytes(v as Buffer | null)]);
  }
  return out;
}
