import { ColumnBatch } from '../data/column-batch.ts';
import { layoutOf, takeVector, vectorFromValues, type ObjVector, type Vector } from '../data/vector.ts';
import type { BoundExpr } from '../expr/bound-expr.ts';
import { compileExpr, type Evaluator } from '../expr/compile-expression.ts';
import type { GeneratorFn } from '../expr/expression.ts';
import type { StructType } from '../types/schema.ts';
import type { ExecContext, PhysicalOperator } from './physical-operator.ts';

/**
 * explode / explode_outer / posexplode / posexplode_outer over arrays and maps. Each output row repeats
 * the child columns listed in `kept` (all by default; see project-over-generate.ts), then the generated ones.
 */
export class GenerateExec implements PhysicalOperator {
  readonly name = 'Generate';
  readonly children;
  private readonly input: Evaluator;
  private readonly outer: boolean;
  private readonly position: boolean;
  private readonly kept: readonly number[];

  constructor(readonly child: PhysicalOperator, readonly fn: GeneratorFn, input: BoundExpr, readonly schema: StructType, kept?: readonly number[]) {
    this.children = [child];
    this.input = compileExpr(input);
    this.outer = fn.endsWith('_outer');
    this.position = fn.startsWith('pos');
    this.kept = kept ?? child.schema.fields.map((_, i) => i);
  }

  execute(ctx: ExecContext): ColumnBatch[] {
    const out: ColumnBatch[] = [];
    const genFields = this.schema.fields.slice(this.kept.length);
    for (const b of this.child.execute(ctx)) {
      const containers = (this.input(b, ctx.eval) as ObjVector).values;
      const n = b.numRows;
      let total = 0;
      for (let i = 0; i < n; i++) {
        const c = containers[i];
        const len = c === null || c === undefined ? 0 : c instanceof Map ? c.size : (c as unknown[]).length;
        total += len === 0 && this.outer ? 1 : len;
      }
      const parent = new Int32Array(total);
      const pos: unknown[] = this.position ? new Array<unknown>(total) : [];
      const cols: unknown[][] = genFields.slice(this.position ? 1 : 0).map(() => new Array<unknown>(total));
      let k = 0;
      for (let i = 0; i < n; i++) {
        const c = containers[i];
        if (c instanceof Map) {
          let p = 0;
          for (const [key, value] of c) {
            parent[k] = i;
            if (this.position) pos[k] = p++;
            cols[0]![k] = key ?? null;
            cols[1]![k] = value ?? null;
            k++;
          }
          if (c.size === 0 && this.outer) { parent[k] = i; if (this.position) pos[k] = null; cols.forEach((col) => { col[k] = null; }); k++; }
        } else {
          const arr = (c ?? []) as unknown[];
          for (let p = 0; p < arr.length; p++) {
            parent[k] = i;
            if (this.position) pos[k] = p;
            cols[0]![k] = arr[p] ?? null;
            k++;
          }
          if (arr.length === 0 && this.outer) { parent[k] = i; if (this.position) pos[k] = null; cols[0]![k] = null; k++; }
        }
      }
      if (total === 0) continue;
      // The generated arrays hold no undefined: object columns are used as they are.
      const generated = [...(this.position ? [pos] : []), ...cols].map((values, j): Vector => {
        const type = genFields[j]!.dataType;
        return layoutOf(type) === 'obj' ? { kind: 'obj', type, values } : vectorFromValues(type, values);
      });
      const columns = [...this.kept.map((c) => takeVector(b.columns[c]!, parent, total)), ...generated];
      out.push(new ColumnBatch(this.schema, columns, total));
    }
    return out;
  }
}
