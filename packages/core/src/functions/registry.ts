import { AnalysisError } from '../analyzer/analysis-error.ts';
import { lower } from './lower.ts';
import type { ScalarFunction } from './scalar-function.ts';
import { split } from './split.ts';
import { upper } from './upper.ts';

/** Every scalar function by lower-case name. Add a function: one file in functions/, one entry here. */
const FUNCTIONS: ReadonlyMap<string, ScalarFunction> = new Map(
  [lower, upper, split].map((f) => [f.name, f]),
);

export function lookupFunction(name: string): ScalarFunction {
  const f = FUNCTIONS.get(name.toLowerCase());
  if (!f) throw new AnalysisError(`Undefined function: ${name}. This function is neither a built-in function nor a temporary function`);
  return f;
}

export function functionNames(): string[] {
  return [...FUNCTIONS.keys()].sort();
}
