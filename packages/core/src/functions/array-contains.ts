import { AnalysisError } from '../analyzer/analysis-error.ts';
import { valueAt } from '../data/vector.ts';
import { valuesEqual } from '../expr/compare-values.ts';
import { BOOLEAN, simpleString } from '../types/data-type.ts';
import { checkArity, widerType } from './function-helpers.ts';
import type { ScalarFunction } from './scalar-function.ts';

/**
 * `array_contains(arr, value)`: true when an element equals value; null when either is null, or when
 * there is no match but the array holds a null (three-valued logic, as Spark).
 */
export const array_contains: ScalarFunction = {
  name: 'array_contains',
  resolve(args, sql) {
    checkArity('array_contains', args, 2, 2, sql);
    const t = args[0]!.dataType;
    const v = args[1]!.dataType;
    // As Spark (DATATYPE_MISMATCH.NULL_TYPE): an untyped NULL argument is an analysis error, not a null result.
    if (t.kind === 'null' || v.kind === 'null') {
      throw new AnalysisError(`Cannot resolve '${sql}' due to data type mismatch: Null typed values cannot be used as arguments of \`array_contains\``);
    }
    const common = t.kind === 'array' ? widerType(t.elementType, v) : undefined;
    // Only numeric widening (and null) is implicit here; a string never matches a number.
    if (t.kind !== 'array' || !common || (common.kind === 'string' && (t.elementType.kind !== 'string' || v.kind !== 'string'))) {
      throw new AnalysisError(
        `Cannot resolve '${sql}' due to data type mismatch: Input to function array_contains should have been array followed by a value with same element type, but it's [${simpleString(t)}, ${simpleString(v)}]`,
      );
    }
    return { dataType: BOOLEAN, argTypes: [{ kind: 'array', elementType: common, containsNull: t.containsNull }, common] };
  },
  evaluate([arr, value], n) {
    const arrays = arr!.values as readonly unknown[];
    const elementType = value!.type;
    const out = new Uint8Array(n);
    const valid = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const a = arrays[i] as readonly unknown[] | null | undefined;
      const x = valueAt(value!, i);
      if (a === null || a === undefined || x === null) continue;
      let sawNull = false;
      let hit = false;
      for (const e of a) {
        if (e === null || e === undefined) sawNull = true;
        else if (e === x || valuesEqual(elementType, e, x)) { hit = true; break; }
      }
      if (hit) { out[i] = 1; valid[i] = 1; } else if (!sawNull) valid[i] = 1;
    }
    return { kind: 'bool', type: BOOLEAN, values: out, valid };
  },
};
