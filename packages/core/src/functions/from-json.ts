import { AnalysisError } from '../analyzer/analysis-error.ts';
import type { ObjVector } from '../data/vector.ts';
import type { DataType } from '../types/data-type.ts';
import { STRING } from '../types/data-type.ts';
import { formatterFor } from './datetime-args.ts';
import { checkArity, expectArg, literalArg } from './function-helpers.ts';
import { checkOptionsArg, readOptions } from './json-options.ts';
import { JsonParser, JsonSyntaxError, type JsonValue } from './json-parser.ts';
import { parseJsonSchema } from './json-schema.ts';
import { MISMATCH, jsonToValue, type JsonReadOptions } from './json-to-value.ts';
import type { ScalarFunction } from './scalar-function.ts';

/**
 * `from_json(json, schema[, options])`: parses JSON text into a struct, array or map. In PERMISSIVE mode
 * (the default) malformed text gives a struct of nulls (null for array and map schemas), and a field whose
 * value does not fit its type is null while the other fields are kept. `mode` FAILFAST raises instead.
 * Options: `mode`, `timestampFormat`, `dateFormat`.
 */
export const from_json: ScalarFunction = {
  name: 'from_json',
  resolve(args, sql) {
    checkArity('from_json', args, 2, 3, sql);
    const schema = literalArg('from_json', args, 1, sql);
    if (typeof schema !== 'string') throw new AnalysisError(`Cannot resolve '${sql}': the schema of from_json must be a string literal (DDL) or a StructType`);
    checkOptionsArg('from_json', args, 2, sql);
    const type = parseJsonSchema(schema, sql);
    return { dataType: type, argTypes: [expectArg('from_json', args, 0, STRING, sql), null, null] };
  },
  evaluate(args, n, ctx, type) {
    const src = (args[0] as ObjVector).values;
    const options = readOptions(args[2]);
    const mode = (options.get('mode') ?? 'PERMISSIVE').toUpperCase();
    if (mode !== 'PERMISSIVE' && mode !== 'FAILFAST') {
      throw new Error(`from_json() doesn't support the ${mode} mode. Acceptable modes are PERMISSIVE and FAILFAST.`);
    }
    const tsFormat = options.get('timestampformat');
    const dateFormat = options.get('dateformat');
    const read: JsonReadOptions = {
      timeZone: options.get('timezone') ?? ctx.timeZone,
      timestampFormat: tsFormat === undefined ? null : formatterFor(tsFormat),
      dateFormat: dateFormat === undefined ? null : formatterFor(dateFormat),
    };
    const parser = new JsonParser();
    const out = new Array<unknown>(n);
    for (let i = 0; i < n; i++) {
      const s = src[i];
      if (typeof s !== 'string') { out[i] = null; continue; }
      let v: JsonValue | undefined;
      try {
        v = parser.parse(s);
      } catch (e) {
        if (!(e instanceof JsonSyntaxError)) throw e;
        if (mode === 'FAILFAST') throw malformed(s);
        out[i] = malformedResult(type);
        continue;
      }
      // Blank text has no record at all: null. A JSON `null` is a record that is not an object: malformed.
      if (v === undefined) { out[i] = null; continue; }
      const r = v === null ? MISMATCH : convertRoot(type, v, read);
      if (r === MISMATCH) {
        if (mode === 'FAILFAST') throw malformed(s);
        out[i] = malformedResult(type);
      } else if (r instanceof PartialRow) {
        if (mode === 'FAILFAST') throw malformed(s);
        out[i] = r.values;
      } else out[i] = r;
    }
    return { kind: 'obj', type, values: out };
  },
};

/** A top-level struct where some fields did not convert (kept as nulls). */
class PartialRow {
  constructor(readonly values: unknown[]) {}
}

function convertRoot(type: DataType, v: JsonValue, o: JsonReadOptions): unknown {
  if (type.kind === 'struct') {
    if (!(v instanceof Map)) return MISMATCH;
    const out = new Array<unknown>(type.fields.length);
    let partial = false;
    for (let i = 0; i < type.fields.length; i++) {
      const f = type.fields[i]!;
      const x = v.get(f.name);
      const c = x === undefined ? null : jsonToValue(f.dataType, x, o);
      if (c === MISMATCH) { partial = true; out[i] = null; } else out[i] = c;
    }
    return partial ? new PartialRow(out) : out;
  }
  // An object where an array of structs is expected is read as a one-element array, as Spark does.
  if (type.kind === 'array' && type.elementType.kind === 'struct' && v instanceof Map) {
    const el = jsonToValue(type.elementType, v, o);
    return el === MISMATCH ? MISMATCH : [el];
  }
  return jsonToValue(type, v, o);
}

function malformedResult(type: DataType): unknown {
  return type.kind === 'struct' ? new Array<unknown>(type.fields.length).fill(null) : null;
}

function malformed(record: string): Error {
  return new Error(
    `[MALFORMED_RECORD_IN_PARSING] Malformed records are detected in record parsing: ${record}. Parse Mode: FAILFAST. To process malformed records as null result, try setting the option 'mode' as 'PERMISSIVE'.`,
  );
}
