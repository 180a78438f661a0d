import { type DataType, type StructField, simpleString, typeName } from './data-type.ts';

/**
 * A row schema: an ordered list of named, typed fields. Immutable. Mirrors PySpark's `StructType`
 * (`new StructType([new StructField('a', StringType(), true)])`, `.add(...)`, `.fieldNames()`).
 *
 * @example
 * ```ts
 * import { DOUBLE, STRING, StructType, parseTableSchema } from 'caudal';
 * const schema = new StructType().add('name', STRING).add('amount', DOUBLE, false);
 * const same = parseTableSchema('name STRING, amount DOUBLE NOT NULL');
 * ```
 */
export class StructType {
  /** Always `struct`: a StructType is also a struct DataType. */
  readonly kind = 'struct' as const;
  /** The fields, in order. */
  readonly fields: readonly StructField[];

  constructor(fields: readonly StructField[] = []) {
    this.fields = fields.map((f) => ({ name: f.name, dataType: f.dataType, nullable: f.nullable }));
  }

  /** A new StructType with one more field. */
  add(name: string, dataType: DataType, nullable = true): StructType {
    return new StructType([...this.fields, { name, dataType, nullable }]);
  }

  /** The field names, in order. */
  fieldNames(): string[] {
    return this.fields.map((f) => f.name);
  }

  /** The number of fields. */
  get length(): number {
    return this.fields.length;
  }

  /** Exact-name lookup; resolution with Spark's case-insensitivity lives in the analyzer. */
  indexOf(name: string): number {
    return this.fields.findIndex((f) => f.name === name);
  }

  /** The schema as a struct DataType. */
  toDataType(): Extract<DataType, { kind: 'struct' }> {
    return { kind: 'struct', fields: this.fields };
  }

  /** Spark's simple string, e.g. `struct<word:string,count:bigint>`. */
  simpleString(): string {
    return simpleString(this.toDataType());
  }

  /** Spark's `treeString`, as printed by `printSchema()`. */
  treeString(): string {
    const lines = ['root'];
    appendFields(lines, this.fields, ' |');
    return lines.join('\n') + '\n';
  }

  /** Spark's `StructType(...)` form. */
  toString(): string {
    return `StructType(${this.fields.map((f) => `StructField(${f.name},${simpleString(f.dataType)},${f.nullable})`).join(',')})`;
  }

  /** The StructType of a struct DataType. */
  static fromDataType(t: Extract<DataType, { kind: 'struct' }>): StructType {
    return new StructType(t.fields);
  }
}

function appendFields(lines: string[], fields: readonly StructField[], prefix: string): void {
  for (const f of fields) {
    lines.push(`${prefix}-- ${f.name}: ${typeName(f.dataType)} (nullable = ${f.nullable})`);
    appendNested(lines, f.dataType, `${prefix}    |`);
  }
}

function appendNested(lines: string[], t: DataType, prefix: string): void {
  switch (t.kind) {
    case 'struct':
      appendFields(lines, t.fields, prefix);
      return;
    case 'array':
      lines.push(`${prefix}-- element: ${typeName(t.elementType)} (containsNull = ${t.containsNull})`);
      appendNested(lines, t.elementType, `${prefix}    |`);
      return;
    case 'map':
      lines.push(`${prefix}-- key: ${typeName(t.keyType)}`);
      appendNested(lines, t.keyType, `${prefix}    |`);
      lines.push(`${prefix}-- value: ${typeName(t.valueType)} (valueContainsNull = ${t.valueContainsNull})`);
      appendNested(lines, t.valueType, `${prefix}    |`);
      return;
    default:
      return;
  }
}
