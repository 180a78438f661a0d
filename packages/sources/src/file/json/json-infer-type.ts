import { BOOLEAN, DOUBLE, LONG, NULL_TYPE, STRING, type DataType, type StructField } from '@caudal/core';
import { byName, compatibleType } from '../inference/compatible-type.ts';

const LONG_LIMIT = 9_223_372_036_854_775_807;

/** Whether a text may hold a floating-point literal with a whole value (`1.0`, `1.50e2`, `2E3`). */
const INTEGRAL_FLOAT_HINT = /\d\.0*(?![0-9])|\d[eE][+-]?\d/;
/** JSON strings (kept as they are) and number literals, in a text that is valid JSON. */
const TOKENS = /"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g;

/**
 * The text schema inference parses. Spark infers `1.0` as double and `1` as long: it looks at how a
 * number is written, which JSON.parse forgets. Inference needs only types, not values, so every
 * floating-point literal with a whole value becomes `0.5`, which JSON.parse keeps fractional. Other
 * literals and all strings stay as they are, so the text is valid JSON exactly when the input is.
 */
export function inferenceText(text: string): string {
  if (!INTEGRAL_FLOAT_HINT.test(text)) return text;
  TOKENS.lastIndex = 0;
  let out = '';
  let last = 0;
  for (let m = TOKENS.exec(text); m !== null; m = TOKENS.exec(text)) {
    const tok = m[0];
    if (tok.charCodeAt(0) === 34 || !isFloatLiteral(tok) || !Number.isInteger(Number(tok))) continue;
    out += `${text.slice(last, m.index)}0.5`;
    last = m.index + tok.length;
  }
  return last === 0 ? text : out + text.slice(last);
}

function isFloatLiteral(tok: string): boolean {
  for (let i = 0; i < tok.length; i++) {
    const c = tok.charCodeAt(i);
    if (c === 46 || c === 101 || c === 69) return true;
  }
  return false;
}

export interface InferSettings {
  readonly primitivesAsString: boolean;
}

/**
 * The Spark type of one parsed JSON value (JsonInferSchema.inferField): integers → long (double beyond
 * the long range), floating-point literals → double, strings → string (empty strings count as null),
 * objects → structs with fields sorted by name, arrays → arrays of the merged element type.
 * `value` comes from parsing `inferenceText`, so every floating-point literal is a fractional number.
 */
export function inferJsonType(value: unknown, settings: InferSettings): DataType {
  if (value === null) return NULL_TYPE;
  switch (typeof value) {
    case 'string':
      return value.length === 0 ? NULL_TYPE : STRING;
    case 'boolean':
      return settings.primitivesAsString ? STRING : BOOLEAN;
    case 'number':
      if (settings.primitivesAsString) return STRING;
      return Number.isInteger(value) && Math.abs(value) <= LONG_LIMIT ? LONG : DOUBLE;
    case 'object': {
      if (Array.isArray(value)) {
        let element: DataType = NULL_TYPE;
        for (let i = 0; i < value.length; i++) element = compatibleType(element, inferJsonType(value[i], settings));
        return { kind: 'array', elementType: element, containsNull: true };
      }
      const obj = value as Record<string, unknown>;
      const fields: StructField[] = [];
      for (const key of Object.keys(obj)) {
        fields.push({ name: key, dataType: inferJsonType(obj[key], settings), nullable: true });
      }
      return { kind: 'struct', fields: fields.sort(byName) };
    }
    default:
      return STRING;
  }
}
