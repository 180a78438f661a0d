import { drawTree } from '../logical/draw-tree.ts';
import type { PhysicalOperator } from './physical-operator.ts';
import { isStateful, type StatefulOperator } from './stateful-operator.ts';

/** The operator tree as `explain()` prints it; a stateful operator shows its id (`StateStoreSave (operator 0)`). */
export function explainPhysical(root: PhysicalOperator): string {
  return drawTree(root, (op) => (isStateful(op) ? `${op.name} (operator ${op.operatorId})` : op.name), (op) => op.children);
}

/**
 * The stateful operators of a plan, one line each with its id (the `state/<id>/` folder of the
 * checkpoint); with `withRows`, the rows each holds now (a running query's). `none` when there are none.
 */
export function describeStatefulOperators(root: PhysicalOperator, withRows: boolean): string {
  const ops: StatefulOperator[] = [];
  const visit = (op: PhysicalOperator): void => {
    op.children.forEach(visit);
    if (isStateful(op)) ops.push(op);
  };
  visit(root);
  if (ops.length === 0) return 'Stateful operators: none';
  ops.sort((a, b) => a.operatorId - b.operatorId);
  const rows = (n: number): string => `, ${n} ${n === 1 ? 'row' : 'rows'} in state`;
  const lines = ops.map((op) => `  operator ${op.operatorId}: ${op.name}${withRows ? rows(op.metrics().numRowsTotal) : ''}`);
  return ['Stateful operators:', ...lines].join('\n');
}
