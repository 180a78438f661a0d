import type { StructField } from '../types/data-type.ts';
import { StructType } from '../types/schema.ts';
import { AnalysisError } from './analysis-error.ts';

/**
 * A schema whose columns may carry the name of the relation they come from (a DataFrame alias, a SQL
 * table name or alias), so `t.col` resolves to that relation's column even when another relation has
 * a column of the same name (after a join). Resolution takes it wherever it takes a StructType.
 */
export class QualifiedSchema extends StructType {
  readonly qualifiers: readonly (string | undefined)[];

  constructor(fields: readonly StructField[], qualifiers: readonly (string | undefined)[]) {
    super(fields);
    this.qualifiers = qualifiers;
  }

  /**
   * The index of the column `qualifier.name` (both case-insensitive), -1 when no column has that
   * qualifier and name; an error when several do (a self-join without aliases).
   */
  qualifiedIndex(qualifier: string, name: string): number {
    const q = qualifier.toLowerCase();
    const n = name.toLowerCase();
    const hits = this.fields.flatMap((f, i) => (this.qualifiers[i]?.toLowerCase() === q && f.name.toLowerCase() === n ? [i] : []));
    if (hits.length > 1) {
      throw new AnalysisError(`Reference \`${qualifier}\`.\`${name}\` is ambiguous, could be: ${hits.map((i) => this.display(i)).join(', ')}`);
    }
    return hits[0] ?? -1;
  }

  /** `` `t`.`col` `` when the column has a qualifier, else `` `col` ``. */
  display(i: number): string {
    const q = this.qualifiers[i];
    const name = `\`${this.fields[i]!.name}\``;
    return q === undefined ? name : `\`${q}\`.${name}`;
  }
}
