import type { StructType } from '@caudal/core';
import { isBlank, splitLines } from '../content/split-lines.ts';
import type { ParsedFile } from '../file-format.ts';
import { ConversionFailure } from '../malformed/conversion-failure.ts';
import { corruptRecordLayout } from '../malformed/corrupt-record-column.ts';
import { JsonBatchWriter } from './json-batch-writer.ts';
import { jsonConverter } from './json-converter.ts';
import { fastJsonObjectReader } from './json-fast-record.ts';
import type { JsonConfig } from './json-options.ts';
import { describeRoot, jsonRecords, parseRecord, type JsonRecord, type ParsedRecord } from './json-records.ts';

/**
 * One JSON file into rows of `schema` (Spark's JacksonParser over JSON Lines or a multi-line document).
 * A record is an object (one row) or an array of objects (one row each). Malformed records (bad JSON,
 * another top-level value, a value that does not fit its field's type) follow `mode`; a field that does
 * not fit leaves the record's other top-level fields in place (Spark's partial results).
 * JSON Lines records go through the schema-driven fast path first (json-fast-record.ts), which gives
 * the same rows; `fast` false (for tests) parses every record the general way.
 */
export function parseJsonFile(path: string, text: string, config: JsonConfig, schema: StructType, fast = true): ParsedFile {
  const layout = corruptRecordLayout(schema, config.common.corruptColumn);
  const out = new JsonBatchWriter(schema, layout, config.common.mode, path);
  const names = layout.dataSchema.fields.map((f) => f.name);
  const converters = layout.dataSchema.fields.map((f) => jsonConverter(f.dataType, config));
  const target = layout.dataIndices;
  const row = out.row;

  /** Fills `row` from one object; returns the first failure's description, or null. */
  const fill = (obj: Record<string, unknown>): string | null => {
    let failure: string | null = null;
    for (let j = 0; j < names.length; j++) {
      const name = names[j]!;
      if (!Object.hasOwn(obj, name)) continue;
      try {
        row[target[j]!] = converters[j]!(obj[name]);
      } catch (e) {
        if (!(e instanceof ConversionFailure)) throw e;
        failure ??= e.describe(name);
      }
    }
    return failure;
  };

  /** The general path: `parsed` is JSON.parse's outcome for the record. */
  const general = (record: JsonRecord, parsed: ParsedRecord): void => {
    if (!parsed.ok) {
      out.emitMalformed(parsed.line, parsed.reason, record.text, false);
      return;
    }
    const value = parsed.value;
    if (isObject(value)) {
      const failure = fill(value);
      if (failure === null) out.emit();
      else out.emitMalformed(record.line, failure, record.text, true);
    } else if (Array.isArray(value)) {
      emitArray(value, record.text, record.line, fill, out);
    } else {
      out.emitMalformed(record.line, `expected a JSON object or an array of objects but found ${describeRoot(value)}`, record.text, false);
    }
  };

  if (config.multiLine) {
    for (const record of jsonRecords(text, true, config.common.lineSep)) general(record, parseRecord(record));
    return out.finish();
  }
  const fastObject = fast ? fastJsonObjectReader(layout.dataSchema, target, config, out) : null;
  const lines = jsonLines(text, config.common.lineSep);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    // An object line (the usual case) is parsed here once; anything else, and JSON.parse's errors, go the general way.
    if (fastObject !== null && line.charCodeAt(0) === 0x7b) {
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        general({ text: line, line: i + 1 }, parseRecord({ text: line, line: i + 1 }));
        continue;
      }
      if (isObject(value) && fastObject(value)) continue;
      general({ text: line, line: i + 1 }, { ok: true, value });
    } else if (!isBlank(line)) {
      const record = { text: line, line: i + 1 };
      general(record, parseRecord(record));
    }
  }
  return out.finish();
}

/** splitLines, with a plain split when no line ends in CR (faster than the regular expression). */
function jsonLines(text: string, lineSep: string | undefined): string[] {
  if (lineSep !== undefined || text.length === 0 || text.includes('\r')) return splitLines(text, lineSep);
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** A top-level array: one row per object; if any element is bad, the whole record is one malformed row. */
function emitArray(values: readonly unknown[], raw: string, line: number, fill: (o: Record<string, unknown>) => string | null, out: JsonBatchWriter): void {
  const rows: unknown[][] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    const failure = isObject(v) ? fill(v) : `array element [${i}] is ${describeRoot(v)}, not an object`;
    if (failure !== null) {
      out.emitMalformed(line, failure, raw, false);
      return;
    }
    rows.push([...out.row]);
    out.row.fill(null);
  }
  for (const r of rows) {
    for (let c = 0; c < r.length; c++) out.row[c] = r[c];
    out.emit();
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}
