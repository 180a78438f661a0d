import type { DataType, StructField as StructFieldShape } from './data-type.ts';
import { StructType } from './schema.ts';

// PySpark spells types as constructor calls (`StringType()`); these factories keep that spelling.
/** PySpark's `StringType()`. */
export const StringType = (): DataType => ({ kind: 'string' });
/** PySpark's `BooleanType()`. */
export const BooleanType = (): DataType => ({ kind: 'boolean' });
/** PySpark's `IntegerType()` (32-bit). */
export const IntegerType = (): DataType => ({ kind: 'int' });
/** PySpark's `LongType()` (64-bit). */
export const LongType = (): DataType => ({ kind: 'long' });
/** PySpark's `DoubleType()`. */
export const DoubleType = (): DataType => ({ kind: 'double' });
/** PySpark's `TimestampType()`. */
export const TimestampType = (): DataType => ({ kind: 'timestamp' });
/** PySpark's `DateType()`. */
export const DateType = (): DataType => ({ kind: 'date' });
/** PySpark's `BinaryType()`. */
export const BinaryType = (): DataType => ({ kind: 'binary' });
/** PySpark's `NullType()`. */
export const NullType = (): DataType => ({ kind: 'null' });
/** PySpark's `ArrayType(elementType, containsNull)`. */
export const ArrayType = (elementType: DataType, containsNull = true): DataType => ({ kind: 'array', elementType, containsNull });
/** PySpark's `MapType(keyType, valueType, valueContainsNull)`. */
export const MapType = (keyType: DataType, valueType: DataType, valueContainsNull = true): DataType =>
  ({ kind: 'map', keyType, valueType, valueContainsNull });

/** A field of a StructType; `new StructField('name', StringType(), true)` as in PySpark. */
export class StructField implements StructFieldShape {
  constructor(
    /** The field name. */
    readonly name: string,
    /** The field type. */
    readonly dataType: DataType,
    /** Whether the field may hold nulls. */
    readonly nullable = true,
  ) {}
}

/** Nested struct type for use inside a field: `StructField('addr', structType(new StructType([...])))`. */
export function structType(schema: StructType): DataType {
  return schema.toDataType();
}
