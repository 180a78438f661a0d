import { AnalysisError } from '../analyzer/analysis-error.ts';
import type { GenericOptions, SourceOptionsFor } from '../connector/format-options.ts';
import { lookupSource } from '../connector/format-registry.ts';
import { Options, type OptionValue } from '../connector/options.ts';
import { DataFrame } from '../dataframe/dataframe.ts';
import { parseTableSchema } from '../expr/parser/parse-table-schema.ts';
import type { Session } from '../session/session.ts';
import { StructType } from '../types/schema.ts';

/**
 * `session.readStream`: defines a streaming source. Options are validated by the format when `load()`
 * is called, so a wrong option fails before any query starts.
 *
 * @example
 * ```ts
 * const rates = spark.readStream.format('rate').option('rowsPerSecond', 10).load();
 * const invoices = spark.readStream.schema(invoiceSchema).option('maxFilesPerTrigger', 1).json('data/invoices');
 * ```
 */
export class DataStreamReader<F extends string = string> {
  /** @internal */
  constructor(
    private readonly session: Session,
    private readonly fmt: string | undefined = undefined,
    private readonly opts: Options = new Options(),
    private readonly userSchema: StructType | undefined = undefined,
  ) {}

  /** The source format (`rate`, `rate-micro-batch`, `socket`, `kafka`, `json`, ...). */
  format<G extends string>(source: G): DataStreamReader<G> {
    return new DataStreamReader<G>(this.session, source, this.opts, this.userSchema);
  }

  /** A StructType or a DDL string (`'name STRING, amount DOUBLE'`). */
  schema(schema: StructType | string): DataStreamReader<F> {
    const s = typeof schema === 'string' ? parseTableSchema(schema) : schema;
    return new DataStreamReader<F>(this.session, this.fmt, this.opts, s);
  }

  /** One source option (see the format's options type). */
  option(key: string, value: OptionValue): DataStreamReader<F> {
    return new DataStreamReader<F>(this.session, this.fmt, this.opts.with(key, value), this.userSchema);
  }

  /** Several source options at once, typed per format. */
  options(options: SourceOptionsFor<F> | GenericOptions): DataStreamReader<F> {
    let o = this.opts;
    for (const [k, v] of Object.entries(options as Record<string, OptionValue | undefined>)) if (v !== undefined) o = o.with(k, v);
    return new DataStreamReader<F>(this.session, this.fmt, o, this.userSchema);
  }

  /** The stream (from `path`, for file sources) as a streaming DataFrame; options are checked now. */
  load(path?: string): DataFrame {
    if (this.fmt === undefined) throw new AnalysisError("No source format given: call readStream.format('rate' | 'socket' | ...) before load()");
    const options = path === undefined ? this.opts : this.opts.with('path', path);
    const provider = lookupSource(this.fmt);
    if (!provider.streamSchema || !provider.createStreamSource) {
      throw new AnalysisError(`Data source ${this.fmt} does not support streamed reading`);
    }
    const schema = provider.streamSchema(options, this.userSchema, { conf: (key) => this.session.conf.get(key) });
    return new DataFrame(this.session, { kind: 'streamingRelation', format: this.fmt, options, provider, schema, streaming: true });
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
