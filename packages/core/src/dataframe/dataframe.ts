import type { Table } from 'apache-arrow';
import { AnalysisError } from '../analyzer/analysis-error.ts';
import { batchesToArrowTable } from '../data/arrow-convert.ts';
import { ColumnBatch, totalRows } from '../data/column-batch.ts';
import { rowToExternal, type Row } from '../data/external-values.ts';
import { showString } from '../display/show-string.ts';
import type { Expr } from '../expr/expression.ts';
import { parseExpression, parseNamedExpression } from '../expr/parser/parse-expression.ts';
import type { LogicalPlan } from '../logical/logical-plan.ts';
import {
  buildDeduplicate, buildFilter, buildLimit, buildProject, buildSort, buildUnion, buildWatermark,
} from '../logical/plan-builders.ts';
import { explainAnalyzedPlan, explainPlan } from '../logical/explain-plan.ts';
import { buildJoin, buildSubqueryAlias, parseJoinType, type JoinOn } from '../logical/join-builder.ts';
import { executeBatchPlan } from '../physical/batch-executor.ts';
import { describeStatefulOperators, explainPhysical } from '../physical/explain-physical.ts';
import { planPhysical } from '../physical/physical-planner.ts';
import { InMemoryStateStoreProvider } from '../state/in-memory-state-store-provider.ts';
import type { Session } from '../session/session.ts';
import { DataStreamWriter } from '../streaming/data-stream-writer.ts';
import type { StructType } from '../types/schema.ts';
import { Column, nameOrColumn } from './column.ts';
import { GroupedData } from './grouped-data.ts';
import { KeyValueGroupedDataFrame } from './key-value-grouped-data-frame.ts';

/**
 * Column arguments: names, Columns, or one array of them (PySpark accepts both spellings).
 *
 * @example
 * ```ts
 * import { col, type ColumnsArg } from 'caudal';
 * df.select('name', col('age').plus(1).alias('next_age'));
 * df.select(['name', 'age']); // one array, as PySpark's df.select(["name", "age"])
 * const keys: ColumnsArg = ['country', col('city')];
 * df.groupBy(...keys).count();
 * ```
 */
export type ColumnsArg = (string | Column)[] | [readonly (string | Column)[]];

function flatten(args: ColumnsArg): (string | Column)[] {
  return args.length === 1 && Array.isArray(args[0]) ? [...args[0]] : (args as (string | Column)[]);
}

/**
 * An immutable, lazy query: a logical plan plus the session it belongs to. Static and streaming
 * DataFrames share this API; `isStreaming` tells them apart. Nothing runs until an action (`collect`,
 * `show`, `count`) on a static DataFrame or `writeStream...start()` on a streaming one.
 *
 * @example
 * ```ts
 * import { col, explode, split } from 'caudal';
 * const words = lines.select(explode(split(col('value'), ' ')).alias('word'));
 * const counts = words.groupBy('word').count();
 * counts.printSchema();
 * const query = await counts.writeStream.outputMode('complete').format('console').start();
 * ```
 */
export class DataFrame {
  /** @internal */
  constructor(
    /** The session this DataFrame belongs to. */
    readonly session: Session,
    /** The analysed logical plan it computes. */
    readonly plan: LogicalPlan,
  ) {}

  /** @internal */
  withPlan(plan: LogicalPlan): DataFrame {
    return new DataFrame(this.session, plan);
  }

  /** The columns with their types. */
  get schema(): StructType {
    return this.plan.schema;
  }

  /** The column names, in order. */
  get columns(): string[] {
    return this.plan.schema.fieldNames();
  }

  /** Whether the DataFrame reads a streaming source (then only `writeStream` runs it). */
  get isStreaming(): boolean {
    return this.plan.streaming;
  }

  /** Prints the schema tree, as PySpark's `printSchema()`. */
  printSchema(): void {
    process.stdout.write(this.schema.treeString() + '\n');
  }

