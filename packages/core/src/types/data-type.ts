/**
 * Spark SQL data types as a kind-tagged union. Values of these types flow through the engine in the
 * columnar vectors of `data/vector.ts`; `types/arrow-mapping.ts` maps them to Apache Arrow types.
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

/** The names of the data types (`'string'`, `'long'`, ...). */
export type DataTypeKind = DataType['kind'];

export interface StructField {
  readonly name: string;
  readonly dataType: DataType;
  readonly nullable: boolean;
}

/** The type of a null literal (Spark's `void`). */
export const NULL_TYPE: DataType = { kind: 'null' };
/** Strings (Spark's `string`). */
export const STRING: DataType = { kind: 'string' };
/** Booleans. */
export const BOOLEAN: DataType = { kind: 'boolean' };
/** 32-bit integers (Spark's `int`). */
export const INT: DataType = { kind: 'int' };
/** 64-bit integers (Spark's `bigint`), exact up to 2^53. */
export const LONG: DataType = { kind: 'long' };
/** 64-bit floating point. */
export const DOUBLE: DataType = { kind: 'double' };
/** Instants with microsecond precision (Spark's `timestamp`). */
export const TIMESTAMP: DataType = { kind: 'timestamp' };
/** Calendar dates (days since 1970-01-01). */
export const DATE: DataType = { kind: 'date' };
/** Byte strings (Uint8Array). */
export const BINARY: DataType = { kind: 'binary' };

/** An array type. */
export function arrayOf(elementType: DataType, containsNull = true): DataType {
  return { kind: 'array', elementType, containsNull };
}

/** A map type. */
export function mapOf(keyType: DataType, valueType: DataType, valueContainsNull = true): DataType {
  return { kind: 'map', keyType, valueType, valueContainsNull };
}

/** A struct type with these fields. */
export function structOf(fields: readonly StructField[]): Extract<DataType, { kind: 'struct' }> {
  return { kind: 'struct', fields };
}

/** A struct field (nullable by default). */
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

/** Spark's `simpleString` (used in error messages and DDL): `int`, `bigint`, `array<string>`, `struct<a:int>`. */
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

/** The name `printSchema()` shows for a type (Spark's `typeName`). */
export function typeName(t: DataType): string {
  switch (t.kind) {
    case 'long': return 'long';
    case 'int': return 'integer';
    case 'null': return 'void';
    default: return t.kind;
  }
}

/** Whether two types are equal (field names, element types and nullability included). */
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
