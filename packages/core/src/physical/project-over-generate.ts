import { referencedColumns } from '../expr/bound-expr.ts';
import { mapRefs } from '../expr/map-refs.ts';
import type { Generate, Project } from '../logical/logical-plan.ts';
import { StructType } from '../types/schema.ts';
import { GenerateExec } from './generate-exec.ts';
import type { PhysicalOperator } from './physical-operator.ts';
import { ProjectExec } from './project-exec.ts';

/**
 * A projection over a generator (`select(explode(...))`): the generator repeats per output row only the
 * child columns the projection reads, and the projection is rebound to that narrower input (Spark's
 * column pruning under Generate). `child` is the generator's planned child.
 */
export function projectOverGenerate(project: Project, generate: Generate, child: PhysicalOperator): ProjectExec {
  const width = generate.child.schema.length;
  const read = new Set<number>();
  for (const e of project.exprs) referencedColumns(e.expr, read);
  const kept = generate.child.schema.fields.map((_, i) => i).filter((i) => read.has(i));
  if (kept.length === width) {
    return new ProjectExec(new GenerateExec(child, generate.fn, generate.input, generate.schema), project.exprs, project.schema);
  }
  // Old index → new: kept child columns first, then the generated columns.
  const position = new Map<number, number>();
  kept.forEach((i, k) => position.set(i, k));
  for (let j = width; j < generate.schema.length; j++) position.set(j, kept.length + j - width);
  const schema = new StructType([...kept.map((i) => generate.schema.fields[i]!), ...generate.schema.fields.slice(width)]);
  const exprs = project.exprs.map((e) => ({ ...e, expr: mapRefs(e.expr, (r) => ({ ...r, index: position.get(r.index)! })) }));
  return new ProjectExec(new GenerateExec(child, generate.fn, generate.input, schema, kept), exprs, project.schema);
}
