import type { ObjVector } from '../data/vector.ts';
import { STRING } from '../types/data-type.ts';
import { checkArity, expectArg } from './function-helpers.ts';
import { JsonParser, JsonSyntaxError, type JsonValue } from './json-parser.ts';
import { evaluateJsonPath, parseJsonPath, type PathStep } from './json-path.ts';
import { writeJson } from './json-writer.ts';
import type { ScalarFunction } from './scalar-function.ts';

/**
 * `get_json_object(json, path)`: the value at a JSONPath (`$.a.b[0]`, `$['key']`, `$.items[*].id`);
 * strings come back unquoted, other values as compact JSON; null for malformed JSON, an invalid path or
 * no match.
 */
export const get_json_object: ScalarFunction = {
  name: 'get_json_object',
  resolve(args, sql) {
    checkArity('get_json_object', args, 2, 2, sql);
    return { dataType: STRING, argTypes: [expectArg('get_json_object', args, 0, STRING, sql), expectArg('get_json_object', args, 1, STRING, sql)] };
  },
  evaluate([json, path], n) {
    const src = (json as ObjVector).values;
    const paths = (path as ObjVector).values;
    const parser = new JsonParser(true);
    const out = new Array<unknown>(n);
    let lastPath: unknown = null;
    let steps: PathStep[] | null = null;
    for (let i = 0; i < n; i++) {
      const s = src[i];
      const p = paths[i];
      if (typeof s !== 'string' || typeof p !== 'string') { out[i] = null; continue; }
      if (p !== lastPath) { steps = parseJsonPath(p); lastPath = p; }
      if (steps === null) { out[i] = null; continue; }
      let v: JsonValue | undefined;
      try {
        v = parser.parse(s);
      } catch (e) {
        if (!(e instanceof JsonSyntaxError)) throw e;
        out[i] = null;
        continue;
      }
      const r = v === undefined ? undefined : evaluateJsonPath(v, steps);
      out[i] = r === undefined || r === null ? null : typeof r === 'string' ? r : writeJson(r);
    }
    return { kind: 'obj', type: STRING, values: out };
  },
};
