// The declarative form of a parity query: plain data, serialised to JSON so that the Caudal interpreter
// (caudal-runner.ts) and the PySpark interpreter (spark_runner.py) build the same query from it.

/** Files written into a fresh input folder, one per entry, with ascending modification times. */
export type InputSpec =
  | {
    /** Each string is one file's whole content, in the order the source must take them. */
    readonly files: readonly string[];
    /** File name extension without the dot (default: the source format). */
    readonly ext?: string;
  }
  | {
    /** Copies of a shared data set (../shared/data): every file, or the text split into `parts` files. */
    readonly shared: 'bizums' | 'invoices' | 'quijote';
    readonly parts?: number;
  };

export type OptionValue = string | number | boolean;

export type SourceSpec =
  | {
    readonly kind: 'rate-micro-batch';
    readonly options: {
      readonly rowsPerBatch: number;
      readonly numPartitions?: number;
      readonly startTimestamp?: number;
      readonly advanceMillisPerBatch?: number;
    };
    /** The query is stopped after this many micro-batches (later batches are ignored). */
    readonly batches: number;
  }
  | {
    /** A file stream read with `maxFilesPerTrigger: 1` and Trigger.AvailableNow: one batch per file. */
    readonly kind: 'file';
    readonly format: 'json' | 'csv' | 'text';
    /** DDL schema (`a INT, b STRING`); required by json and csv. */
    readonly schema?: string;
    readonly options?: Readonly<Record<string, OptionValue>>;
    readonly input: InputSpec;
  };

/** The static side of a stream–static join, read with `spark.read` (a batch DataFrame). */
export interface StaticSpec {
  readonly format: 'json' | 'csv';
  readonly schema: string;
  readonly options?: Readonly<Record<string, OptionValue>>;
  readonly files: readonly string[];
}

/** One DataFrame call; every expression is Spark SQL text, built with `expr` / `selectExpr` on both sides. */
export type Op =
  | { readonly op: 'selectExpr'; readonly exprs: readonly string[] }
  | { readonly op: 'filter'; readonly condition: string }
  | { readonly op: 'withColumn'; readonly name: string; readonly expr: string }
  | { readonly op: 'withColumnRenamed'; readonly from: string; readonly to: string }
  | { readonly op: 'drop'; readonly columns: readonly string[] }
  | { readonly op: 'withWatermark'; readonly column: string; readonly delay: string }
  /** `groupBy(expr(k)...).agg(expr(a)...)`; `aggs: 'count'` is `groupBy(...).count()`. */
  | { readonly op: 'groupBy'; readonly keys: readonly string[]; readonly aggs: readonly string[] | 'count' }
  | { readonly op: 'dropDuplicates'; readonly columns?: readonly string[] }
  | { readonly op: 'dropDuplicatesWithinWatermark'; readonly columns?: readonly string[] }
  /** Joins the stream with the spec's `static` side. */
  | { readonly op: 'joinStatic'; readonly on: readonly string[]; readonly how: 'inner' | 'left_outer' }
  | { readonly op: 'orderBy'; readonly exprs: readonly string[] };

/**
 * A difference we keep on purpose (or, with a reason saying so, one not fixed yet), reported as a "known
 * difference" while everything else is still compared.
 * `aspect: 'type'`: the column's type may differ. `aspect: 'values'` with `caudal` and `spark`: where Spark has
 * exactly `spark`, Caudal may have exactly `caudal` (encoded values) — any other difference in the column still
 * fails. `aspect: 'values'` without them leaves the column's values out of the comparison altogether.
 */
export interface KnownDifference {
  /** Spark's name of the column. */
  readonly column: string;
  /** `name`: Caudal may name the column differently (the column is still compared by position). */
  readonly aspect: 'name' | 'type' | 'values';
  readonly reason: string;
  readonly caudal?: unknown;
  readonly spark?: unknown;
}

export interface QuerySpec {
  readonly name: string;
  /** What the query checks, one line. */
  readonly about: string;
  readonly source: SourceSpec;
  readonly static?: StaticSpec;
  readonly ops: readonly Op[];
  readonly outputMode: 'append' | 'update' | 'complete';
  /** Rows of a batch are compared in order (the query sorts); otherwise as a multiset. */
  readonly ordered?: boolean;
  readonly known?: readonly KnownDifference[];
  /**
   * Set while Caudal lacks a feature the query uses: a Caudal failure is then reported as "not yet supported in
   * Caudal" (not a failure of the run), and a Caudal success that matches Spark is reported so the mark is removed.
   */
  readonly caudalUnsupported?: string;
}

/** A spec as the runners receive it: input folders are real paths. */
export interface ResolvedSpec extends QuerySpec {
  readonly inputDir?: string;
  readonly staticDir?: string;
}

export interface RunnerInput {
  readonly specs: readonly ResolvedSpec[];
  /** One `<name>.json` (a RunnerOutput) per spec goes here. */
  readonly outDir: string;
  /** Scratch space for checkpoints. */
  readonly workDir: string;
}

/** A column of the output schema: its name and Spark's `simpleString` of its type. */
export interface OutputField {
  readonly name: string;
  readonly type: string;
}

/**
 * Value conventions (both runners): null → null; strings, booleans as JSON; integers → numbers, or decimal
 * strings beyond ±2^53; doubles → numbers, `"NaN"`, `"Infinity"`, `"-Infinity"`; decimals → strings; timestamps →
 * epoch microseconds (integer); dates → `"YYYY-MM-DD"`; binary → lower-case hex; arrays → arrays; structs →
 * objects by field name; maps → objects (a non-string key as its JSON text).
 */
export interface OutputBatch {
  readonly batchId: number;
  /** Rows as arrays in schema order. */
  readonly rows: readonly (readonly unknown[])[];
}

export type RunnerOutput =
  | { readonly name: string; readonly status: 'ok'; readonly schema: readonly OutputField[]; readonly batches: readonly OutputBatch[]; readonly ms: number }
  | { readonly name: string; readonly status: 'error'; readonly error: string; readonly ms: number };
