import { AnalysisError, type DataType, type StructType } from '@caudal/core';
import { formatTitle, type FileFormatName } from './file-format-name.ts';
import { sqlId, sqlType } from './sql-type.ts';

/**
 * Fails at start for a column the format cannot hold, with Spark's message. `schema` is what goes inside
 * the files (partition columns removed). Text needs exactly one string column; CSV holds only flat values
 * (binary too is refused: Spark would write a Java object name); JSON and Parquet hold nested values;
 * no format stores intervals.
 */
export function checkDataTypes(format: FileFormatName, schema: StructType): void {
  // The column count first (Spark checks types first): with two columns, the count is the useful message.
  if (format === 'text' && schema.length !== 1) {
    throw new AnalysisError(`Text data source supports only a single column, and you have ${schema.length} columns.`);
  }
  for (const f of schema.fields) {
    if (!supports(format, f.dataType)) {
      throw new AnalysisError(
        `[UNSUPPORTED_DATA_TYPE_FOR_DATASOURCE] The ${formatTitle(format)} datasource doesn't support the column ${sqlId(f.name)} of the type "${sqlType(f.dataType)}".`,
      );
    }
  }
}

function supports(format: FileFormatName, t: DataType): boolean {
  switch (format) {
    case 'text':
      return t.kind === 'string';
    case 'csv':
      return isFlat(t) && t.kind !== 'binary' && t.kind !== 'null';
    case 'json':
      return nestedSupport(t, true);
    case 'parquet':
      return nestedSupport(t, false);
  }
}

function isFlat(t: DataType): boolean {
  return t.kind !== 'array' && t.kind !== 'map' && t.kind !== 'struct' && t.kind !== 'interval';
}

function nestedSupport(t: DataType, allowNull: boolean): boolean {
  switch (t.kind) {
    case 'interval': return false;
    case 'null': return allowNull;
    case 'array': return nestedSupport(t.elementType, allowNull);
    case 'map': return nestedSupport(t.keyType, allowNull) && nestedSupport(t.valueType, allowNull);
    case 'struct': return t.fields.every((f) => nestedSupport(f.dataType, allowNull));
    default: return true;
  }
}
