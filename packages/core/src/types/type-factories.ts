import type { DataType, StructField as StructFieldShape } from './data-type.ts';
import { StructType } from './schema.ts';

// PySpark spells types as constructor calls (`StringType()`); these factories keep that spelling.
/**
 * PySpark's `StringType()`.
 *
 * @example
 * ```ts
 * import { StringType, StructField, StructType } from 'caudal';
 * const schema = new StructType([new StructField('name', StringType(), true)]);
 * // PySpark: StructType([StructField("name", StringType(), True)])
 * ```
 */
export const StringType = (): DataType => ({ kind: 'string' });
/**
 * PySpark's `BooleanType()`.
 *
 * @example
 * ```ts
 * import { BooleanType, StructField, StructType } from 'caudal';
 * const schema = new StructType([new StructField('active', BooleanType(), false)]);
 * // PySpark: StructType([StructField("active", BooleanType(), False)])
 * ```
 */
export const BooleanType = (): DataType => ({ kind: 'boolean' });
/**
 * PySpark's `IntegerType()` (32-bit).
 *
 * @example
 * ```ts
 * import { IntegerType, col } from 'caudal';
 * df.select(col('quantity').cast(IntegerType()));
 * // PySpark: df.select(F.col("quantity").cast(IntegerType()))
 * ```
 */
export const IntegerType = (): DataType => ({ kind: 'int' });
/**
 * PySpark's `LongType()` (64-bit).
 *
 * @example
 * ```ts
 * import { LongType, StructField, StructType } from 'caudal';
 * const schema = new StructType([new StructField('id', LongType(), false)]);
 * // PySpark: StructType([StructField("id", LongType(), False)])
 * ```
 */
export const LongType = (): DataType => ({ kind: 'long' });
/**
 * PySpark's `DoubleType()`.
 *
 * @example
 * ```ts
 * import { DoubleType, col } from 'caudal';
 * df.withColumn('amount', col('amount').cast(DoubleType()));
 * // PySpark: df.withColumn("amount", F.col("amount").cast(DoubleType()))
 * ```
 */
export const DoubleType = (): DataType => ({ kind: 'double' });
/**
 * PySpark's `TimestampType()`.
 *
 * @example
 * ```ts
 * import { StringType, StructField, StructType, TimestampType } from 'caudal';
 * const schema = new StructType([new StructField('word', StringType()), new StructField('ts', TimestampType())]);
 * // PySpark: StructType([StructField("word", StringType()), StructField("ts", TimestampType())])
 * ```
 */
export const TimestampType = (): DataType => ({ kind: 'timestamp' });
/**
 * PySpark's `DateType()`.
 *
 * @example
 * ```ts
 * import { DateType, StructField, StructType } from 'caudal';
 * const schema = new StructType([new StructField('order_date', DateType())]);
 * // PySpark: StructType([StructField("order_date", DateType())])
 * ```
 */
export const DateType = (): DataType => ({ kind: 'date' });
/**
 * PySpark's `BinaryType()`.
 *
 * @example
 * ```ts
 * import { BinaryType, StructField, StructType } from 'caudal';
 * const schema = new StructType([new StructField('payload', BinaryType())]);
 * // PySpark: StructType([StructField("payload", BinaryType())])
 * ```
 */
export const BinaryType = (): DataType => ({ kind: 'binary' });
/**
 * PySpark's `NullType()`.
 *
 * @example
 * ```ts
 * import { NullType, StructField, StructType } from 'caudal';
 * const schema = new StructType([new StructField('nothing', NullType())]);
 * // PySpark: StructType([StructField("nothing", NullType())])
 * ```
 */
export const NullType = (): DataType => ({ kind: 'null' });
/**
 * PySpark's `ArrayType(elementType, containsNull)`.
 *
 * @example
 * ```ts
 * import { ArrayType, StringType, StructField, StructType } from 'caudal';
 * const schema = new StructType([new StructField('tags', ArrayType(StringType(), false))]);
 * // PySpark: StructType([StructField("tags", ArrayType(StringType(), False))])
 * ```
 */
export const ArrayType = (elementType: DataType, containsNull = true): DataType => ({ kind: 'array', elementType, containsNull });
/**
 * PySpark's `MapType(keyType, valueType, valueContainsNull)`.
 *
 * @example
 * ```ts
 * import { DoubleType, MapType, StringType, StructField, StructType } from 'caudal';
 * const schema = new StructType([new StructField('prices', MapType(StringType(), DoubleType()))]);
 * // PySpark: StructType([StructField("prices", MapType(StringType(), DoubleType()))])
 * ```
 */
export const MapType = (keyType: DataType, valueType: DataType, valueContainsNull = true): DataType =>
  ({ kind: 'map', keyType, valueType, valueContainsNull });

/**
 * A field of a StructType; `new StructField('name', StringType(), true)` as in PySpark.
 *
 * @example
 * ```ts
 * import { IntegerType, StringType, StructField, StructType } from 'caudal';
 * const schema = new StructType([
 *   new StructField('name', StringType(), false),
 *   new StructField('age', IntegerType()),
 * ]);
 * // PySpark: StructType([StructField("name", StringType(), False), StructField("age", IntegerType(), True)])
 * ```
 */
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

/**
 * Nested struct type for use inside a field: `StructField('addr', structType(new StructType([...])))`.
 *
 * @example
 * ```ts
 * import { StringType, StructField, StructType, structType } from 'caudal';
 * const address = new StructType([new StructField('street', StringType()), new StructField('city', StringType())]);
 * const schema = new StructType([new StructField('name', StringType()), new StructField('addr', structType(address))]);
 * // PySpark: StructType([StructField("name", StringType()), StructField("addr", address)])
 * ```
 */
export function structType(schema: StructType): DataType {
  return schema.toDataType();
}
