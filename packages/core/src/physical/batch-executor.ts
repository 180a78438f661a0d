import { checkBatchQuery } from '../analyzer/unsupported-operation-checker.ts';
import type { ColumnBatch } from '../data/column-batch.ts';
import type { EvalContext } from '../expr/eval-context.ts';
import type { LogicalPlan } from '../logical/logical-plan.ts';
import { planPhysical } from './physical-planner.ts';

/** Runs a static plan to completion: reads every leaf (async I/O), then executes the operators. */
export async function executeBatchPlan(plan: LogicalPlan, evalCtx: EvalContext, action: string): Promise<ColumnBatch[]> {
  checkBatchQuery(plan, action);
  const planned = planPhysical(plan, { incremental: false });
  const inputs = new Map<LogicalPlan, readonly ColumnBatch[]>();
  for (const leaf of planned.leaves) {
    switch (leaf.kind) {
      case 'localRelation':
        inputs.set(leaf, leaf.batches);
        break;
      case 'tableScan':
        inputs.set(leaf, leaf.provider.snapshot());
        break;
      case 'batchRelation': {
        if (!leaf.provider.createBatchSource) throw new Error(`Data source ${leaf.format} does not support batch reads`);
        inputs.set(leaf, await leaf.provider.createBatchSource(leaf.options, leaf.schema).read());
        break;
      }
      default:
        throw new Error(`internal: unexpected leaf ${leaf.kind} in a batch query`);
    }
  }
  return planned.root.execute({ eval: evalCtx, inputs, batchId: 0, outputMode: 'append' });
}
