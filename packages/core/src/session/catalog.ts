import { AnalysisError } from '../analyzer/analysis-error.ts';
import type { ColumnBatch } from '../data/column-batch.ts';
import type { LogicalPlan } from '../logical/logical-plan.ts';
import type { StructType } from '../types/schema.ts';

/** A table whose contents are read when a query over it runs (a memory sink's table). */
export interface TableProvider {
  readonly schema: StructType;
  /** A snapshot of the current rows. */
  snapshot(): readonly ColumnBatch[];
}

export type CatalogEntry =
  | { readonly kind: 'table'; readonly provider: TableProvider }
  | { readonly kind: 'view'; readonly plan: LogicalPlan };

export interface TableInfo {
  readonly name: string;
  readonly tableType: 'TEMPORARY';
  readonly isTemporary: true;
  readonly isStreaming: boolean;
}

/** The session's temporary tables and views, by case-insensitive name. */
export class Catalog {
  private readonly entries = new Map<string, { name: string; entry: CatalogEntry }>();

  registerTable(name: string, provider: TableProvider): void {
    this.entries.set(name.toLowerCase(), { name, entry: { kind: 'table', provider } });
  }

  registerView(name: string, plan: LogicalPlan, replace: boolean): void {
    if (!replace && this.entries.has(name.toLowerCase())) {
      throw new AnalysisError(`Temporary view '${name}' already exists`);
    }
    this.entries.set(name.toLowerCase(), { name, entry: { kind: 'view', plan } });
  }

  lookup(name: string): CatalogEntry {
    const e = this.entries.get(name.toLowerCase());
    if (!e) {
      const known = [...this.entries.values()].map((x) => x.name).sort();
      throw new AnalysisError(`Table or view not found: ${name}. Known tables and views: ${known.length ? known.join(', ') : '(none)'}`);
    }
    return e.entry;
  }

  dropTempView(name: string): boolean {
    return this.entries.delete(name.toLowerCase());
  }

  listTables(): TableInfo[] {
    return [...this.entries.values()]
      .map((e) => ({ name: e.name, tableType: 'TEMPORARY' as const, isTemporary: true as const, isStreaming: e.entry.kind === 'view' && e.entry.plan.streaming }))
      .sort((a, b) => a.name.localeCompare(b.name));
  }
}
