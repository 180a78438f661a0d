import * as arrow from 'apache-arrow';
import type { DataType } from '../types/data-type.ts';
import { StructType } from '../types/schema.ts';
import { ColumnBatch } from './column-batch.ts';
import type { Vector } from './vector.ts';
import { vectorFromValues } from './vector.ts';

/**
 * Spark type → Arrow type.
 *
 * @example
 * ```ts
 * import { TIMESTAMP, toArrowType } from 'caudal';
 * String(toArrowType(TIMESTAMP)); // 'Timestamp<MICROSECOND, UTC>'
 * ```
 */
export function toArrowType(t: DataType): arrow.DataType {
  switch (t.kind) {
    case 'null': return new arrow.Null();
    case 'string': return new arrow.Utf8();
    case 'boolean': return new arrow.Bool();
    case 'int': return new arrow.Int32();
    case 'long': return new arrow.Int64();
    case 'double': return new arrow.Float64();
    case 'timestamp': return new arrow.TimestampMicrosecond('UTC');
    case 'date': return new arrow.DateDay();
    case 'binary': return new arrow.Binary();
    case 'interval': return new arrow.IntervalMonthDayNano();
    case 'array': return new arrow.List(new arrow.Field('element', toArrowType(t.elementType), t.containsNull));
    case 'map':
      return new arrow.Map_(new arrow.Field('entries', new arrow.Struct<Record<string, arrow.DataType>>([
        new arrow.Field('key', toArrowType(t.keyType), false),
        new arrow.Field('value', toArrowType(t.valueType), t.valueContainsNull),
      ]), false) as arrow.Field<never>);
    case 'struct':
      return new arrow.Struct(t.fields.map((f) => new arrow.Field(f.name, toArrowType(f.dataType), f.nullable)));
  }
}

/**
 * Arrow type → Spark type; throws for Arrow types Spark has no equivalent for.
 *
 * @example
 * ```ts
 * import { fromArrowType, simpleString } from 'caudal';
 * const table = await df.toArrow();
 * for (const f of table.schema.fields) console.log(f.name, simpleString(fromArrowType(f.type, f.name)));
 * ```
 */
export function fromArrowType(t: arrow.DataType, where: string): DataType {
  if (arrow.DataType.isNull(t)) return { kind: 'null' };
  if (arrow.DataType.isUtf8(t) || arrow.DataType.isLargeUtf8(t)) return { kind: 'string' };
  if (arrow.DataType.isBool(t)) return { kind: 'boolean' };
  if (arrow.DataType.isInt(t)) return t.bitWidth <= 32 && (t.isSigned || t.bitWidth < 32) ? { kind: 'int' } : { kind: 'long' };
  if (arrow.DataType.isFloat(t)) return { kind: 'double' };
  if (arrow.DataType.isTimestamp(t)) return { kind: 'timestamp' };
  if (arrow.DataType.isDate(t)) return { kind: 'date' };
  if (arrow.DataType.isBinary(t) || arrow.DataType.isLargeBinary(t) || arrow.DataType.isFixedSizeBinary(t)) return { kind: 'binary' };
  if (arrow.DataType.isList(t) || arrow.DataType.isFixedSizeList(t)) {
    const child = t.children[0]!;
    return { kind: 'array', elementType: fromArrowType(child.type, where), containsNull: child.nullable };
  }
  if (arrow.DataType.isMap(t)) {
    const entries = t.children[0]!.type as arrow.Struct;
    const [k, v] = entries.children;
    return { kind: 'map', keyType: fromArrowType(k!.type, where), valueType: fromArrowType(v!.type, where), valueContainsNull: v!.nullable };
  }
  if (arrow.DataType.isStruct(t)) {
    return { kind: 'struct', fields: t.children.map((f) => ({ name: f.name, dataType: fromArrowType(f.type, `${where}.${f.name}`), nullable: f.nullable })) };
  }
  throw new TypeError(`${where}: Arrow type ${String(t)} has no Spark SQL equivalent`);
}

/**
 * The Apache Arrow schema of a Caudal schema.
 *
 * @example
 * ```ts
 * import { toArrowSchema } from 'caudal';
 * const arrowSchema = toArrowSchema(df.schema);
 * console.log(arrowSchema.fields.map((f) => `${f.name}: ${String(f.type)}`));
 * ```
 */
