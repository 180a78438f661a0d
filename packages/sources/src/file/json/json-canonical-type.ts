import { STRING, type DataType, type StructField } from '@caudal/core';

/**
 * Spark's canonicalizeType after inference: fields seen only as null (or "") become string (or are
 * dropped with `dropFieldIfAllNull`), structs left without fields and fields with empty names disappear.
 * Undefined means "drop this".
 */
export function canonicalType(t: DataType, dropFieldIfAllNull: boolean): DataType | undefined {
  switch (t.kind) {
    case 'null':
      return dropFieldIfAllNull ? undefined : STRING;
    case 'array': {
      const e = canonicalType(t.elementType, dropFieldIfAllNull);
      return e === undefined ? undefined : { kind: 'array', elementType: e, containsNull: t.containsNull };
    }
    case 'struct': {
      const fields: StructField[] = [];
      for (const f of t.fields) {
        if (f.name === '') continue;
        const ft = canonicalType(f.dataType, dropFieldIfAllNull);
        if (ft !== undefined) fields.push({ name: f.name, dataType: ft, nullable: f.nullable });
      }
      return fields.length === 0 ? undefined : { kind: 'struct', fields };
    }
    default:
      return t;
  }
}