  /** Columns or expressions (`col('a')`, `'a'`, `col('n').plus(1).alias('m')`). */
  select(...cols: ColumnsArg): DataFrame {
    return this.withPlan(buildProject(this.plan, flatten(cols).map(nameOrColumn)));
  }

  /** `selectExpr("CAST(value AS STRING)", "explode(items) AS item")`. */
  selectExpr(...exprs: string[]): DataFrame {
    return this.withPlan(buildProject(this.plan, exprs.map(parseNamedExpression)));
  }

  /** A Column condition or a SQL expression string: `filter("amount > 100")`. */
  filter(condition: Column | string): DataFrame {
    const e: Expr = typeof condition === 'string' ? parseExpression(condition) : condition.expr;
    return this.withPlan(buildFilter(this.plan, e));
  }

  /** Same as `filter`. */
  where(condition: Column | string): DataFrame {
    return this.filter(condition);
  }

  /** Adds a column, or replaces the one with the same name (case-insensitive) in place. */
  withColumn(name: string, value: Column): DataFrame {
    const lower = name.toLowerCase();
    const fields = this.schema.fields;
    const exists = fields.some((f) => f.name.toLowerCase() === lower);
    const items: Expr[] = fields.map((f) =>
      f.name.toLowerCase() === lower ? { kind: 'alias', child: value.expr, name } : { kind: 'column', name: f.name, nameParts: [f.name] });
    if (!exists) items.push({ kind: 'alias', child: value.expr, name });
    return this.withPlan(buildProject(this.plan, items));
  }

  /** Renames a column; a no-op when there is no column `existing`, as in Spark. */
  withColumnRenamed(existing: string, newName: string): DataFrame {
    const lower = existing.toLowerCase();
    if (!this.schema.fields.some((f) => f.name.toLowerCase() === lower)) return this;
    const items: Expr[] = this.schema.fields.map((f) => {
      const ref: Expr = { kind: 'column', name: f.name, nameParts: [f.name] };
      return f.name.toLowerCase() === lower ? { kind: 'alias', child: ref, name: newName } : ref;
    });
    return this.withPlan(buildProject(this.plan, items));
  }

  /** Drops columns by name; names that do not exist are ignored, as in Spark. */
  drop(...cols: (string | Column)[]): DataFrame {
    const names = new Set(cols.map((c) => (typeof c === 'string' ? c : c.expr.kind === 'column' ? c.expr.name : '')).map((c) => c.toLowerCase()));
    const keep = this.schema.fields.filter((f) => !names.has(f.name.toLowerCase()));
    if (keep.length === this.schema.length) return this;
    return this.withPlan(buildProject(this.plan, keep.map((f) => ({ kind: 'column', name: f.name, nameParts: [f.name] }))));
  }

  /** Groups by column names, Columns or SQL expression strings? Names and Columns, as in PySpark. */
  groupBy(...cols: ColumnsArg): GroupedData {
    return new GroupedData(this, flatten(cols).map(nameOrColumn));
  }

  /** Same as `groupBy`. */
  groupby(...cols: ColumnsArg): GroupedData {
    return this.groupBy(...cols);
  }

  /**
   * Groups rows by a key computed in user code, for `mapGroupsWithState` / `flatMapGroupsWithState`:
   * `df.groupByKey((row) => row.user as string)`.
   */
  groupByKey<K>(keyFn: (row: Row) => K): KeyValueGroupedDataFrame<K> {
    return new KeyValueGroupedDataFrame<K>(this, keyFn);
  }

  /** Aggregates over the whole DataFrame: `df.agg(max('x'))`. */
  agg(...exprs: (Column | Record<string, string>)[]): DataFrame {
    return this.groupBy().agg(...exprs);
  }