export function toArrowSchema(schema: StructType): arrow.Schema {
  return new arrow.Schema(schema.fields.map((f) => new arrow.Field(f.name, toArrowType(f.dataType), f.nullable)));
}

/**
 * The Caudal schema of an Apache Arrow schema (throws for Arrow types Caudal has no type for).
 *
 * @example
 * ```ts
 * import { fromArrowSchema } from 'caudal';
 * const table = await df.toArrow();
 * console.log(fromArrowSchema(table.schema).simpleString()); // e.g. struct<word:string,count:bigint>
 * ```
 */
export function fromArrowSchema(schema: arrow.Schema): StructType {
  return new StructType(schema.fields.map((f) => ({ name: f.name, dataType: fromArrowType(f.type, f.name), nullable: f.nullable })));
}

const utf8 = new TextEncoder();

function validityBitmap(valid: Uint8Array | null, n: number): { bitmap: Uint8Array | undefined; nulls: number } {
  if (valid === null) return { bitmap: undefined, nulls: 0 };
  const bitmap = new Uint8Array(((n + 63) >> 6) << 3);
  let nulls = 0;
  for (let i = 0; i < n; i++) {
    if (valid[i] === 1) bitmap[i >> 3]! |= 1 << (i & 7);
    else nulls++;
  }
  return { bitmap: nulls === 0 ? undefined : bitmap, nulls };
}

/**
 * One engine vector → one Arrow Data. Fixed-width and string columns are built straight into buffers.
 *
 * @example
 * ```ts
 * import { LONG, vectorFromValues, vectorToArrow } from 'caudal';
 * const data = vectorToArrow(vectorFromValues(LONG, [1, null, 3]), 3);
 * data.nullCount; // 1
 * ```
 */
export function vectorToArrow(v: Vector, n: number): arrow.Data {
  const type = toArrowType(v.type);
  if (v.kind === 'num') {
    const { bitmap, nulls } = validityBitmap(v.valid, n);
    const src = v.values;
    switch (v.type.kind) {
      case 'double':
        return arrow.makeData({ type: type as arrow.Float64, length: n, nullCount: nulls, nullBitmap: bitmap, data: src });
      case 'int': case 'date':
        return arrow.makeData({ type: type as arrow.Int32, length: n, nullCount: nulls, nullBitmap: bitmap, data: Int32Array.from(src) });
      default: {
        const out = new BigInt64Array(n);
        for (let i = 0; i < n; i++) out[i] = BigInt(Math.trunc(src[i]!));
        return arrow.makeData({ type: type as arrow.Int64, length: n, nullCount: nulls, nullBitmap: bitmap, data: out });
      }
    }
  }
  if (v.kind === 'bool') {
    const { bitmap, nulls } = validityBitmap(v.valid, n);
    const bits = new Uint8Array(((n + 63) >> 6) << 3);
    for (let i = 0; i < n; i++) if (v.values[i] === 1) bits[i >> 3]! |= 1 << (i & 7);
    return arrow.makeData({ type: type as arrow.Bool, length: n, nullCount: nulls, nullBitmap: bitmap, data: bits });
  }
  if (v.type.kind === 'string') {
    const offsets = new Int32Array(n + 1);
    let bytes = new Uint8Array(Math.max(16, n * 8));
    let pos = 0;
    const valid = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const s = v.values[i];
      if (typeof s === 'string') {
        valid[i] = 1;
        const need = pos + s.length * 3;
        if (need > bytes.length) {
          const grown = new Uint8Array(Math.max(need, bytes.length * 2));
          grown.set(bytes.subarray(0, pos));
          bytes = grown;
        }
        pos += utf8.encodeInto(s, bytes.subarray(pos)).written;
      }
      offsets[i + 1] = pos;
    }
    const { bitmap, nulls } = validityBitmap(valid, n);
    return arrow.makeData({ type: type as arrow.Utf8, length: n, nullCount: nulls, nullBitmap: bitmap, valueOffsets: offsets, data: bytes.subarray(0, pos) });
  }
  const js = v.values.map((x) => toArrowJs(v.type, x));
  return arrow.vectorFromArray(js, type).data[0]!;
}

