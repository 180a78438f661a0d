import type { DataType } from '@caudal/core';

/** Spark's `DataType.sql` (`INT`, `ARRAY<BIGINT>`, `STRUCT<a: INT>`), as its error messages quote types. */
export function sqlType(t: DataType): string {
  switch (t.kind) {
    case 'null': return 'VOID';
    case 'string': return 'STRING';
    case 'boolean': return 'BOOLEAN';
    case 'int': return 'INT';
    case 'long': return 'BIGINT';
    case 'double': return 'DOUBLE';
    case 'timestamp': return 'TIMESTAMP';
    case 'date': return 'DATE';
    case 'binary': return 'BINARY';
    case 'interval': return 'INTERVAL';
    case 'array': return `ARRAY<${sqlType(t.elementType)}>`;
    case 'map': return `MAP<${sqlType(t.keyType)}, ${sqlType(t.valueType)}>`;
    case 'struct': return `STRUCT<${t.fields.map((f) => `${quoteIdentifier(f.name)}: ${sqlType(f.dataType)}`).join(', ')}>`;
  }
}

/** A name in backticks, as Spark's `toSQLId` quotes column names (inner backticks doubled). */
export function sqlId(name: string): string {
  return `\`${name.replace(/`/g, '``')}\``;
}

function quoteIdentifier(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : sqlId(name);
}
