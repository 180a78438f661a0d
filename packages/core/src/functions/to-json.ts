import { STRING } from '../types/data-type.ts';
import { formatterFor } from './datetime-args.ts';
import { argTypeError, checkArity } from './function-helpers.ts';
import { checkOptionsArg, readOptions } from './json-options.ts';
import { valueToJson, type JsonWriteOptions } from './value-to-json.ts';
import type { ScalarFunction } from './scalar-function.ts';

const DEFAULT_TIMESTAMP_FORMAT = "yyyy-MM-dd'T'HH:mm:ss.SSSXXX";
const DEFAULT_DATE_FORMAT = 'yyyy-MM-dd';

/**
 * `to_json(struct | array | map[, options])`: JSON text; null struct fields are left out (option
 * `ignoreNullFields`, default true); timestamps use `timestampFormat` (default `yyyy-MM-dd'T'HH:mm:ss.SSSXXX`)
 * in the session zone, dates `dateFormat` (default `yyyy-MM-dd`).
 */
export const to_json: ScalarFunction = {
  name: 'to_json',
  resolve(args, sql) {
    checkArity('to_json', args, 1, 2, sql);
    const t = args[0]!.dataType;
    if (t.kind !== 'struct' && t.kind !== 'array' && t.kind !== 'map' && t.kind !== 'null') throw argTypeError('to_json', 0, 'struct, array or map', t, sql);
    checkOptionsArg('to_json', args, 1, sql);
    return { dataType: STRING };
  },
  evaluate(args, n, ctx) {
    const v = args[0]!;
    const options = readOptions(args[1]);
    const o: JsonWriteOptions = {
      timeZone: options.get('timezone') ?? ctx.timeZone,
      timestampFormat: formatterFor(options.get('timestampformat') ?? DEFAULT_TIMESTAMP_FORMAT),
      dateFormat: formatterFor(options.get('dateformat') ?? DEFAULT_DATE_FORMAT),
      ignoreNullFields: (options.get('ignorenullfields') ?? 'true').toLowerCase() !== 'false',
    };
    const src = v.values as readonly unknown[];
    const out = new Array<unknown>(n);
    for (let i = 0; i < n; i++) {
      const x = src[i];
      out[i] = x === null || x === undefined ? null : valueToJson(v.type, x, o);
    }
    return { kind: 'obj', type: STRING, values: out };
  },
};
