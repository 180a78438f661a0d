import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { AnalysisError } from '../analyzer/analysis-error.ts';
import { checkStreamingQuery } from '../analyzer/unsupported-operation-checker.ts';
import { Checkpoint } from '../checkpoint/checkpoint.ts';
import type { GenericOptions, SinkOptionsFor } from '../connector/format-options.ts';
import { lookupSink } from '../connector/format-registry.ts';
import { Options, type OptionValue } from '../connector/options.ts';
import type { ForeachBatchFunction, ForeachWriter, Sink, SinkContext } from '../connector/sink.ts';
import type { DataFrame } from '../dataframe/dataframe.ts';
import { StructType } from '../types/schema.ts';
import { TIME_WINDOW_COLUMN } from '../logical/time-window-builder.ts';
import { SESSION_WINDOW_COLUMN } from '../logical/session-window-builder.ts';
import { planChildren, type StreamingRelation } from '../logical/logical-plan.ts';
import { planPhysical } from '../physical/physical-planner.ts';
import { CheckpointedStateStoreProvider } from '../state/checkpointed-state-store-provider.ts';
import { InMemoryStateStoreProvider } from '../state/in-memory-state-store-provider.ts';
import { MicroBatchExecution, type RunningSource } from './micro-batch-execution.ts';
import { modeTitle, parseOutputMode, type OutputMode } from './output-mode.ts';
import { StreamingQuery } from './streaming-query.ts';
import { parseTrigger, type Trigger, type TriggerOptions } from './trigger.ts';

interface WriterState {
  readonly format: string;
  readonly options: Options;
  readonly outputMode: OutputMode;
  readonly trigger: Trigger;
  readonly queryName: string | null;
  readonly partitionBy: readonly string[];
  readonly foreachBatch?: ForeachBatchFunction;
  readonly foreachWriter?: ForeachWriter;
  readonly lateRows?: { readonly format: string; readonly options: Options };
}

/**
 * `df.writeStream`: where and how a streaming query writes. Immutable builder; `start()` checks the
 * whole query (output mode, unsupported operations, sink options, checkpoint) before any data is read.
 *
 * @example
 * ```ts
 * const query = await counts.writeStream
 *   .outputMode('update')
 *   .format('console')
 *   .option('checkpointLocation', '/tmp/checkpoints/wordcount')
 *   .trigger({ processingTime: '5 seconds' })
 *   .start();
 * ```
 */
export class DataStreamWriter<F extends string = string> {
  private readonly s: WriterState;

  /** @internal */
  constructor(private readonly df: DataFrame, state?: WriterState) {
    this.s = state ?? {
      format: 'console', options: new Options(), outputMode: 'append', trigger: { kind: 'default' }, queryName: null, partitionBy: [],
    };
  }

  private with(patch: Partial<WriterState>): DataStreamWriter<F> {
    return new DataStreamWriter<F>(this.df, { ...this.s, ...patch });
  }

  /** The sink format (`console`, `memory`, `kafka`, `json`, `foreachBatch`, ...). Default `console`. */
  format<G extends string>(sink: G): DataStreamWriter<G> {
    return new DataStreamWriter<G>(this.df, { ...this.s, format: sink });
  }

  /** `append` (default), `update` or `complete`, case-insensitive. */
  outputMode(mode: OutputMode | string): DataStreamWriter<F> {
    return this.with({ outputMode: parseOutputMode(mode) });
  }

  /** One sink option, e.g. `option('checkpointLocation', dir)`. */
  option(key: string, value: OptionValue): DataStreamWriter<F> {
    return this.with({ options: this.s.options.with(key, value) });
  }

  /** Several sink options at once, typed per format. */
  options(options: SinkOptionsFor<F> | GenericOptions): DataStreamWriter<F> {
    let o = this.s.options;
    for (const [k, v] of Object.entries(options as Record<string, OptionValue | undefined>)) if (v !== undefined) o = o.with(k, v);
    return this.with({ options: o });
  }

  /** The query's name (unique among active queries; the memory sink's table name). */
  queryName(name: string): DataStreamWriter<F> {
    return this.with({ queryName: name });
  }

  /** `trigger({ processingTime: '1 second' })`, `trigger({ once: true })`, `trigger({ availableNow: true })`. */
  trigger(trigger: TriggerOptions): DataStreamWriter<F> {
    return this.with({ trigger: parseTrigger(trigger) });
  }

