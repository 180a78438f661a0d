/**
 * Spark SQL data types as a kind-tagged union. Values of these types flow through the engine in the
 * columnar vectors of `data/vector.ts`; `types/arrow-mapping.ts` maps them to Apache Arrow types.
 *
 * @example
 * ```ts
 * import { DOUBLE, STRING, StructType, arrayOf, simpleString, type DataType } from 'caudal';
 * const tags: DataType = arrayOf(STRING);
 * const schema = new StructType().add('name', STRING).add('score', DOUBLE).add('tags', tags);
 * // The kind tag narrows the union, e.g. to reach an array's element type.
 * for (const f of df.schema.fields) {
 *   if (f.dataType.kind === 'array') console.log(f.name, simpleString(f.dataType.elementType));
 * }
 * ```
 */
export type DataType =
  | {
    /** The type of a null literal (Spark's `void`). */
    readonly kind: 'null';
  }
  | {
    /** Text (Spark's `string`). */
    readonly kind: 'string';
  }
  | {
    /** Booleans. */
    readonly kind: 'boolean';
  }
  | {
    /** 32-bit integers (Spark's `int`). */
    readonly kind: 'int';
  }
  | {
    /** 64-bit integers (Spark's `bigint`). */
    readonly kind: 'long';
  }
  | {
    /** 64-bit floating point. */
    readonly kind: 'double';
  }
  /** Microseconds since the epoch, UTC (Spark's TimestampType). */
  | {
    /** Instants (Spark's `timestamp`). */
    readonly kind: 'timestamp';
  }
  /** Days since the epoch. */
  | {
    /** Calendar dates. */
    readonly kind: 'date';
  }
  | {
    /** Byte strings. */
    readonly kind: 'binary';
  }
  /** A calendar interval (`INTERVAL 10 MINUTES`): internal value `{ months, micros }`. */
  | {
    /** Calendar intervals. */
    readonly kind: 'interval';
  }
  | {
    /** Arrays of one element type. */
    readonly kind: 'array';
    /** The type of the elements. */
    readonly elementType: DataType;
    /** Whether elements may be null. */
    readonly containsNull: boolean;
  }
  | {
    /** Maps from keys of one type to values of one type. */
    readonly kind: 'map';
    /** The type of the keys (never null). */
    readonly keyType: DataType;
    /** The type of the values. */
    readonly valueType: DataType;
    /** Whether values may be null. */
    readonly valueContainsNull: boolean;
  }
  | {
    /** Records of named fields. */
    readonly kind: 'struct';
    /** The fields, in order. */
    readonly fields: readonly StructField[];
  };

/**
 * The names of the data types (`'string'`, `'long'`, ...).
 *
 * @example
 * ```ts
 * import type { DataTypeKind } from 'caudal';
 * const numeric: readonly DataTypeKind[] = ['int', 'long', 'double'];
 * const numericColumns = df.schema.fields.filter((f) => numeric.includes(f.dataType.kind)).map((f) => f.name);
 * ```
 */
export type DataTypeKind = DataType['kind'];

export interface StructField {
  readonly name: string;
  readonly dataType: DataType;
  readonly nullable: boolean;
}

/**
 * The type of a null literal (Spark's `void`).
 *
 * @example
 * ```ts
 * import { NULL_TYPE, StructType } from 'caudal';
 * // The type of `lit(null)`; Spark's NullType() (`void` in DDL).
 * const schema = new StructType().add('nothing', NULL_TYPE);
 * ```
 */
export const NULL_TYPE: DataType = { kind: 'null' };
/**
 * Strings (Spark's `string`).
 *
 * @example
 * ```ts
 * import { STRING, StructType } from 'caudal';
 * const schema = new StructType().add('word', STRING);
 * // PySpark: StructType().add("word", StringType())
 * ```
 */
export const STRING: DataType = { kind: 'string' };
/**
 * Booleans.
 *
 * @example
 * ```ts
 * import { BOOLEAN, StructType } from 'caudal';
 * const schema = new StructType().add('active', BOOLEAN, false);
 * // PySpark: StructType().add("active", BooleanType(), False)
 * ```
 */
