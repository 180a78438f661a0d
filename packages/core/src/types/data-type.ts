/**
 * Spark SQL data types as a kind-tagged union. Values of these types flow through the engine in the
 * columnar vectors of `data/vector.ts`; `types/arrow-mapping.ts` maps them to Apache Arrow types.
 */
export type DataType =
  | { readonly kind: 'null' }
  | { readonly kind: 'string' }
  | { readonly kind: 'boolean' }
  | { readonly kind: 'int' }
  | { readonly kind: 'long' }
  | { readonly kind: 'double' }
  /** Microseconds since the epoch, UTC (Spark's TimestampType). */
  | { readonly kind: 'timestamp' }
  /** Days since the epoch. */
  | { readonly kind: 'date' }
  | { readonly kind: 'binary' }
  /** A calendar interval (`INTERVAL 10 MINUTES`): internal value `{ months, micros }`. */
  | { readonly kind: 'interval' }
  | { readonly kind: 'array'; readonly elementType: DataType; readonly containsNull: boolean }
  | { readonly kind: 'map'; readonly keyType: DataType; readonly valueType: DataType; readonly valueContainsNull: boolean }
  | { readonly kind: 'struct'; readonly fields: readonly StructField[] };

export type DataTypeKind = DataType['kind'];

export interface StructField {
  readonly name: string;
  readonly dataType: DataType;
  readonly nullable: boolean;
}

export const NULL_TYPE: DataType = { kind: 'null' };
export const STRING: DataType = { kind: 'string' };
export const BOOLEAN: DataType = { kind: 'boolean' };
export const INT: DataType = { kind: 'int' };
export const LONG: DataType = { kind: 'long' };
export const DOUBLE: DataType = { kind: 'double' };
export const TIMESTAMP: DataType = { kind: 'timestamp' };
export const DATE: DataType = { kind: 'date' };
export const BINARY: DataType = { kind: 'binary' };

export function arrayOf(elementType: DataType, containsNull = true): DataType {
  return { kind: 'array', elementType, containsNull };
}

export function mapOf(keyType: DataType, valueType: DataType, valueContainsNull = true): DataType {
  return { kind: 'map', keyType, valueType, valueContainsNull };
}

export function structOf(fields: readonly StructField[]): Extract<DataType, { kind: 'struct' }> {
  return { kind: 'struct', fields };
}

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
