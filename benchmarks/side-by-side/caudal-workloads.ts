/**
 * The Caudal side of the side-by-side suite (contract: /work/notes/spark-suite-contract.md).
 *
 *   node --import tsx benchmarks/side-by-side/caudal-workloads.ts <workload-name> <params-json-file>
 *
 * Prints `READY` once the session exists (w7: once the query has started and its socket source connected),
 * then `RESULT <json>`; diagnostics go to stderr. Each workload is written as its PySpark twin is, line by line.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Kafka, logLevel } from 'kafkajs';
import {
  Session, avg, col, count, explode, expr, from_json, lower, max, split, window, type Row, type StreamingQuery,
  type StreamingQueryProgress,
} from 'caudal';
import {
  availableNowResult, batchesWithData, measureRateQuery, runAvailableNow, sinkRows, stateRowsOf, watch,
  type AvailableNowRun, type Measured, type WorkloadResult,
} from './caudal-measure.ts';

interface Params {
  readonly rowsPerBatch?: number;
  readonly batches?: number;
  readonly warmupBatches?: number;
  readonly inputDir?: string;
  readonly warmupInputDir?: string;
  readonly maxFilesPerTrigger?: number;
  readonly outputDir?: string;
  readonly checkpointDir?: string;
  readonly invoiceSchema?: string;
  readonly socketHost?: string;
  readonly socketPort?: number;
  readonly lines?: number;
  readonly kafkaBrokers?: string;
  readonly topicIn?: string;
  readonly topicOut?: string;
  readonly warmupTopicIn?: string;
  readonly messages?: number;
}

type Workload = (spark: Session, params: Params) => Promise<Measured>;

function need<K extends keyof Params>(params: Params, key: K): NonNullable<Params[K]> {
  const v = params[key];
  if (v === undefined || v === null) throw new Error(`params: '${key}' is required for this workload`);
  return v as NonNullable<Params[K]>;
}

/** A checkpoint folder per run inside the given one (warm-up and measured runs each need their own). */
function checkpoint(params: Params, run: string): string {
  return join(need(params, 'checkpointDir'), run);
}

// ---- w1–w3: rate-micro-batch, default trigger ----

const w1FilterProject: Workload = async (spark, params) => {
  const { result } = await measureRateQuery(spark, () => spark.readStream
    .format('rate-micro-batch')
    .option('rowsPerBatch', need(params, 'rowsPerBatch'))
    .option('numPartitions', 2)
    .load()
    .filter(col('value').mod(2).eq(0))
    .select(col('value'), col('value').multiply(2).alias('doubled'), col('timestamp'))
    .writeStream
    .format('noop')
    .outputMode('append')
    .option('checkpointLocation', checkpoint(params, 'measured'))
    .start(), need(params, 'warmupBatches'), need(params, 'batches'));
  return result;
};

const w2GroupCount: Workload = async (spark, params) => {
  const { result } = await measureRateQuery(spark, () => spark.readStream
    .format('rate-micro-batch')
    .option('rowsPerBatch', need(params, 'rowsPerBatch'))
    .option('numPartitions', 2)
    .load()
    .groupBy(col('value').mod(1000).alias('k'))
    .count()
    .writeStream
    .format('noop')
    .outputMode('update')
    .option('checkpointLocation', checkpoint(params, 'measured'))
    .start(), need(params, 'warmupBatches'), need(params, 'batches'));
  return result;
};

const w3WindowedCount: Workload = async (spark, params) => {
  const { result, last } = await measureRateQuery(spark, () => spark.readStream
    .format('rate-micro-batch')
    .option('rowsPerBatch', need(params, 'rowsPerBatch'))
    .option('startTimestamp', 0)
    .option('advanceMillisPerBatch', 1000)
    .load()
    .withWatermark('timestamp', '10 seconds')
    .groupBy(window('timestamp', '10 seconds'), col('value').mod(100).alias('k'))
    .count()
    .writeStream
    .format('noop')
    .outputMode('append')
    .option('checkpointLocation', checkpoint(params, 'measured'))
    .start(), need(params, 'warmupBatches'), need(params, 'batches'));
  return { ...result, stateRows: stateRowsOf(last) };
};