export const BOOLEAN: DataType = { kind: 'boolean' };
/**
 * 32-bit integers (Spark's `int`).
 *
 * @example
 * ```ts
 * import { INT, StructType, col } from 'caudal';
 * const schema = new StructType().add('quantity', INT);
 * df.select(col('quantity').cast(INT));
 * // PySpark: df.select(F.col("quantity").cast(IntegerType()))
 * ```
 */
export const INT: DataType = { kind: 'int' };
/**
 * 64-bit integers (Spark's `bigint`), exact up to 2^53.
 *
 * @example
 * ```ts
 * import { LONG, STRING, StructType } from 'caudal';
 * const schema = new StructType().add('word', STRING).add('count', LONG);
 * // PySpark: StructType().add("word", StringType()).add("count", LongType())
 * ```
 */
export const LONG: DataType = { kind: 'long' };
/**
 * 64-bit floating point.
 *
 * @example
 * ```ts
 * import { DOUBLE, StructType, col } from 'caudal';
 * const schema = new StructType().add('temp', DOUBLE);
 * df.select(col('price').cast(DOUBLE).alias('price'));
 * // PySpark: df.select(F.col("price").cast(DoubleType()).alias("price"))
 * ```
 */
export const DOUBLE: DataType = { kind: 'double' };
/**
 * Instants with microsecond precision (Spark's `timestamp`).
 *
 * @example
 * ```ts
 * import { DOUBLE, STRING, StructType, TIMESTAMP } from 'caudal';
 * const readings = new StructType().add('sensor', STRING).add('temp', DOUBLE).add('ts', TIMESTAMP);
 * spark.readStream.schema(readings).json('data/readings');
 * // PySpark: spark.readStream.schema(StructType().add("ts", TimestampType()) ...).json("data/readings")
 * ```
 */
export const TIMESTAMP: DataType = { kind: 'timestamp' };
/**
 * Calendar dates (days since 1970-01-01).
 *
 * @example
 * ```ts
 * import { DATE, StructType } from 'caudal';
 * const schema = new StructType().add('order_date', DATE);
 * // PySpark: StructType().add("order_date", DateType())
 * ```
 */
export const DATE: DataType = { kind: 'date' };
/**
 * Byte strings (Uint8Array).
 *
 * @example
 * ```ts
 * import { BINARY, STRING, col } from 'caudal';
 * // Kafka keys and values are binary; cast them to text.
 * const kafka = spark.readStream.format('kafka').option('kafka.bootstrap.servers', 'localhost:9092').option('subscribe', 'events').load();
 * kafka.select(col('value').cast(STRING).alias('json'));
 * kafka.schema.fields.filter((f) => f.dataType.kind === BINARY.kind); // key, value
 * // PySpark: kafka.select(F.col("value").cast("string").alias("json"))
 * ```
 */
export const BINARY: DataType = { kind: 'binary' };

/**
 * An array type.
 *
 * @example
 * ```ts
 * import { STRING, StructType, arrayOf } from 'caudal';
 * const schema = new StructType().add('tags', arrayOf(STRING, false));
 * // PySpark: StructType().add("tags", ArrayType(StringType(), False))
 * ```
 */
export function arrayOf(elementType: DataType, containsNull = true): DataType {
  return { kind: 'array', elementType, containsNull };
}

/**
 * A map type.
 *
 * @example
 * ```ts
 * import { DOUBLE, STRING, StructType, mapOf } from 'caudal';
 * const schema = new StructType().add('prices', mapOf(STRING, DOUBLE));
 * // PySpark: StructType().add("prices", MapType(StringType(), DoubleType()))
 * ```
 */
export function mapOf(keyType: DataType, valueType: DataType, valueContainsNull = true): DataType {
  return { kind: 'map', keyType, valueType, valueContainsNull };
}

/**
 * A struct type with these fields.
 *
 * @example
 * ```ts
 * import { STRING, StructType, field, structOf } from 'caudal';
 * const address = structOf([field('street', STRING), field('city', STRING)]);
 * const schema = new StructType().add('name', STRING).add('address', address);
 * // PySpark: StructType().add("address", StructType([StructField("street", StringType()), StructField("city", StringType())]))
 * ```
 */
export function structOf(fields: readonly StructField[]): Extract<DataType, { kind: 'struct' }> {
  return { kind: 'struct', fields };
}