  /** File sinks: one folder level per column value (`country=ES/`). */
  partitionBy(...cols: string[]): DataStreamWriter<F> {
    return this.with({ partitionBy: cols });
  }

  /** Calls `fn(batchDf, batchId)` with every micro-batch's output as a static DataFrame. */
  foreachBatch(fn: ForeachBatchFunction): DataStreamWriter<'foreachBatch'> {
    return new DataStreamWriter<'foreachBatch'>(this.df, { ...this.s, format: 'foreachBatch', foreachBatch: fn });
  }

  /** Calls a writer (or a function) for every output row. */
  foreach(writer: ForeachWriter | ((row: Record<string, unknown>) => void | Promise<void>)): DataStreamWriter<'foreach'> {
    const w: ForeachWriter = typeof writer === 'function' ? { process: writer } : writer;
    return new DataStreamWriter<'foreach'>(this.df, { ...this.s, format: 'foreach', foreachWriter: w });
  }

  /**
   * Beyond Spark: rows a stateful operator drops because they are older than the watermark go to a
   * second sink instead of being lost (`lateRowsSink('memory', { queryName: 'late' })`). The rows keep
   * the columns they had when they reached the first stateful operator; each batch's late rows are
   * written with that batch's id.
   */
  lateRowsSink(format: string, options: GenericOptions = {}): DataStreamWriter<F> {
    return this.with({ lateRows: { format, options: new Options(Object.entries(options)) } });
  }

