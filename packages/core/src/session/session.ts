import { AnalysisError } from '../analyzer/analysis-error.ts';
import { arrowTableToBatches } from '../data/arrow-convert.ts';
import { ColumnBatch } from '../data/column-batch.ts';
import { inferType, toInternal } from '../data/external-values.ts';
import { vectorFromValues } from '../data/vector.ts';
import { DataFrame } from '../dataframe/dataframe.ts';
import { DataFrameReader } from '../dataframe/dataframe-reader.ts';
import type { EvalContext } from '../expr/eval-context.ts';
import { parseTableSchema } from '../expr/parser/parse-table-schema.ts';
import type { LogicalPlan } from '../logical/logical-plan.ts';
import { sqlToDataFrame } from '../sql/translate-query.ts';
import { DataStreamReader } from '../streaming/data-stream-reader.ts';
import { SystemClock, type Clock } from '../streaming/clock.ts';
import { StreamingQueryManager } from '../streaming/streaming-query-manager.ts';
import type { DataType } from '../types/data-type.ts';
import { StructType } from '../types/schema.ts';
import { systemTimeZone } from '../util/time-zone.ts';
import { Catalog } from './catalog.ts';
import { RuntimeConfig } from './runtime-config.ts';
import { runSessionHooks, runSessionStopActions } from './session-hooks.ts';
import { Table } from 'apache-arrow';

/** Settings written into each batch's offsets so a restarted query keeps them (as Spark does). */
const CHECKPOINTED_CONF = ['spark.sql.session.timeZone', 'spark.sql.streaming.multipleWatermarkPolicy'] as const;

/**
 * The entry point, as PySpark's SparkSession: `Session.builder().appName('wordcount').getOrCreate()`.
 * Owns the session's settings, temporary tables, streaming queries and clock.
 *
 * @example
 * ```ts
 * import { Session } from 'caudal';
 * const spark = Session.builder().appName('StructuredNetworkWordCount').getOrCreate();
 * spark.conf.set('spark.sql.session.timeZone', 'UTC');
 * const lines = spark.readStream.format('socket').option('host', 'localhost').option('port', 9999).load();
 * // ...
 * await spark.stop();
 * ```
 */
export class Session {
  private static active: Session | null = null;

  /** The session's settings (PySpark's `spark.conf`). */
  readonly conf: RuntimeConfig;
  /** Its temporary tables and views (PySpark's `spark.catalog`). */
  readonly catalog = new Catalog();
  /** Its streaming queries and listeners (PySpark's `spark.streams`). */
  readonly streams = new StreamingQueryManager();
  private stopped = false;

  /** @internal */
  constructor(
    /** The name given to `builder().appName(...)`. */
    readonly appName: string,
    conf: Iterable<readonly [string, string]>,
    /** The clock triggers and sources use (a ManualClock in tests). */
    readonly clock: Clock,
  ) {
    this.conf = new RuntimeConfig(conf);
  }

  /** Starts building a session (PySpark's `SparkSession.builder`). */
  static builder(): SessionBuilder {
    return new SessionBuilder();
  }

  /** The active session, if one was created with getOrCreate and not stopped. */
  static getActiveSession(): Session | null {
    return Session.active;
  }

  /** @internal */
  static setActive(s: Session | null): void {
    Session.active = s;
  }

  /** Whether `stop()` was called. */
  get isStopped(): boolean {
    return this.stopped;
  }

  /** `spark.sql.session.timeZone`, or the process's zone (Spark uses the JVM's). */
  get timeZone(): string {
    return this.conf.get('spark.sql.session.timeZone') ?? systemTimeZone();
  }

  /** @internal */
  evalContext(): EvalContext {
    return { batchTimestampMs: this.clock.now(), timeZone: this.timeZone };
  }

