import { AnalysisError } from '../analyzer/analysis-error.ts';
import { parseDataType } from '../expr/parser/parse-data-type.ts';
import { parseTableSchema } from '../expr/parser/parse-table-schema.ts';
import type { DataType } from '../types/data-type.ts';
import { simpleString } from '../types/data-type.ts';

/**
 * The schema argument of from_json: a type (`array<int>`, `map<string,int>`, `struct<a:int>`) or a table
 * schema in DDL (`a INT, b STRING`). Every level is made nullable, as Spark does with the given schema.
 */
export function parseJsonSchema(text: string, sql: string): DataType {
  let t: DataType;
  try {
    t = parseDataType(text);
  } catch {
    try {
      t = parseTableSchema(text).toDataType();
    } catch (e) {
      throw new AnalysisError(`Cannot parse the schema of '${sql}': ${(e as Error).message}`);
    }
  }
  if (t.kind !== 'struct' && t.kind !== 'array' && t.kind !== 'map') {
    throw new AnalysisError(`Cannot resolve '${sql}' due to data type mismatch: Input schema ${simpleString(t)} must be a struct, an array or a map.`);
  }
  return asNullable(t);
}

function asNullable(t: DataType): DataType {
  switch (t.kind) {
    case 'array': return { kind: 'array', elementType: asNullable(t.elementType), containsNull: true };
    case 'map': return { kind: 'map', keyType: t.keyType, valueType: asNullable(t.valueType), valueContainsNull: true };
    case 'struct': return { kind: 'struct', fields: t.fields.map((f) => ({ name: f.name, dataType: asNullable(f.dataType), nullable: true })) };
    default: return t;
  }
}

/** A type as DDL text that parseDataType reads back (field names backquoted), for schemas given as objects. */
export function typeToDDL(t: DataType): string {
  switch (t.kind) {
    case 'array': return `array<${typeToDDL(t.elementType)}>`;
    case 'map': return `map<${typeToDDL(t.keyType)},${typeToDDL(t.valueType)}>`;
    case 'struct': return `struct<${t.fields.map((f) => `\`${f.name.replaceAll('`', '``')}\`:${typeToDDL(f.dataType)}${f.nullable ? '' : ' NOT NULL'}`).join(',')}>`;
    default: return simpleString(t);
  }
}