  /**
   * Joins with `other`, as PySpark's `join(other, on, how)`. `on`: a column name or names present on both
   * sides (one output column per name), a boolean Column condition (or several, combined with AND) over
   * both sides' columns — qualify a name with a DataFrame alias when both sides have it
   * (`a.alias('a').join(b.alias('b'), col('a.id').eq(col('b.id')))`) — or nothing (every pair).
   * `how`: inner (default), cross, outer/full/fullouter/full_outer, left/leftouter/left_outer,
   * right/rightouter/right_outer, semi/leftsemi/left_semi, anti/leftanti/left_anti.
   */
  join(other: DataFrame, on?: string | readonly string[] | Column | readonly Column[] | null, how?: string): DataFrame {
    const type = parseJoinType(how ?? 'inner');
    const list: readonly (string | Column)[] = on === undefined || on === null ? [] : Array.isArray(on) ? on : [on as string | Column];
    let spec: JoinOn | null;
    if (list.length === 0) spec = how === undefined ? null : { kind: 'using', columns: [] };
    else if (list.every((x) => typeof x === 'string')) spec = { kind: 'using', columns: list as string[] };
    else if (list.every((x) => x instanceof Column)) {
      spec = { kind: 'condition', expr: (list as Column[]).map((c) => c.expr).reduce((a, b) => ({ kind: 'binary', op: 'and', left: a, right: b })) };
    } else {
      throw new AnalysisError('join: `on` must be column names or Column conditions, not a mix of both');
    }
    return this.withPlan(buildJoin(this.plan, other.plan, spec, type));
  }

  /** The Cartesian product with `other`. */
  crossJoin(other: DataFrame): DataFrame {
    return this.withPlan(buildJoin(this.plan, other.plan, null, 'Cross'));
  }

  /** Names this DataFrame, so a join condition can qualify its columns: `col('a.id')`. */
  alias(name: string): DataFrame {
    return this.withPlan(buildSubqueryAlias(this.plan, name));
  }

  /** The rows of both DataFrames, by column position (SQL `UNION ALL`). */
  union(other: DataFrame): DataFrame {
    return this.withPlan(buildUnion(this.plan, other.plan));
  }

  /** Same as `union`. */
  unionAll(other: DataFrame): DataFrame {
    return this.union(other);
  }

  /** Sorted by the columns (`col('n').desc()` for descending); static DataFrames only. */
  orderBy(...cols: ColumnsArg): DataFrame {
    return this.withPlan(buildSort(this.plan, flatten(cols).map(nameOrColumn)));
  }

  /** Same as `orderBy`. */
  sort(...cols: ColumnsArg): DataFrame {
    return this.orderBy(...cols);
  }

  /** At most `n` rows. */
  limit(n: number): DataFrame {
    return this.withPlan(buildLimit(this.plan, n));
  }

  /** Distinct rows. */
  distinct(): DataFrame {
    return this.withPlan(buildDeduplicate(this.plan, undefined));
  }

  /**
   * One row per distinct value of `subset` (all columns by default); with a watermark on a stream, old keys
   * are forgotten.
   */
  dropDuplicates(subset?: readonly string[]): DataFrame {
    return this.withPlan(buildDeduplicate(this.plan, subset));
  }

  /** Same as `dropDuplicates`. */
  drop_duplicates(subset?: readonly string[]): DataFrame {
    return this.dropDuplicates(subset);
  }

  /**
   * Deduplicates within the watermark delay, even when duplicates carry different event times: a key's
   * state expires once the watermark passes its first event time plus the delay. Needs `withWatermark`.
   */
  dropDuplicatesWithinWatermark(subset?: readonly string[]): DataFrame {
    return this.withPlan(buildDeduplicate(this.plan, subset, true));
  }

  /**
   * Declares `eventTime` (a timestamp column) as event time with a lateness bound: the watermark is
   * the maximum event time seen minus `delayThreshold` (`'10 minutes'`). Stateful operators drop rows
   * older than the watermark and evict state the watermark has passed. No effect on static DataFrames.
   */
  withWatermark(eventTime: string, delayThreshold: string): DataFrame {
    return this.withPlan(buildWatermark(this.plan, eventTime, delayThreshold));
  }