  /** Starts the query. Resolves once its sources are open and the loop runs; rejects if it cannot start. */
  async start(path?: string): Promise<StreamingQuery> {
    const session = this.df.session;
    const s = path === undefined ? this.s : { ...this.s, options: this.s.options.with('path', path) };
    const plan = this.df.plan;
    // A stopped session no longer stops its queries, so one started now would never be stopped.
    if (session.isStopped) {
      throw new AnalysisError('Cannot start a streaming query on a stopped session; create a new one with Session.builder().getOrCreate()');
    }

    // 1. Analysis: output mode and operations, before anything is opened.
    checkStreamingQuery(plan, s.outputMode);
    const provider = lookupSink(s.format);
    if (!provider.supportedOutputModes.includes(s.outputMode)) {
      throw new AnalysisError(`Data source ${s.format} does not support ${modeTitle(s.outputMode)} output mode`);
    }
    session.streams.checkNameFree(s.queryName);

    // 2. The checkpoint: where the query resumes from, and who owns it.
    const userLocation = s.options.get('checkpointLocation') ??
      (session.conf.get('spark.sql.streaming.checkpointLocation') !== undefined && s.queryName !== null
        ? join(session.conf.get('spark.sql.streaming.checkpointLocation')!, s.queryName)
        : undefined);
    if (userLocation === undefined && provider.requiresCheckpointLocation) {
      throw new AnalysisError(
        `checkpointLocation must be specified either through option("checkpointLocation", ...) or ` +
        `session.conf.set("spark.sql.streaming.checkpointLocation", ...) (with a queryName) for the ${s.format} sink`,
      );
    }
    const temporary = userLocation === undefined;
    const dir = temporary ? mkdtempSync(join(tmpdir(), 'caudal-checkpoint-')) : resolve(userLocation);
    const checkpoint = new Checkpoint(dir);
    const relations = collectStreamingRelations(plan);
    const sourceIds = relations.map((r, i) => ({ id: String(i), format: r.format }));
    let sink: Sink | undefined;
    const extraSinks: Sink[] = [];
    const started: RunningSource[] = [];
    try {
      checkpoint.lock();
      const meta = checkpoint.readMetadata();
      if (meta) {
        const same = meta.sources.length === sourceIds.length && meta.sources.every((m, i) => m.format === sourceIds[i]!.format);
        if (!same) {
          throw new AnalysisError(
            `The checkpoint ${dir} was written by a query with different sources (${describeSources(meta.sources)}); this query reads ${describeSources(sourceIds)}. Use a new checkpointLocation for a changed query.`,
          );
        }
      }
      const id = meta?.id ?? randomUUID();
      if (session.streams.isIdActive(id)) {
        throw new AnalysisError(
          `Cannot start query with id ${id} as another query with same id is already active. Perhaps you are attempting to restart a query from checkpoint that is already active.`,
        );
      }
      if (!meta) checkpoint.writeMetadata({ id, sources: sourceIds });

      // 3. Physical plan (expressions compiled once) and the sink, which validates its options.
      // A temporary checkpoint dies with the query, so its state needs no files.
      const stateProvider = temporary ? new InMemoryStateStoreProvider() : new CheckpointedStateStoreProvider(checkpoint.stateDir());
      const planned = planPhysical(plan, { incremental: true, stateProvider, now: () => session.clock.now() });
      const ctx: SinkContext = {
        session, queryName: s.queryName, schema: plan.schema, outputMode: s.outputMode, checkpointDir: dir, partitionBy: s.partitionBy,
        ...(s.foreachBatch ? { foreachBatch: s.foreachBatch } : {}),
        ...(s.foreachWriter ? { foreachWriter: s.foreachWriter } : {}),
      };
      sink = provider.createSink(s.options, ctx);
      let lateRows: { sink: Sink; operatorId: number; schema: StructType } | undefined;
      if (s.lateRows) {
        const first = planned.stateful[0];
        if (!first || first.children.length === 0) {
          throw new AnalysisError('lateRowsSink needs a stateful operation with a watermark (an aggregation or deduplication after withWatermark)');
        }
        // The window a row fell into is named as users know it.
        const inner = first.children[0]!.schema;
        const schema = new StructType(inner.fields.map((f) => (
          f.name === TIME_WINDOW_COLUMN ? { ...f, name: 'window' } : f.name === SESSION_WINDOW_COLUMN ? { ...f, name: 'session_window' } : f)));
        const lateProvider = lookupSink(s.lateRows.format);
        const lateName = s.lateRows.options.get('queryName') ?? null;
        lateRows = {
          operatorId: first.operatorId,
          schema,
          sink: lateProvider.createSink(s.lateRows.options, { ...ctx, queryName: lateName, schema, outputMode: 'append', partitionBy: [] }),
        };
        extraSinks.push(lateRows.sink);
      }

      // 4. Sources: created, then opened; a source that cannot open fails start().
      const runId = randomUUID();
      const stopController = new AbortController();
      let execution: MicroBatchExecution | undefined;
      for (const [i, relation] of relations.entries()) {
        const sourceId = String(i);
        const source = relation.provider.createStreamSource!(relation.options, relation.schema, {
          clock: session.clock,
          metadataDir: checkpoint.sourceDir(sourceId),
          conf: (key) => session.conf.get(key),
          notifyDataAvailable: () => execution?.notifyDataAvailable(),
          stopSignal: stopController.signal,
        });
        started.push({ id: sourceId, relation, source });
      }
      for (const r of started) await r.source.start();

      let query: StreamingQuery | undefined;
      execution = new MicroBatchExecution({
        session, plan, planned, sources: started, sink, ...(lateRows ? { lateRows } : {}), outputMode: s.outputMode, trigger: s.trigger, clock: session.clock,
        checkpoint, deleteCheckpointOnStop: temporary, id, runId, name: s.queryName,
        listeners: () => session.streams.listListeners(),
        stopSources: () => stopController.abort(),
        onTerminated: (error) => {
          session.streams.terminated(query!, error);
          query!.markTerminated();
        },
      });
      await execution.prepare();
      query = new StreamingQuery(id, runId, s.queryName, execution, plan, planned.root);
      session.streams.register(query);
      const timestamp = new Date(session.clock.now()).toISOString();
      for (const l of session.streams.listListeners()) {
        try { l.onQueryStarted?.({ id, runId, name: s.queryName, timestamp }); } catch { /* listeners cannot break a query */ }
      }
      execution.run();
      return query;
    } catch (e) {
      await Promise.allSettled([...started.map((r) => r.source.stop()), ...(sink ? [sink.stop()] : []), ...extraSinks.map((x) => x.stop())]);
      checkpoint.unlock();
      if (temporary) rmSync(dir, { recursive: true, force: true });
      throw e;
    }
  }
}

function collectStreamingRelations(plan: DataFrame['plan']): StreamingRelation[] {
  const out: StreamingRelation[] = [];
  const visit = (p: DataFrame['plan']): void => {
    // A relation read twice (a self-join) is one source.
    if (p.kind === 'streamingRelation') { if (!out.includes(p)) out.push(p); } else planChildren(p).forEach(visit);
  };
  visit(plan);
  return out;
}

function describeSources(sources: readonly { format: string }[]): string {
  return sources.length === 0 ? 'no sources' : sources.map((s) => s.format).join(', ');
}
