import { StructType, type DataType } from '@caudal/core';

/** Spark reads files with every field nullable, whatever `.schema(...)` says (nested fields too). */
export function asNullable(schema: StructType): StructType {
  return new StructType(schema.fields.map((f) => ({ name: f.name, dataType: nullableType(f.dataType), nullable: true })));
}

function nullableType(t: DataType): DataType {
  switch (t.kind) {
    case 'struct': return { kind: 'struct', fields: t.fields.map((f) => ({ name: f.name, dataType: nullableType(f.dataType), nullable: true })) };
    case 'array': return { kind: 'array', elementType: nullableType(t.elementType), containsNull: true };
    case 'map': return { kind: 'map', keyType: nullableType(t.keyType), valueType: nullableType(t.valueType), valueContainsNull: true };
    default: return t;
  }
}
