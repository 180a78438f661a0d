import { QualifiedSchema } from '../analyzer/qualified-schema.ts';
import type { StructType } from '../types/schema.ts';
import { columnQualifiers } from './join-builder.ts';
import type { LogicalPlan } from './logical-plan.ts';

/**
 * The schema expressions over `plan` resolve against: its columns, each with the alias or table name
 * that qualifies it (`df.alias('a')`, `FROM t`, `FROM t AS a`), so `a.col` names one column.
 * The plain schema when no column has a qualifier.
 */
export function scopeOf(plan: LogicalPlan): StructType {
  const qualifiers = columnQualifiers(plan);
  return qualifiers.some((q) => q !== undefined) ? new QualifiedSchema(plan.schema.fields, qualifiers) : plan.schema;
}
