import type { BoundExpr } from '../expr/bound-expr.ts';
import type { EvalContext } from '../expr/eval-context.ts';
import type { Vector } from '../data/vector.ts';
import type { DataType } from '../types/data-type.ts';

/**
 * A scalar SQL function (one output row per input row), evaluated a column at a time.
 * To add one: write `functions/<name>.ts` exporting a ScalarFunction and list it in functions/registry.ts;
 * it then works in the Column API (`call('name', ...)` or a named helper) and in SQL expression strings.
 */
export interface ScalarFunction {
  readonly name: string;
  /**
   * Checks argument count and types; returns the result type and, if arguments must be converted first,
   * the types to cast them to. Throws AnalysisError naming the function, the types and `sql`.
   */
  resolve(args: readonly BoundExpr[], sql: string): ResolvedCall;
  /** Computes the whole column. `args` are evaluated vectors of the (possibly cast) argument types. */
  evaluate(args: readonly Vector[], numRows: number, ctx: EvalContext): Vector;
}

export interface ResolvedCall {
  readonly dataType: DataType;
  readonly nullable?: boolean;
  readonly argTypes?: readonly (DataType | null)[];
}