/** Internal value → the JS value Arrow's builders take (ms for timestamps, objects for structs). */
function toArrowJs(t: DataType, x: unknown): unknown {
  if (x === null || x === undefined) return null;
  switch (t.kind) {
    case 'timestamp': return Math.floor((x as number) / 1000);
    case 'date': return (x as number) * 86_400_000;
    case 'long': return BigInt(Math.trunc(x as number));
    case 'array': return (x as unknown[]).map((e) => toArrowJs(t.elementType, e));
    case 'map': {
      const m = new Map<unknown, unknown>();
      for (const [k, v] of x as Map<unknown, unknown>) m.set(toArrowJs(t.keyType, k), toArrowJs(t.valueType, v));
      return m;
    }
    case 'struct': {
      const arr = x as unknown[];
      const o: Record<string, unknown> = {};
      t.fields.forEach((f, i) => { o[f.name] = toArrowJs(f.dataType, arr[i]); });
      return o;
    }
    default: return x;
  }
}

/** Arrow JS value → internal value. */
function fromArrowJs(t: DataType, x: unknown): unknown {
  if (x === null || x === undefined) return null;
  switch (t.kind) {
    case 'timestamp': return (x instanceof Date ? x.getTime() : Number(x)) * 1000;
    case 'date': return Math.floor((x instanceof Date ? x.getTime() : Number(x)) / 86_400_000);
    case 'long': case 'int': case 'double': return Number(x);
    case 'array': return Array.from(x as Iterable<unknown>, (e) => fromArrowJs(t.elementType, e));
    case 'map': {
      const m = new Map<unknown, unknown>();
      const entries = x instanceof Map ? x.entries() : Object.entries((x as { toJSON(): object }).toJSON());
      for (const [k, v] of entries) m.set(fromArrowJs(t.keyType, k), fromArrowJs(t.valueType, v));
      return m;
    }
    case 'struct': {
      const row = x as Record<string, unknown>;
      return t.fields.map((f) => fromArrowJs(f.dataType, row[f.name]));
    }
    default: return x;
  }
}

/**
 * One batch as an Apache Arrow record batch.
 *
 * @example
 * ```ts
 * import { batchToArrow, type Sink } from 'caudal';
 * // A sink that hands each micro-batch to an Arrow consumer.
 * const arrowSink: Sink = {
 *   description: 'ArrowSink',
 *   async addBatch(batch) {
 *     for (const b of batch.batches) console.log(batchToArrow(b).numRows);
 *   },
 *   async stop() {},
 * };
 * ```
 */
export function batchToArrow(batch: ColumnBatch): arrow.RecordBatch {
  const schema = toArrowSchema(batch.schema);
  const children = batch.columns.map((c) => vectorToArrow(c, batch.numRows));
  const data = arrow.makeData({ type: new arrow.Struct(schema.fields), length: batch.numRows, nullCount: 0, children });
  return new arrow.RecordBatch(schema, data);
}

/**
 * Batches as one Apache Arrow table with the given schema (an empty table when there are none).
 *
 * @example
 * ```ts
 * import { batchesToArrowTable, type SinkBatch } from 'caudal';
 * // What `batch.toArrow()` returns: the micro-batch as one Arrow table.
 * const toTable = (batch: SinkBatch) => batchesToArrowTable(batch.schema, batch.batches);
 * ```
 */
export function batchesToArrowTable(schema: StructType, batches: readonly ColumnBatch[]): arrow.Table {
  if (batches.length === 0) return new arrow.Table(toArrowSchema(schema));
  return new arrow.Table(batches.map(batchToArrow));
}

/**
 * Arrow table → engine batches (one per Arrow record batch).
 *
 * @example
 * ```ts
 * import { arrowTableToBatches } from 'caudal';
 * const { schema, batches } = arrowTableToBatches(await df.toArrow());
 * console.log(schema.simpleString(), batches.length);
 * ```
 */
export function arrowTableToBatches(table: arrow.Table): {
  /** The table's columns. */
  schema: StructType;
  /** Its rows, one batch per Arrow record batch. */
  batches: ColumnBatch[];
} {
  const schema = fromArrowSchema(table.schema);
  const batches = table.batches.map((rb) => {
    const columns = schema.fields.map((f, i) => {
      const col = rb.getChildAt(i)!;
      const values: unknown[] = new Array<unknown>(rb.numRows);
      for (let r = 0; r < rb.numRows; r++) values[r] = fromArrowJs(f.dataType, col.get(r));
      return vectorFromValues(f.dataType, values);
    });
    return new ColumnBatch(schema, columns, rb.numRows);
  });
  return { schema, batches };
}
