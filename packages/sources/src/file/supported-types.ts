import { AnalysisError, simpleString, type DataType, type StructType } from '@caudal/core';

/**
 * Fails, as Spark does when the DataFrame is defined, for a schema field whose type the format cannot
 * read: `JSON data source does not support interval data type.`
 */
export function checkSupportedTypes(schema: StructType, formatName: string, supports: (t: DataType) => boolean): void {
  for (const f of schema.fields) {
    const bad = unsupported(f.dataType, supports);
    if (bad !== undefined) throw new AnalysisError(`${formatName} data source does not support ${simpleString(bad)} data type.`);
  }
}

function unsupported(t: DataType, supports: (t: DataType) => boolean): DataType | undefined {
  if (!supports(t)) return t;
  switch (t.kind) {
    case 'array': return unsupported(t.elementType, supports);
    case 'map': return unsupported(t.keyType, supports) ?? unsupported(t.valueType, supports);
    case 'struct':
      for (const f of t.fields) {
        const bad = unsupported(f.dataType, supports);
        if (bad !== undefined) return bad;
      }
      return undefined;
    default: return undefined;
  }
}
