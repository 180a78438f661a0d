import { AnalysisError } from '../analyzer/analysis-error.ts';
import type { ColumnBatch } from '../data/column-batch.ts';
import type { LogicalPlan } from '../logical/logical-plan.ts';
import type { StructType } from '../types/schema.ts';

/**
 * A table whose contents are read when a query over it runs (a memory sink's table).
 *
 * @example
 * ```ts
 * import { ColumnBatch, LONG, StructType, vectorFromValues, type TableProvider } from 'caudal';
 * const schema = new StructType().add('n', LONG);
 * const numbers: TableProvider = { schema, snapshot: () => [new ColumnBatch(schema, [vectorFromValues(LONG, [1, 2, 3])], 3)] };
 * spark.catalog.registerTable('numbers', numbers);
 * await spark.table('numbers').show();
 * ```
 */
export interface TableProvider {
  /** The table's columns. */
  readonly schema: StructType;
  /** A snapshot of the current rows. */
  snapshot(): readonly ColumnBatch[];
}

export type CatalogEntry =
  | { readonly kind: 'table'; readonly provider: TableProvider }
  | { readonly kind: 'view'; readonly plan: LogicalPlan };

/**
 * One entry of `catalog.listTables()`, as PySpark's `Table`.
 *
 * @example
 * ```ts
 * import type { TableInfo } from 'caudal';
 * const tables: TableInfo[] = spark.catalog.listTables();
 * for (const t of tables) console.log(t.name, t.tableType, t.isStreaming); // counts TEMPORARY false
 * // PySpark: for t in spark.catalog.listTables(): print(t.name, t.tableType, t.isTemporary)
 * ```
 */
export interface TableInfo {
  /** The table or view name. */
  readonly name: string;
  /** Always `TEMPORARY`: Caudal has only session-scoped tables. */
  readonly tableType: 'TEMPORARY';
  /** Always true. */
  readonly isTemporary: true;
  /** Whether reading it gives a streaming DataFrame. */
  readonly isStreaming: boolean;
}

/**
 * The session's temporary tables and views, by case-insensitive name.
 *
 * @example
 * ```ts
 * df.createOrReplaceTempView('orders');
 * console.log(spark.catalog.listTables().map((t) => t.name)); // ['orders']
 * spark.catalog.dropTempView('orders'); // true
 * // PySpark: spark.catalog.listTables(); spark.catalog.dropTempView("orders")
 * ```
 */
export class Catalog {
  private readonly entries = new Map<string, { name: string; entry: CatalogEntry }>();

  /** Registers (or replaces) a table read through `provider`, e.g. a memory sink's. */
  registerTable(name: string, provider: TableProvider): void {
    this.entries.set(name.toLowerCase(), { name, entry: { kind: 'table', provider } });
  }

  /** Registers a temporary view over a plan; throws when the name is taken and `replace` is false. */
  registerView(name: string, plan: LogicalPlan, replace: boolean): void {
    if (!replace && this.entries.has(name.toLowerCase())) {
      throw new AnalysisError(`Temporary view '${name}' already exists`);
    }
    this.entries.set(name.toLowerCase(), { name, entry: { kind: 'view', plan } });
  }

  /** The table or view of that name; throws AnalysisError when there is none. */
  lookup(name: string): CatalogEntry {
    const e = this.entries.get(name.toLowerCase());
    if (!e) {
      // In listTables' order.
      const known = [...this.entries.values()].map((x) => x.name).sort((a, b) => a.localeCompare(b));
      throw new AnalysisError(`Table or view not found: ${name}. Known tables and views: ${known.length ? known.join(', ') : '(none)'}`);
    }
    return e.entry;
  }

  /** Removes a table or view; whether it existed. */
  dropTempView(name: string): boolean {
    return this.entries.delete(name.toLowerCase());
  }

  /** The session's tables and views, sorted by name. */
  listTables(): TableInfo[] {
    return [...this.entries.values()]
      .map((e) => ({ name: e.name, tableType: 'TEMPORARY' as const, isTemporary: true as const, isStreaming: e.entry.kind === 'view' && e.entry.plan.streaming }))
      .sort((a, b) => a.name.localeCompare(b.name));
  }
}
