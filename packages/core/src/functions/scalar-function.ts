import type { BoundExpr } from '../expr/bound-expr.ts';
import type { EvalContext } from '../expr/eval-context.ts';
import type { Vector } from '../data/vector.ts';
import type { DataType } from '../types/data-type.ts';

/**
 * A scalar SQL function (one output row per input row), evaluated a column at a time.
 * To add one: write `functions/<name>.ts` exporting a ScalarFunction and list it in functions/registry.ts;
 * it then works in the Column API (`call('name', ...)` or a named helper) and in SQL expression strings.
 *
 * @example
 * ```ts
 * import { STRING, type ObjVector, type ScalarFunction } from 'caudal';
 * // A `reverse(str)` function, as built-in functions are written (functions/<name>.ts, listed in functions/registry.ts).
 * const reverse: ScalarFunction = {
 *   name: 'reverse',
 *   resolve: () => ({ dataType: STRING, argTypes: [STRING] }),
 *   evaluate: ([s]) => {
 *     const values = (s as ObjVector).values.map((x) => (x === null ? null : [...(x as string)].reverse().join('')));
 *     return { kind: 'obj', type: STRING, values };
 *   },
 * };
 * ```
 */
export interface ScalarFunction {
  /** The name SQL expressions call it by (case-insensitive). */
  readonly name: string;
  /**
   * Checks argument count and types; returns the result type and, if arguments must be converted first,
   * the types to cast them to. Throws AnalysisError naming the function, the types and `sql`.
   */
  resolve(args: readonly BoundExpr[], sql: string): ResolvedCall;
  /**
   * Computes the whole column. `args` are evaluated vectors of the (possibly cast) argument types;
   * `resultType` is the type `resolve` returned (the output vector must carry it, e.g. a struct's field names).
   */
  evaluate(args: readonly Vector[], numRows: number, ctx: EvalContext, resultType: DataType): Vector;
}

/**
 * What `resolve` found: the result type, and the types arguments are cast to first.
 *
 * @example
 * ```ts
 * import { LONG, STRING, type ResolvedCall } from 'caudal';
 * // What `resolve` of `length(str)` returns: a long result, the argument cast to string first.
 * const resolved: ResolvedCall = { dataType: LONG, argTypes: [STRING] };
 * ```
 */
export interface ResolvedCall {
  /** The result type. */
  readonly dataType: DataType;
  /** Whether the result may be null (default: when any argument may be). */
  readonly nullable?: boolean;
  /** Per argument, the type to cast it to first, or null to leave it. */
  readonly argTypes?: readonly (DataType | null)[];
}