// ---- w4–w6, w8: trigger availableNow, a warm-up run over a small input, then the measured run ----

/** Runs `query(input, run)` over the warm-up input, then over the measured one; returns the measured run. */
async function warmThenMeasure(spark: Session, warmupInput: string, input: string, query: (input: string, run: string) => Promise<StreamingQuery>): Promise<AvailableNowRun> {
  const warm = await runAvailableNow(spark, () => query(warmupInput, 'warmup'));
  process.stderr.write(`warm-up: ${warm.progress.length} batches, ${warm.progress.reduce((n, p) => n + p.numInputRows, 0)} rows in ${warm.wallMs.toFixed(0)} ms\n`);
  return runAvailableNow(spark, () => query(input, 'measured'));
}

const w4Wordcount: Workload = async (spark, params) => {
  const run = await warmThenMeasure(spark, need(params, 'warmupInputDir'), need(params, 'inputDir'), (input, runName) => {
    const lines = spark.readStream.format('text').option('maxFilesPerTrigger', need(params, 'maxFilesPerTrigger')).load(input);
    const words = lines.select(explode(split(col('value'), ' ')).alias('word'));
    const counts = words.filter(col('word').ne('')).groupBy('word').count();
    return counts.writeStream
      .format('noop')
      .outputMode('complete')
      .option('checkpointLocation', checkpoint(params, runName))
      .trigger({ availableNow: true })
      .start();
  });
  return availableNowResult(run);
};

const w5Invoices: Workload = async (spark, params) => {
  const outputRoot = need(params, 'outputDir');
  const run = await warmThenMeasure(spark, need(params, 'warmupInputDir'), need(params, 'inputDir'), (input, runName) => {
    const invoices = spark.readStream
      .schema(need(params, 'invoiceSchema'))
      .option('maxFilesPerTrigger', need(params, 'maxFilesPerTrigger'))
      .json(input);
    const exploded = invoices.selectExpr('InvoiceNumber', 'CreatedTime', 'StoreID', 'PosID', 'CustomerType', 'PaymentMethod',
      'DeliveryType', 'DeliveryAddress.City', 'DeliveryAddress.State', 'DeliveryAddress.PinCode', 'explode(InvoiceLineItems) as LineItem');
    const flattened = exploded
      .withColumn('ItemCode', expr('LineItem.ItemCode'))
      .withColumn('ItemDescription', expr('LineItem.ItemDescription'))
      .withColumn('ItemPrice', expr('LineItem.ItemPrice'))
      .withColumn('ItemQty', expr('LineItem.ItemQty'))
      .withColumn('TotalValue', expr('LineItem.TotalValue'))
      .drop('LineItem');
    return flattened.writeStream
      .format('json')
      .outputMode('append')
      .option('path', join(outputRoot, runName))
      .option('checkpointLocation', checkpoint(params, runName))
      .trigger({ availableNow: true })
      .start();
  });
  return { ...availableNowResult(run), outputRows: countOutputLines(join(outputRoot, 'measured')) };
};

/** Lines in the part files of a file sink's folder (its `_spark_metadata` log left out). */
function countOutputLines(dir: string): number {
  let n = 0;
  for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    if (name.split(/[\\/]/).some((part) => part.startsWith('_') || part.startsWith('.'))) continue;
    const path = join(dir, name);
    if (!statSync(path).isFile()) continue;
    const text = readFileSync(path, 'utf8');
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
    if (text.length > 0 && !text.endsWith('\n')) n++;
  }
  return n;
}

