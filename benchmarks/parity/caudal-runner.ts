// Builds each parity spec as a Caudal streaming query, captures every micro-batch with foreachBatch and
// writes the normalised rows (spec.ts has the value conventions).
//
//   node --import tsx benchmarks/parity/caudal-runner.ts <runner-input.json>
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Session, expr, simpleString, type DataFrame, type DataType } from 'caudal';
import type { Op, OutputBatch, OutputField, ResolvedSpec, RunnerInput, RunnerOutput } from './spec.ts';

/** A query still running after this long is stopped and reported as failed. */
const QUERY_TIMEOUT_MS = 60_000;

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** An integral value: a number while exact in JSON readers (|v| ≤ 2^53), its digits beyond. */
function encodeIntegral(v: number): number | string {
  return Math.abs(v) <= 2 ** 53 ? v : BigInt(v).toString();
}

function encodeDouble(v: number): number | string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return 'Infinity';
  if (v === -Infinity) return '-Infinity';
  return v;
}

function isoDate(days: number): string {
  return new Date(days * 86_400_000).toISOString().slice(0, 10);
}

/** An engine-internal value (data/vector.ts layouts) in the shared JSON convention. */
function encodeValue(type: DataType, v: unknown): unknown {
  if (v === null || v === undefined) return null;
  switch (type.kind) {
    case 'null': return null;
    case 'string': case 'boolean': return v;
    case 'int': case 'long': return encodeIntegral(v as number);
    case 'double': return encodeDouble(v as number);
    case 'timestamp': return v as number;
    case 'date': return isoDate(v as number);
    case 'binary': {
      let s = '';
      for (const b of v as Uint8Array) s += HEX[b]!;
      return s;
    }
    case 'interval': {
      const i = v as { months: number; micros: number };
      return { months: i.months, micros: i.micros };
    }
    case 'array': return (v as unknown[]).map((e) => encodeValue(type.elementType, e));
    case 'map': {
      const out: Record<string, unknown> = {};
      for (const [k, x] of v as Map<unknown, unknown>) {
        const key = encodeValue(type.keyType, k);
        out[typeof key === 'string' ? key : JSON.stringify(key)] = encodeValue(type.valueType, x);
      }
      return out;
    }
    case 'struct': {
      const arr = v as unknown[];
      const out: Record<string, unknown> = {};
      type.fields.forEach((f, i) => { out[f.name] = encodeValue(f.dataType, arr[i]); });
      return out;
    }
  }
}

function applyOp(df: DataFrame, op: Op, staticDf: DataFrame | undefined): DataFrame {
  switch (op.op) {
    case 'selectExpr': return df.selectExpr(...op.exprs);
    case 'filter': return df.filter(op.condition);
    case 'withColumn': return df.withColumn(op.name, expr(op.expr));
    case 'withColumnRenamed': return df.withColumnRenamed(op.from, op.to);
    case 'drop': return df.drop(...op.columns);
    case 'withWatermark': return df.withWatermark(op.column, op.delay);
    case 'groupBy': {
      const g = df.groupBy(...op.keys.map((k) => expr(k)));
      return op.aggs === 'count' ? g.count() : g.agg(...op.aggs.map((a) => expr(a)));
    }
    case 'dropDuplicates': return df.dropDuplicates(op.columns);
    case 'dropDuplicatesWithinWatermark': return df.dropDuplicatesWithinWatermark(op.columns);
    case 'joinStatic':
      if (staticDf === undefined) throw new Error('joinStatic needs the spec to have a static side');
      return df.join(staticDf, op.on, op.how);
    case 'orderBy': return df.orderBy(...op.exprs.map((e) => expr(e)));
  }
}

function sourceOf(session: Session, spec: ResolvedSpec): DataFrame {
  const src = spec.source;
  if (src.kind === 'rate-micro-batch') return session.readStream.format('rate-micro-batch').options(src.options).load();
  let reader = session.readStream.format(src.format).option('maxFilesPerTrigger', 1);
  if (src.schema !== undefined) reader = reader.schema(src.schema);
  for (const [k, v] of Object.entries(src.options ?? {})) reader = reader.option(k, v);
  return reader.load(spec.inputDir);
}

function staticOf(session: Session, spec: ResolvedSpec): DataFrame | undefined {
  const st = spec.static;
  if (st === undefined) return undefined;
  let reader = session.read.format(st.format).schema(st.schema);
  for (const [k, v] of Object.entries(st.options ?? {})) reader = reader.option(k, v);
  return reader.load(spec.staticDir);
}

function message(e: unknown): string {
  return e instanceof Error ? `${e.name}: ${e.message}` : String(e);
}

async function runSpec(session: Session, spec: ResolvedSpec, checkpoint: string): Promise<RunnerOutput> {
  const started = performance.now();
  const ms = (): number => Math.round(performance.now() - started);
  try {
    const staticDf = staticOf(session, spec);
    let df = sourceOf(session, spec);
    for (const op of spec.ops) df = applyOp(df, op, staticDf);
    const schema: OutputField[] = df.schema.fields.map((f) => ({ name: f.name, type: simpleString(f.dataType) }));

    const limit = spec.source.kind === 'rate-micro-batch' ? spec.source.batches : Infinity;
    const batches: OutputBatch[] = [];
    let reached = (): void => {};
    const enough = new Promise<void>((resolve) => { reached = resolve; });
    let writer = df.writeStream.outputMode(spec.outputMode).option('checkpointLocation', checkpoint)
      .foreachBatch(async (batchDf, batchId) => {
        if (batchId >= limit) return;
        const rows: unknown[][] = [];
        const types = batchDf.schema.fields.map((f) => f.dataType);
        // The batch's columns as the engine holds them (microsecond timestamps; collect() gives Date, in ms).
        for (const b of await batchDf.executeBatches('collect')) {
          for (let i = 0; i < b.numRows; i++) rows.push(b.rowValues(i).map((v, c) => encodeValue(types[c]!, v)));
        }
        batches.push({ batchId, rows });
        if (batchId === limit - 1) reached();
      });
    if (spec.source.kind === 'file') writer = writer.trigger({ availableNow: true });
    const query = await writer.start();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no result after ${QUERY_TIMEOUT_MS} ms`)), QUERY_TIMEOUT_MS);
    });
    try {
      await Promise.race([query.awaitTermination(), enough, timeout]);
    } finally {
      clearTimeout(timer);
      await query.stop();
    }
    const failure = query.exception();
    if (failure !== null) throw failure;
    return { name: spec.name, status: 'ok', schema, batches, ms: ms() };
  } catch (e) {
    return { name: spec.name, status: 'error', error: message(e), ms: ms() };
  }
}

async function main(): Promise<void> {
  const inputFile = process.argv[2];
  if (inputFile === undefined) throw new Error('usage: caudal-runner.ts <runner-input.json>');
  const input = JSON.parse(readFileSync(inputFile, 'utf8')) as RunnerInput;
  mkdirSync(input.outDir, { recursive: true });
  const session = Session.builder().appName('parity')
    .config('spark.sql.session.timeZone', 'UTC')
    .config('spark.sql.shuffle.partitions', 2)
    .create();
  try {
    for (const spec of input.specs) {
      const out = await runSpec(session, spec, join(input.workDir, 'checkpoints', 'caudal', spec.name));
      writeFileSync(join(input.outDir, `${spec.name}.json`), JSON.stringify(out));
      process.stderr.write(`caudal ${spec.name}: ${out.status} (${out.ms} ms)\n`);
    }
  } finally {
    await session.stop();
  }
}

await main();