  /** Registers this DataFrame as a temporary view for `session.table(name)`. */
  createOrReplaceTempView(name: string): void {
    this.session.catalog.registerView(name, this.plan, true);
  }

  /** Registers the DataFrame as a temporary view for `session.table(name)`; fails if the name is taken. */
  createTempView(name: string): void {
    this.session.catalog.registerView(name, this.plan, false);
  }

  /** @internal Runs a static query and returns its batches. */
  async executeBatches(action: string): Promise<ColumnBatch[]> {
    return executeBatchPlan(this.plan, this.session.evalContext(), action);
  }

  /** Runs the (static) query and returns every row as a plain object. */
  async collect(): Promise<Row[]> {
    const batches = await this.executeBatches('collect');
    const rows: Row[] = [];
    for (const b of batches) for (let i = 0; i < b.numRows; i++) rows.push(rowToExternal(this.schema, b.rowValues(i)));
    return rows;
  }

  /** The first `n` rows. */
  async take(n: number): Promise<Row[]> {
    return this.limit(n).collect();
  }

  /** The first `n` rows (1 by default). */
  async head(n = 1): Promise<Row[]> {
    return this.take(n);
  }

  /** The first row, or null when there is none. */
  async first(): Promise<Row | null> {
    return (await this.take(1))[0] ?? null;
  }

  /** The number of rows. */
  async count(): Promise<number> {
    return totalRows(await this.executeBatches('count'));
  }

  /** The rows as an Apache Arrow table. */
  async toArrow(): Promise<Table> {
    return batchesToArrowTable(this.schema, await this.executeBatches('toArrow'));
  }

  /** The text `show()` prints, as Spark's `showString`. */
  async showString(n = 20, truncate: boolean | number = true): Promise<string> {
    const batches = await this.executeBatches('show');
    const all = ColumnBatch.concat(this.schema, batches);
    const shown = Math.min(n, all.numRows);
    const rows = Array.from({ length: shown }, (_, i) => all.rowValues(i));
    return showString(this.schema, rows, all.numRows, n, truncate, this.session.timeZone);
  }

  /** Prints the first n rows as a table (cells cut at 20 characters unless `truncate` is false). */
  async show(n = 20, truncate: boolean | number = true): Promise<void> {
    process.stdout.write((await this.showString(n, truncate)) + '\n');
  }

  /**
   * The plan as indented text. `extended` shows the parsed and the analysed (typed) logical plans and
   * the physical plan that would run (incremental, with stateful operator ids, for a streaming DataFrame).
   */
  explainString(extended = false): string {
    if (!extended) return explainPlan(this.plan);
    // Planning is pure (no I/O); the state provider is never opened here.
    const root = planPhysical(this.plan, { incremental: this.isStreaming, stateProvider: new InMemoryStateStoreProvider() }).root;
    const physical = this.isStreaming
      ? `== Incremental Physical Plan ==\n${explainPhysical(root)}\n\n${describeStatefulOperators(root, false)}`
      : `== Physical Plan ==\n${explainPhysical(root)}`;
    return `== Parsed Logical Plan ==\n${explainPlan(this.plan)}\n\n== Analyzed Logical Plan ==\n${explainAnalyzedPlan(this.plan)}\n\n${physical}`;
  }

  /** Prints `explainString(extended)` to stdout. */
  explain(extended = false): void {
    process.stdout.write(this.explainString(extended) + '\n');
  }

  /** Starts defining a streaming query over this (streaming) DataFrame. */
  get writeStream(): DataStreamWriter {
    if (!this.isStreaming) {
      throw new AnalysisError("'writeStream' can be called only on streaming Dataset/DataFrame");
    }
    return new DataStreamWriter(this);
  }
}
