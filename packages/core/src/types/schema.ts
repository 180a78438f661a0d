import { type DataType, type StructField, simpleString, typeName } from './data-type.ts';

/**
 * A row schema: an ordered list of named, typed fields. Immutable. Mirrors PySpark's `StructType`
 * (`new StructType([new StructField('a', StringType(), true)])`, `.add(...)`, `.fieldNames()`).
 */
export class StructType {
  readonly kind = 'struct' as const;
  readonly fields: readonly StructField[];

  constructor(fields: readonly StructField[] = []) {
    this.fields = fields.map((f) => ({ name: f.name, dataType: f.dataType, nullable: f.nullable }));
  }

  add(name: string, dataType: DataType, nullable = true): StructType {
    return new StructType([...this.fields, { name, dataType, nullable }]);
  }

  fieldNames(): string[] {
    return this.fields.map((f) => f.name);
  }

  get length(): number {
    return this.fields.length;
  }

  /** Exact-name lookup; resolution with Spark's case-insensitivity lives in the analyzer. */
  indexOf(name: string): number {
    return this.fields.findIndex((f) => f.name === name);
  }

  toDataType(): Extract<DataType, { kind: 'struct' }> {
    return { kind: 'struct', fields: this.fields };
  }

  simpleString(): string {
    return simpleString(this.toDataType());
  }

  /** Spark's `treeString`, as printed by `printSchema()`. */
  treeString(): string {
    const lines = ['root'];
    appendFields(lines, this.fields, ' |');
    return lines.join('\n') + '\n';
  }

  toString(): string {
    return `StructType(${this.fields.map((f) => `StructField(${f.name},${simpleString(f.dataType)},${f.nullable})`).join(',')})`;
  }

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