const w6Bizum: Workload = async (spark, params) => {
  const run = await warmThenMeasure(spark, need(params, 'warmupInputDir'), need(params, 'inputDir'), (input, runName) => {
    const payments = spark.readStream
      .option('sep', ';')
      .schema('Nombre STRING, Cantidad INT, Concepto STRING')
      .option('maxFilesPerTrigger', need(params, 'maxFilesPerTrigger'))
      .csv(input);
    const maximos = payments
      .select(lower(col('Nombre')).alias('Nombre'), 'Cantidad')
      .groupBy('Nombre')
      .agg(max('Cantidad').alias('Maximo'));
    return maximos.writeStream
      .format('noop')
      .outputMode('update')
      .option('checkpointLocation', checkpoint(params, runName))
      .trigger({ availableNow: true })
      .start();
  });
  return { ...availableNowResult(run), outputRows: sinkRows(run) };
};

// ---- w7: socket → foreach, latency per line ----

const w7SocketLatency: Workload = async (spark, params) => {
  const expected = need(params, 'lines');
  const latencyMs: number[] = [];
  let firstSent = Infinity;
  let lastSent = -Infinity;
  let lastReceived = performance.now();
  let finish!: { resolve: () => void; reject: (e: Error) => void };
  const done = new Promise<void>((resolve, reject) => { finish = { resolve, reject }; });
  const progress: StreamingQueryProgress[] = [];
  const { listener } = watch(spark, (p) => progress.push(p), () => undefined);

  const lines = spark.readStream
    .format('socket')
    .option('host', need(params, 'socketHost'))
    .option('port', need(params, 'socketPort'))
    .load();
  const stamped = lines.selectExpr("cast(split(value, ',')[0] as bigint) as seq", "cast(split(value, ',')[1] as double) as sentMs");
  const query = await stamped.writeStream
    .foreach({
      process(row: Row): void {
        const nowMs = performance.timeOrigin + performance.now();
        const sentMs = row['sentMs'] as number;
        latencyMs.push(nowMs - sentMs);
        if (sentMs < firstSent) firstSent = sentMs;
        if (sentMs > lastSent) lastSent = sentMs;
        lastReceived = performance.now();
        if (latencyMs.length === expected) finish.resolve();
      },
    })
    .option('checkpointLocation', checkpoint(params, 'measured'))
    .start();
  process.stdout.write('READY\n');
  const cpuAtReady = process.cpuUsage();

  // No line for 30 s (before the first one, or after the last one received) means the feed broke: fail.
  const watchdog = setInterval(() => {
    if (performance.now() - lastReceived > 30_000) {
      finish.reject(new Error(`received ${latencyMs.length} of ${expected} lines, none in the last 30 s`));
    }
  }, 1000);
  try {
    await Promise.race([done, query.awaitTermination().then(() => {
      throw new Error(`the query stopped after ${latencyMs.length} of ${expected} lines`);
    })]);
  } finally {
    clearInterval(watchdog);
    await query.stop();
    spark.streams.removeListener(listener);
  }
  const cpu = process.cpuUsage(cpuAtReady);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const feedMs = lastSent - firstSent;
  return {
    ...batchesWithData(progress),
    measuredMs: feedMs,
    rowsPerSecond: latencyMs.length / (feedMs / 1000),
    latencyMs: latencyMs.map((x) => Math.round(x * 1000) / 1000),
    outputRows: latencyMs.length,
    notes: `process CPU ${(cpuMs / 1000).toFixed(2)} s from READY to the last line (${(cpuMs / latencyMs.length).toFixed(3)} ms per line)`,
  };
};

// ---- w8: Kafka → from_json → groupBy → Kafka ----

