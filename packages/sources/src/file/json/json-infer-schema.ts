import { AnalysisError, STRING, StructType, type DataType, type StructField } from '@caudal/core';
import { readFileTextSync } from '../content/read-file-text.ts';
import type { InputFile } from '../listing/list-files.ts';
import { MalformedRecordError } from '../malformed/malformed-record-error.ts';
import { byName, compatibleType } from '../inference/compatible-type.ts';
import { canonicalType } from './json-canonical-type.ts';
import { inferJsonType, inferenceText } from './json-infer-type.ts';
import type { JsonConfig } from './json-options.ts';
import { describeRoot, jsonRecords, parseRecord, type ParsedRecord } from './json-records.ts';

/**
 * Spark's JSON schema inference over every record of every file: the record types merged with
 * `compatibleType` (a top-level array contributes its elements), then canonicalized. Records that are
 * not JSON objects follow `mode`: PERMISSIVE adds the corrupt-record column, DROPMALFORMED skips them,
 * FAILFAST fails naming the file and line.
 */
export function inferJsonSchema(files: readonly InputFile[], config: JsonConfig): StructType {
  if (files.length === 0) throw new AnalysisError('Unable to infer schema for JSON. It must be specified manually.');
  const { mode, corruptColumn, lineSep } = config.common;
  let root: DataType = { kind: 'struct', fields: [] };
  let sawCorrupt = false;
  for (const file of files) {
    const text = readFileTextSync(file.path);
    for (const record of jsonRecords(text, config.multiLine, lineSep)) {
      const parsed = parseForInference(record.text) ?? parseRecord(record);
      let type: DataType;
      if (parsed.ok) {
        type = inferJsonType(parsed.value, config);
        while (type.kind === 'array') type = type.elementType;
        if (type.kind === 'null') continue;
        if (type.kind === 'struct') {
          root = compatibleType(root, type);
          continue;
        }
      }
      // A syntax error, or a top-level value that is not an object.
      if (mode === 'DROPMALFORMED') continue;
      if (mode === 'FAILFAST') {
        const reason = parsed.ok ? `expected a JSON object but found ${describeRoot(parsed.value)}` : parsed.reason;
        throw new MalformedRecordError({ path: file.path, line: parsed.ok ? record.line : parsed.line, reason }, 'schema inference');
      }
      sawCorrupt = true;
    }
  }
  const canonical = canonicalType(root, config.dropFieldIfAllNull);
  const fields: StructField[] = canonical?.kind === 'struct' ? [...canonical.fields] : [];
  if (sawCorrupt && !fields.some((f) => f.name === corruptColumn)) {
    fields.push({ name: corruptColumn, dataType: STRING, nullable: true });
    fields.sort(byName);
  }
  return new StructType(fields);
}

/** The record parsed from its inference text; undefined when it is not valid JSON (parseRecord explains why). */
function parseForInference(text: string): ParsedRecord | undefined {
  try {
    return { ok: true, value: JSON.parse(inferenceText(text)) };
  } catch {
    return undefined;
  }
}
