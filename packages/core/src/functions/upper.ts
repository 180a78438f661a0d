import { STRING } from '../types/data-type.ts';
import { checkArity, expectArg, mapStrings } from './function-helpers.ts';
import type { ScalarFunction } from './scalar-function.ts';

export const upper: ScalarFunction = {
  name: 'upper',
  resolve(args, sql) {
    checkArity('upper', args, 1, 1, sql);
    return { dataType: STRING, argTypes: [expectArg('upper', args, 0, STRING, sql)] };
  },
  evaluate([s], _n) {
    return mapStrings(s!, STRING, (x) => x.toUpperCase());
  },
};
