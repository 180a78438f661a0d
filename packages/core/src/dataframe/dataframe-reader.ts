import { AnalysisError } from '../analyzer/analysis-error.ts';
import type { GenericOptions } from '../connector/format-options.ts';
import { lookupSource } from '../connector/format-registry.ts';
import { Options, type OptionValue } from '../connector/options.ts';
import { parseTableSchema } from '../expr/parser/parse-table-schema.ts';
import type { Session } from '../session/session.ts';
import { StructType } from '../types/schema.ts';
import { DataFrame } from './dataframe.ts';

/**
 * `session.read`: defines a static (bounded) read.
 *
 * @example
 * ```ts
 * const orders = spark.read.option('header', true).option('inferSchema', true).csv('data/orders.csv');
 * const people = spark.read.schema('name STRING, age INT').json('data/people');
 * const events = spark.read.format('parquet').load('data/events');
 * // PySpark: spark.read.option("header", True).option("inferSchema", True).csv("data/orders.csv")
 * ```
 */
export class DataFrameReader {
  /** @internal */
  constructor(
    private readonly session: Session,
    private readonly fmt: string | undefined = undefined,
    private readonly opts: Options = new Options(),
    private readonly userSchema: StructType | undefined = undefined,
  ) {}

  /** The source format (`json`, `csv`, `text`, `parquet`, ...). */
  format(source: string): DataFrameReader {
    return new DataFrameReader(this.session, source, this.opts, this.userSchema);
  }

  /** The schema to read with: a StructType or a DDL string (`'name STRING, n INT'`). */
  schema(schema: StructType | string): DataFrameReader {
    return new DataFrameReader(this.session, this.fmt, this.opts, typeof schema === 'string' ? parseTableSchema(schema) : schema);
  }

  /** One source option (see the format's options type). */
  option(key: string, value: OptionValue): DataFrameReader {
    return new DataFrameReader(this.session, this.fmt, this.opts.with(key, value), this.userSchema);
  }

  /** Several source options at once. */
  options(options: GenericOptions): DataFrameReader {
    let o = this.opts;
    for (const [k, v] of Object.entries(options)) o = o.with(k, v);
    return new DataFrameReader(this.session, this.fmt, o, this.userSchema);
  }

  /** Reads the source (at `path`, if given) as a static DataFrame. */
  load(path?: string): DataFrame {
    if (this.fmt === undefined) throw new AnalysisError("No source format given: call read.format('json' | 'csv' | ...) before load()");
    const options = path === undefined ? this.opts : this.opts.with('path', path);
    const provider = lookupSource(this.fmt);
    if (!provider.batchSchema || !provider.createBatchSource) {
      throw new AnalysisError(`Data source ${this.fmt} does not support batch reading`);
    }
    const schema = provider.batchSchema(options, this.userSchema);
    return new DataFrame(this.session, { kind: 'batchRelation', format: this.fmt, options, provider, schema, streaming: false });
  }

  /** `format('json').load(path)`. */
  json(path: string): DataFrame { return this.format('json').load(path); }
  /** `format('csv').load(path)`. */
  csv(path: string): DataFrame { return this.format('csv').load(path); }
  /** `format('text').load(path)`. */
  text(path: string): DataFrame { return this.format('text').load(path); }
  /** `format('parquet').load(path)`. */
  parquet(path: string): DataFrame { return this.format('parquet').load(path); }
}
