import { STRING, type DataType, type StructField } from '@caudal/core';

type StructDataType = Extract<DataType, { kind: 'struct' }>;

const NUMERIC_RANK: Partial<Record<DataType['kind'], number>> = { int: 1, long: 2, double: 3 };

/**
 * The type two inferred types merge into (Spark's JsonInferSchema.compatibleType; CSV's rules agree on
 * the scalar types it infers): equal types stay,
 * null gives way, numbers widen (long + double → double), date + timestamp → timestamp, structs merge
 * field by field (fields missing on one side stay, nullable), arrays merge their elements, and anything
 * else becomes string.
 */
export function compatibleType(a: DataType, b: DataType): DataType {
  if (a.kind === 'null') return b;
  if (b.kind === 'null') return a;
  const ra = NUMERIC_RANK[a.kind];
  const rb = NUMERIC_RANK[b.kind];
  if (ra !== undefined && rb !== undefined) return ra >= rb ? a : b;
  if (a.kind === 'struct' && b.kind === 'struct') return mergeStructs(a, b);
  if (a.kind === 'array' && b.kind === 'array') {
    return { kind: 'array', elementType: compatibleType(a.elementType, b.elementType), containsNull: a.containsNull || b.containsNull };
  }
  if (a.kind === b.kind && a.kind !== 'map') return a;
  if ((a.kind === 'date' && b.kind === 'timestamp') || (a.kind === 'timestamp' && b.kind === 'date')) return { kind: 'timestamp' };
  return STRING;
}

/** Both sides are sorted by name (inference sorts every struct), so one merge pass suffices. */
function mergeStructs(a: StructDataType, b: StructDataType): StructDataType {
  const out: StructField[] = [];
  let i = 0;
  let j = 0;
  while (i < a.fields.length || j < b.fields.length) {
    const fa = a.fields[i];
    const fb = b.fields[j];
    if (fb === undefined || (fa !== undefined && fa.name < fb.name)) {
      out.push(fa!);
      i++;
    } else if (fa === undefined || fb.name < fa.name) {
      out.push(fb);
      j++;
    } else {
      out.push({ name: fa.name, dataType: compatibleType(fa.dataType, fb.dataType), nullable: true });
      i++;
      j++;
    }
  }
  return { kind: 'struct', fields: out };
}

/** Sorts fields by name as Spark's inference does (Java String order = UTF-16 code units). */
export function byName(a: StructField, b: StructField): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}
