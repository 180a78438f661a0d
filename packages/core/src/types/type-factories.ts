import type { DataType, StructField as StructFieldShape } from './data-type.ts';
import { StructType } from './schema.ts';

// PySpark spells types as constructor calls (`StringType()`); these factories keep that spelling.
export const StringType = (): DataType => ({ kind: 'string' });
export const BooleanType = (): DataType => ({ kind: 'boolean' });
export const IntegerType = (): DataType => ({ kind: 'int' });
export const LongType = (): DataType => ({ kind: 'long' });
export const DoubleType = (): DataType => ({ kind: 'double' });
export const TimestampType = (): DataType => ({ kind: 'timestamp' });
export const DateType = (): DataType => ({ kind: 'date' });
export const BinaryType = (): DataType => ({ kind: 'binary' });
export const NullType = (): DataType => ({ kind: 'null' });
export const ArrayType = (elementType: DataType, containsNull = true): DataType => ({ kind: 'array', elementType, containsNull });
export const MapType = (keyType: DataType, valueType: DataType, valueContainsNull = true): DataType =>
  ({ kind: 'map', keyType, valueType, valueContainsNull });

/** A field of a StructType; `new StructField('name', StringType(), true)` as in PySpark. */
export class StructField implements StructFieldShape {
  constructor(readonly name: string, readonly dataType: DataType, readonly nullable = true) {}
}

/** Nested struct type for use inside a field: `StructField('addr', structType(new StructType([...])))`. */
export function structType(schema: StructType): DataType {
  return schema.toDataType();
}