/**
 * A struct field (nullable by default).
 *
 * @example
 * ```ts
 * import { LONG, STRING, StructType, field } from 'caudal';
 * const schema = new StructType([field('id', LONG, false), field('name', STRING)]);
 * // PySpark: StructType([StructField("id", LongType(), False), StructField("name", StringType())])
 * ```
 */
export function field(name: string, dataType: DataType, nullable = true): StructField {
  return { name, dataType, nullable };
}

/** Types whose values live in a Float64Array inside the engine (see data/vector.ts). */
export function isNumericStorage(t: DataType): boolean {
  return t.kind === 'int' || t.kind === 'long' || t.kind === 'double' || t.kind === 'timestamp' || t.kind === 'date';
}

export function isNumeric(t: DataType): boolean {
  return t.kind === 'int' || t.kind === 'long' || t.kind === 'double';
}

export function isIntegral(t: DataType): boolean {
  return t.kind === 'int' || t.kind === 'long';
}

/**
 * Spark's `simpleString` (used in error messages and DDL): `int`, `bigint`, `array<string>`, `struct<a:int>`.
 *
 * @example
 * ```ts
 * import { LONG, STRING, mapOf, simpleString } from 'caudal';
 * simpleString(LONG); // 'bigint'
 * simpleString(mapOf(STRING, LONG)); // 'map<string,bigint>'
 * // PySpark: LongType().simpleString()
 * ```
 */
export function simpleString(t: DataType): string {
  switch (t.kind) {
    case 'null': return 'void';
    case 'string': return 'string';
    case 'boolean': return 'boolean';
    case 'int': return 'int';
    case 'long': return 'bigint';
    case 'double': return 'double';
    case 'timestamp': return 'timestamp';
    case 'date': return 'date';
    case 'binary': return 'binary';
    case 'interval': return 'interval';
    case 'array': return `array<${simpleString(t.elementType)}>`;
    case 'map': return `map<${simpleString(t.keyType)},${simpleString(t.valueType)}>`;
    case 'struct': return `struct<${t.fields.map((f) => `${f.name}:${simpleString(f.dataType)}`).join(',')}>`;
  }
}

/**
 * The name `printSchema()` shows for a type (Spark's `typeName`).
 *
 * @example
 * ```ts
 * import { INT, LONG, typeName } from 'caudal';
 * typeName(INT); // 'integer', as printSchema() shows it
 * typeName(LONG); // 'long'
 * // PySpark: IntegerType().typeName()
 * ```
 */
export function typeName(t: DataType): string {
  switch (t.kind) {
    case 'long': return 'long';
    case 'int': return 'integer';
    case 'null': return 'void';
    default: return t.kind;
  }
}

/**
 * Whether two types are equal (field names, element types and nullability included).
 *
 * @example
 * ```ts
 * import { LONG, STRING, StructType, sameType } from 'caudal';
 * const expected = new StructType().add('word', STRING).add('count', LONG);
 * if (!sameType(counts.schema.toDataType(), expected.toDataType())) throw new Error('unexpected schema');
 * ```
 */
export function sameType(a: DataType, b: DataType): boolean {
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case 'array': {
      const o = b as typeof a;
      return sameType(a.elementType, o.elementType);
    }
    case 'map': {
      const o = b as typeof a;
      return sameType(a.keyType, o.keyType) && sameType(a.valueType, o.valueType);
    }
    case 'struct': {
      const o = b as typeof a;
      return a.fields.length === o.fields.length &&
        a.fields.every((f, i) => f.name === o.fields[i]!.name && sameType(f.dataType, o.fields[i]!.dataType));
    }
    default:
      return true;
  }
}

/** The wider of two numeric types (Spark's numeric precedence int < long < double), or undefined. */
export function widerNumeric(a: DataType, b: DataType): DataType | undefined {
  if (!isNumeric(a) && a.kind !== 'null') return undefined;
  if (!isNumeric(b) && b.kind !== 'null') return undefined;
  const rank = (t: DataType): number => (t.kind === 'null' ? 0 : t.kind === 'int' ? 1 : t.kind === 'long' ? 2 : 3);
  return rank(a) >= rank(b) ? (a.kind === 'null' ? b : a) : b;
}