const w8Kafka: Workload = async (spark, params) => {
  const brokers = need(params, 'kafkaBrokers');
  const topicOut = need(params, 'topicOut');
  // The warm-up's results go to a topic of their own, so topicOut holds the measured run's only.
  const warmupTopicOut = `${topicOut}-warmup`;
  const kafka = new Kafka({ clientId: 'caudal-side-by-side', brokers: [brokers], logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = [topicOut, warmupTopicOut].filter((t) => !existing.has(t));
    if (missing.length > 0) await admin.createTopics({ topics: missing.map((topic) => ({ topic, numPartitions: 1 })), waitForLeaders: true });
    const written = async (): Promise<number> => (await admin.fetchTopicOffsets(topicOut)).reduce((n, p) => n + Number(p.high), 0);

    const query = (topicIn: string, runName: string): Promise<StreamingQuery> => {
      const raw = spark.readStream
        .format('kafka')
        .option('kafka.bootstrap.servers', brokers)
        .option('subscribe', topicIn)
        .option('startingOffsets', 'earliest')
        .load();
      const readings = raw.select(from_json(col('value').cast('string'), 'sensor STRING, temperature DOUBLE, humidity DOUBLE, ts TIMESTAMP').alias('r'));
      const stats = readings
        .groupBy('r.sensor')
        .agg(count('*').alias('n'), avg('r.temperature').alias('avg_temperature'), max('r.humidity').alias('max_humidity'));
      return stats
        .selectExpr('sensor AS key', 'to_json(struct(*)) AS value')
        .writeStream
        .format('kafka')
        .outputMode('update')
        .option('kafka.bootstrap.servers', brokers)
        .option('topic', runName === 'warmup' ? warmupTopicOut : topicOut)
        .option('checkpointLocation', checkpoint(params, runName))
        .trigger({ availableNow: true })
        .start();
    };
    const warm = await runAvailableNow(spark, () => query(need(params, 'warmupTopicIn'), 'warmup'));
    process.stderr.write(`warm-up: ${warm.progress.length} batches, ${warm.progress.reduce((n, p) => n + p.numInputRows, 0)} rows in ${warm.wallMs.toFixed(0)} ms\n`);
    const before = await written();
    const run = await runAvailableNow(spark, () => query(need(params, 'topicIn'), 'measured'));
    const outputRows = (await written()) - before;
    const result = availableNowResult(run);
    const notes: string[] = [];
    if (params.messages !== undefined && result.inputRows !== params.messages) notes.push(`read ${result.inputRows} of ${params.messages} messages`);
    if (sinkRows(run) !== outputRows) notes.push(`sink reported ${sinkRows(run)} rows, topic grew by ${outputRows}`);
    return { ...result, outputRows, ...(notes.length > 0 ? { notes: notes.join('; ') } : {}) };
  } finally {
    await admin.deleteTopics({ topics: [warmupTopicOut] }).catch(() => undefined);
    await admin.disconnect();
  }
};

const WORKLOADS: Record<string, Workload> = {
  'w1-filter-project': w1FilterProject,
  'w2-group-count': w2GroupCount,
  'w3-windowed-count': w3WindowedCount,
  'w4-wordcount': w4Wordcount,
  'w5-invoices': w5Invoices,
  'w6-bizum': w6Bizum,
  'w7-socket-latency': w7SocketLatency,
  'w8-kafka': w8Kafka,
};

/** READY is printed by the workload itself when it must first start its query (w7). */
const READY_AFTER_START = new Set(['w7-socket-latency']);

function engineVersion(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  try {
    return (JSON.parse(readFileSync(resolve(here, '../../packages/caudal/package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

async function main(): Promise<void> {
  const [name, paramsFile] = process.argv.slice(2);
  const workload = name === undefined ? undefined : WORKLOADS[name];
  if (workload === undefined || paramsFile === undefined) {
    throw new Error(`usage: caudal-workloads.ts <${Object.keys(WORKLOADS).join('|')}> <params-json-file>`);
  }
  const params = JSON.parse(readFileSync(paramsFile, 'utf8')) as Params;
  const spark = Session.builder()
    .appName(`side-by-side ${name}`)
    .config('spark.sql.shuffle.partitions', 2)
    .config('spark.sql.session.timeZone', 'UTC')
    .getOrCreate();
  // performance.now() counts from the process's start (performance.timeOrigin).
  const startupMs = performance.now();
  if (!READY_AFTER_START.has(name!)) process.stdout.write('READY\n');
  try {
    const measured = await workload(spark, params);
    const result: WorkloadResult = { engine: 'caudal', engineVersion: engineVersion(), workload: name!, startupMs, ...measured };
    await new Promise<void>((resolve) => process.stdout.write(`RESULT ${JSON.stringify(result)}\n`, () => resolve()));
  } finally {
    await spark.stop();
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  },
);