  /** @internal */
  checkpointedConf(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const k of CHECKPOINTED_CONF) {
      const v = this.conf.get(k);
      if (v !== undefined) out[k] = v;
    }
    return out;
  }

  /** Reads a stream: `spark.readStream.format('socket').option(...).load()`. */
  get readStream(): DataStreamReader {
    return new DataStreamReader(this);
  }

  /** Reads static data: `spark.read.format('json').load(path)`. */
  get read(): DataFrameReader {
    return new DataFrameReader(this);
  }

  /**
   * A static DataFrame from rows (objects keyed by column name, or arrays in column order) and a schema
   * (a StructType, a DDL string, or column names whose types are inferred from the values), or from an
   * Apache Arrow table.
   */
  createDataFrame(data: readonly (object | readonly unknown[])[] | Table, schema?: StructType | string | readonly string[]): DataFrame {
    if (data instanceof Table) {
      const { schema: s, batches } = arrowTableToBatches(data);
      return new DataFrame(this, { kind: 'localRelation', batches, schema: s, streaming: false });
    }
    const rows = data as readonly (Record<string, unknown> | readonly unknown[])[];
    const resolved = resolveSchema(rows, schema);
    const columns = resolved.fields.map((f, c) =>
      vectorFromValues(f.dataType, rows.map((r, i) => {
        const v = Array.isArray(r) ? (r as readonly unknown[])[c] : (r as Record<string, unknown>)[f.name];
        const value = toInternal(f.dataType, v, `row ${i}, column ${f.name}`);
        if (value === null && !f.nullable) throw new AnalysisError(`row ${i}, column ${f.name}: null in a non-nullable column`);
        return value;
      })));
    const batch = new ColumnBatch(resolved, columns, rows.length);
    return new DataFrame(this, { kind: 'localRelation', batches: [batch], schema: resolved, streaming: false });
  }

  /**
   * A catalog table or temporary view as a DataFrame (for example a memory sink's table). As in Spark,
   * its columns are qualified by the name (lower case), so `t.col` names them in a join or in SQL.
   */
  table(name: string): DataFrame {
    const entry = this.catalog.lookup(name);
    const plan: LogicalPlan = entry.kind === 'view'
      ? entry.plan
      : { kind: 'tableScan', name, provider: entry.provider, schema: entry.provider.schema, streaming: false };
    return new DataFrame(this, { kind: 'subqueryAlias', child: plan, alias: name.toLowerCase(), schema: plan.schema, streaming: plan.streaming });
  }

  /**
   * Runs a SQL query over the session's temporary views and tables: `SELECT`, `WITH`, joins, subqueries,
   * `UNION`, `LATERAL VIEW`, every function of the library. The result is the DataFrame the equivalent
   * DataFrame program builds (same plan); over a streaming view it is a streaming DataFrame.
   */
  sql(sqlText: string): DataFrame {
    return sqlToDataFrame(this, sqlText);
  }

  /** Stops every query of the session and releases its resources so the process can exit. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    await this.streams.stopAll();
    await runSessionStopActions(this);
    if (Session.active === this) Session.active = null;
  }
}

/**
 * Builds a Session: `Session.builder().appName('app').config('key', 'value').getOrCreate()`.
 *
 * @example
 * ```ts
 * import { Session } from 'caudal';
 * const spark = Session.builder()
 *   .appName('StructuredKafkaWordCount')
 *   .master('local[*]')
 *   .config('spark.sql.session.timeZone', 'UTC')
 *   .getOrCreate();
 * // PySpark: spark = SparkSession.builder.appName("StructuredKafkaWordCount").config("spark.sql.session.timeZone", "UTC").getOrCreate()
 * ```
 */
export class SessionBuilder {
  private name = 'caudal';
  private readonly settings = new Map<string, string>();
  private clockValue: Clock | undefined;

  /** The application name (shown in the dashboard and logs). */
  appName(name: string): SessionBuilder {
    this.name = name;
    return this;
  }

  /** Accepted for PySpark compatibility (`master('local[*]')`); Caudal always runs in this process. */
  master(_master: string): SessionBuilder {
    return this;
  }

  /** A setting the session starts with (`spark.sql.*`, `caudal.*`). */
  config(key: string, value: string | number | boolean): SessionBuilder {
    this.settings.set(key, String(value));
    return this;
  }

  /** A clock for triggers and sources (tests pass a ManualClock). */
  clock(clock: Clock): SessionBuilder {
    this.clockValue = clock;
    return this;
  }

  /** Returns the active session (applying this builder's settings to it), or creates one. */
  getOrCreate(): Session {
    const active = Session.getActiveSession();
    if (active && !active.isStopped && this.clockValue === undefined) {
      for (const [k, v] of this.settings) active.conf.set(k, v);
      return active;
    }
    const s = this.create();
    Session.setActive(s);
    return s;
  }

  /** Always a new session, independent of the active one. */
  create(): Session {
    const session = new Session(this.name, this.settings, this.clockValue ?? new SystemClock());
    runSessionHooks(session);
    return session;
  }
}

function resolveSchema(rows: readonly (Record<string, unknown> | readonly unknown[])[], schema: StructType | string | readonly string[] | undefined): StructType {
  if (schema instanceof StructType) return schema;
  if (typeof schema === 'string') return parseTableSchema(schema);
  const names = schema ?? (rows[0] && !Array.isArray(rows[0]) ? Object.keys(rows[0]) : undefined);
  if (!names) throw new AnalysisError('createDataFrame needs a schema (StructType, DDL string or column names) for rows given as arrays');
  return new StructType(names.map((name, c) => {
    let t: DataType | undefined;
    for (const r of rows) {
      t = inferType(Array.isArray(r) ? (r as readonly unknown[])[c] : (r as Record<string, unknown>)[name]);
      if (t) break;
    }
    if (!t) throw new AnalysisError(`createDataFrame cannot infer the type of column '${name}': every value is null; give a schema`);
    return { name, dataType: t, nullable: true };
  }));
}
