/**
 * The side-by-side suite (`pnpm bench:spark`): the same eight streaming queries on Caudal and on Apache Spark
 * (PySpark, local[2]) on this machine, each in its own runner process; benchmarks/README.md describes the method.
 * Not a test: it measures and reports, and exits non-zero only when a run or a check fails.
 *
 *   pnpm bench:spark [--only w1,w3] [--engines caudal,spark] [--rows N] [--batches N] [--warmup-batches N]
 *                    [--quijote-copies N] [--invoice-copies N] [--bizum-payments N] [--max-files N]
 *                    [--socket-lines-per-second N] [--socket-seconds N] [--kafka-messages N]
 *                    [--timeout-s N] [--out file.json | --no-write] [--keep-work]
 *
 * Writes benchmarks/results/<yyyy-mm-dd>-spark.{json,md,svg} and prints the table.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { localDate } from '../harness/report.ts';
import { percentile } from '../harness/stats.ts';
import { throughputChart } from './chart-svg.ts';
import { loadAverages, machineSummary } from './environment.ts';
import { compact, mb } from './format.ts';
import { DEFAULT_INPUT_SIZES, INVOICE_SCHEMA_DDL, expectedBizumUpdateRows, prepareInputs, type InputSizes, type SuiteInputs } from './inputs.ts';
import { ensureBroker, stopBroker, SuiteKafka, type Broker } from './kafka-inputs.ts';
import { LineFeeder, type FeedStats } from './line-feeder.ts';
import { markdownReport, markdownTable, notes } from './report.ts';
import { killCurrentRunner, runRunner, type RunnerCommand } from './runner-process.ts';
import { ENGINES, WORKLOADS, type Check, type Engine, type EngineRun, type SuiteResult, type WorkloadEntry, type WorkloadName, type WorkloadResult } from './types.ts';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '../..');

const { values: args } = parseArgs({
  options: {
    only: { type: 'string' },
    engines: { type: 'string', default: 'caudal,spark' },
    rows: { type: 'string', default: '200000' },
    batches: { type: 'string', default: '50' },
    'warmup-batches': { type: 'string', default: '5' },
    'quijote-copies': { type: 'string', default: String(DEFAULT_INPUT_SIZES.quijoteCopies) },
    'invoice-copies': { type: 'string', default: String(DEFAULT_INPUT_SIZES.invoiceCopies) },
    'bizum-payments': { type: 'string', default: String(DEFAULT_INPUT_SIZES.bizumPayments) },
    'max-files': { type: 'string', default: '4' },
    'socket-lines-per-second': { type: 'string', default: '1000' },
    'socket-seconds': { type: 'string', default: '60' },
    'kafka-messages': { type: 'string', default: '500000' },
    'kafka-warmup-messages': { type: 'string', default: '10000' },
    'timeout-s': { type: 'string', default: '600' },
    out: { type: 'string' },
    'no-write': { type: 'boolean', default: false },
    'keep-work': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
  strict: true,
});

if (args.help) {
  // The usage is this file's header comment: print it rather than keep a second copy.
  const header = /\/\*\*([\s\S]*?)\*\//.exec(readFileSync(fileURLToPath(import.meta.url), 'utf8'))?.[1] ?? '';
  process.stdout.write(header.split('\n').map((l) => l.replace(/^ ?\* ?/, '')).join('\n').trim() + '\n');
  process.exit(0);
}

function int(name: string, min = 1): number {
  const text = (args as Record<string, string | boolean | undefined>)[name];
  const n = Number(text);
  if (!Number.isSafeInteger(n) || n < min) throw new Error(`--${name} must be an integer >= ${min}, got '${String(text)}'`);
  return n;
}

function selectWorkloads(spec: string | undefined): WorkloadName[] {
  if (spec === undefined) return [...WORKLOADS];
  return spec.split(',').map((s) => s.trim()).filter((s) => s !== '').map((s) => {
    const w = WORKLOADS.find((x) => x === s || x.startsWith(`${s}-`));
    if (w === undefined) throw new Error(`unknown workload '${s}'; known: ${WORKLOADS.join(', ')} (or w1..w8)`);
    return w;
  });
}

function selectEngines(spec: string): Engine[] {
  return spec.split(',').map((s) => s.trim()).filter((s) => s !== '').map((s) => {
    const e = ENGINES.find((x) => x === s);
    if (e === undefined) throw new Error(`unknown engine '${s}'; known: ${ENGINES.join(', ')}`);
    return e;
  });
}

const sizes = {
  rowsPerBatch: int('rows'),
  batches: int('batches'),
  warmupBatches: int('warmup-batches', 0),
  maxFilesPerTrigger: int('max-files'),
  linesPerSecond: int('socket-lines-per-second'),
  socketSeconds: int('socket-seconds'),
  kafkaMessages: int('kafka-messages'),
  kafkaWarmupMessages: int('kafka-warmup-messages'),
  timeoutS: int('timeout-s'),
};
const inputSizes: InputSizes = {
  ...DEFAULT_INPUT_SIZES,
  quijoteCopies: int('quijote-copies'),
  invoiceCopies: int('invoice-copies'),
  bizumPayments: int('bizum-payments'),
  bizumWarmupPayments: Math.min(DEFAULT_INPUT_SIZES.bizumWarmupPayments, int('bizum-payments')),
};
const socketLines = sizes.linesPerSecond * sizes.socketSeconds;
const workloads = selectWorkloads(args.only);
const engines = selectEngines(args.engines);

// ---- clean-up, also on SIGINT / SIGTERM ----
const cleanups: (() => void)[] = [];
let cleanedUp = false;
function cleanUp(): void {
  if (cleanedUp) return;
  cleanedUp = true;
  for (const c of cleanups.splice(0).reverse()) {
    try {
      c();
    } catch (e) {
      process.stderr.write(`clean-up: ${e instanceof Error ? e.message : String(e)}\n`);
    }
  }
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    process.stderr.write(`\n${signal}: stopping the runner and cleaning up\n`);
    killCurrentRunner();
    cleanUp();
    process.exit(130);
  });
}

const MAX_STORED_BATCHES = 1000;
const WORK_DIR_PREFIX = 'caudal-spark-suite-';
const OWNER_FILE = 'owner.pid';

/** Removes work dirs (hundreds of MB of inputs) that a SIGKILLed suite left: their owner.pid is not alive. */
function sweepStaleWorkDirs(): void {
  for (const name of readdirSync(tmpdir())) {
    if (!name.startsWith(WORK_DIR_PREFIX)) continue;
    const dir = join(tmpdir(), name);
    let owner: number;
    try {
      owner = Number(readFileSync(join(dir, OWNER_FILE), 'utf8').trim());
    } catch {
      continue; // not ours to judge
    }
    if (!Number.isSafeInteger(owner) || owner <= 0) continue;
    try {
      process.kill(owner, 0);
      continue; // a suite still running
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ESRCH') continue;
    }
    rmSync(dir, { recursive: true, force: true });
    log(`removed ${dir}, left by a suite run (pid ${owner}) that is gone`);
  }
}

const log = (line: string): void => void process.stderr.write(`${line}\n`);

function runnerCommand(engine: Engine, workload: WorkloadName, paramsFile: string): RunnerCommand {
  return engine === 'caudal'
    ? { command: process.execPath, args: ['--import', 'tsx', 'benchmarks/side-by-side/caudal-workloads.ts', workload, paramsFile], cwd: ROOT }
    : { command: join(ROOT, 'benchmarks', '.venv', 'bin', 'python'), args: ['benchmarks/spark/workloads.py', workload, paramsFile], cwd: ROOT };
}

/**
 * Lines of the part files a file sink wrote under `dir`, its metadata and hidden files left out, and any
 * `warmup*` folder too (a runner may keep its warm-up run's output beside the measured one).
 */
function countOutputLines(dir: string): number {
  let n = 0;
  for (const name of readdirSync(dir)) {
    if (name.startsWith('_') || name.startsWith('.') || name.startsWith('warmup')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) n += countOutputLines(path);
    else for (const line of readFileSync(path, 'utf8').split('\n')) if (line.trim() !== '') n++;
  }
  return n;
}

function withoutArrays(r: WorkloadResult): Omit<WorkloadResult, 'batchMs' | 'latencyMs'> {
  const { batchMs: _b, latencyMs: _l, ...rest } = r;
  return rest;
}

const check = (name: string, expected: number, actual: number | undefined, hard = true): Check =>
  ({ name, expected, actual: actual ?? null, ok: actual === expected, hard });

interface RunContext {
  readonly inputs: SuiteInputs;
  readonly workDir: string;
  readonly broker?: Broker | Error;
  readonly kafka?: SuiteKafka;
}

async function runOne(workload: WorkloadName, engine: Engine, ctx: RunContext): Promise<EngineRun> {
  const runDir = join(ctx.workDir, 'runs', workload, engine);
  // The runners keep their warm-up runs' checkpoints (and w5's output) apart from these themselves.
  const dirs = { outputDir: join(runDir, 'output'), checkpointDir: join(runDir, 'checkpoint') };
  for (const d of Object.values(dirs)) mkdirSync(d, { recursive: true });
  const params: Record<string, unknown> = { ...dirs };
  const checks: Check[] = [];
  const expect: { inputRows?: number; outputRows?: number } = {};
  let feeder: LineFeeder | undefined;
  let kafkaInfo: { topicIn: string; topicOut: string; produceMs: number } | undefined;
  const fileInput = (input: { dir: string; warmupDir: string } | undefined): void => {
    if (input === undefined) throw new Error('input missing');
    Object.assign(params, { inputDir: input.dir, warmupInputDir: input.warmupDir, maxFilesPerTrigger: sizes.maxFilesPerTrigger });
  };
  switch (workload) {
    case 'w1-filter-project':
    case 'w2-group-count':
    case 'w3-windowed-count':
      Object.assign(params, { rowsPerBatch: sizes.rowsPerBatch, batches: sizes.batches, warmupBatches: sizes.warmupBatches });
      expect.inputRows = sizes.rowsPerBatch * sizes.batches;
      break;
    case 'w4-wordcount':
      fileInput(ctx.inputs.quijote);
      expect.inputRows = ctx.inputs.quijote!.rows;
      break;
    case 'w5-invoices':
      fileInput(ctx.inputs.invoices);
      params['invoiceSchema'] = INVOICE_SCHEMA_DDL;
      expect.inputRows = ctx.inputs.invoices!.rows;
      expect.outputRows = ctx.inputs.invoices!.lineItems;
      break;
    case 'w6-bizum':
      fileInput(ctx.inputs.bizum);
      expect.inputRows = ctx.inputs.bizum!.rows;
      expect.outputRows = expectedBizumUpdateRows(ctx.inputs.bizum!, sizes.maxFilesPerTrigger);
      break;
    case 'w7-socket-latency':
      feeder = await LineFeeder.listen('127.0.0.1');
      Object.assign(params, { socketHost: feeder.host, socketPort: feeder.port, lines: socketLines, linesPerSecond: sizes.linesPerSecond });
      expect.inputRows = socketLines;
      break;
    case 'w8-kafka': {
      if (ctx.broker instanceof Error) throw ctx.broker;
      if (ctx.broker === undefined || ctx.kafka === undefined) throw new Error('no Kafka broker');
      const t = await ctx.kafka.topicsFor(engine, sizes.kafkaMessages, sizes.kafkaWarmupMessages);
      kafkaInfo = { topicIn: t.topicIn, topicOut: t.topicOut, produceMs: Math.round(t.produceMs) };
      Object.assign(params, {
        kafkaBrokers: ctx.broker.bootstrap, topicIn: t.topicIn, topicOut: t.topicOut, warmupTopicIn: t.warmupTopicIn,
        messages: sizes.kafkaMessages, warmupMessages: sizes.kafkaWarmupMessages,
      });
      expect.inputRows = sizes.kafkaMessages;
      break;
    }
  }
  const paramsFile = join(runDir, 'params.json');
  writeFileSync(paramsFile, `${JSON.stringify(params, null, 2)}\n`);

  let feedPromise: Promise<FeedStats> | undefined;
  const timeoutMs = sizes.timeoutS * 1000 + (workload === 'w7-socket-latency' ? sizes.socketSeconds * 1000 : 0);
  const outcome = await runRunner(runnerCommand(engine, workload, paramsFile), {
    timeoutMs,
    logFile: join(runDir, 'runner.log'),
    ...(feeder !== undefined ? {
      onReady: async (): Promise<void> => {
        await feeder.waitForConnection(30_000);
        feedPromise = feeder.feed(socketLines, sizes.linesPerSecond);
        await feedPromise;
      },
    } : {}),
  });
  let feed: FeedStats | undefined;
  if (feeder !== undefined) {
    await feeder.close();
    feed = await feedPromise?.catch(() => undefined);
  }

  const r = outcome.result;
  let error = outcome.error;
  if (r !== undefined && error === undefined && (r.engine !== engine || r.workload !== workload)) {
    error = `RESULT is for ${r.engine} / ${r.workload}, expected ${engine} / ${workload}`;
  }
  let outputTopicMessages: number | undefined;
  if (r !== undefined) {
    if (expect.inputRows !== undefined) checks.push(check('inputRows', expect.inputRows, r.inputRows));
    if (workload.startsWith('w1') || workload.startsWith('w2') || workload.startsWith('w3')) checks.push(check('batches', sizes.batches, r.batches));
    if (expect.outputRows !== undefined) checks.push(check('outputRows', expect.outputRows, r.outputRows));
    if (workload === 'w5-invoices') checks.push(check('lines in the output part files (counted by the suite)', ctx.inputs.invoices!.lineItems, countOutputLines(dirs.outputDir), false));
    if (workload === 'w7-socket-latency') checks.push(check('latencyMs entries', socketLines, r.latencyMs?.length));
    if (workload === 'w8-kafka' && ctx.kafka !== undefined && kafkaInfo !== undefined) {
      outputTopicMessages = await ctx.kafka.messageCount(kafkaInfo.topicOut).catch(() => undefined);
      if (r.outputRows !== undefined && outputTopicMessages !== undefined) checks.push(check('messages in topicOut = outputRows', r.outputRows, outputTopicMessages, false));
    }
  }
  if (error === undefined && checks.some((c) => c.hard && !c.ok)) error = `check failed: ${checks.filter((c) => c.hard && !c.ok).map((c) => c.name).join(', ')}`;

  let derivedRate: EngineRun['derivedRate'];
  if (r !== undefined && r.measuredMs > 0) {
    if (workload === 'w4-wordcount') derivedRate = { unit: 'words', perSecond: ctx.inputs.quijote!.words / (r.measuredMs / 1000) };
    if (workload === 'w5-invoices') derivedRate = { unit: 'line items', perSecond: ctx.inputs.invoices!.lineItems / (r.measuredMs / 1000) };
  }
  const batchMs = r?.batchMs;
  const latencyMs = r?.latencyMs;
  const ok = error === undefined;
  return {
    engine,
    ok,
    ...(error !== undefined ? { error } : {}),
    ...(r !== undefined ? { result: withoutArrays(r) } : {}),
    ...(batchMs !== undefined ? {
      // w7 runs a batch per line or two: its thousands of durations are summarised, not stored.
      ...(batchMs.length <= MAX_STORED_BATCHES ? { batchMs } : {}),
      batchCount: batchMs.length,
      ...(batchMs.length > 0 ? { batchP50Ms: percentile(batchMs, 50), batchP99Ms: percentile(batchMs, 99) } : {}),
    } : {}),
    ...(latencyMs !== undefined && latencyMs.length > 0 ? {
      latencyCount: latencyMs.length,
      latencyP50Ms: percentile(latencyMs, 50),
      latencyP99Ms: percentile(latencyMs, 99),
      latencyMaxMs: Math.max(...latencyMs),
    } : {}),
    ...(derivedRate !== undefined ? { derivedRate } : {}),
    peakRssBytes: outcome.peakRssBytes,
    maxProcesses: outcome.maxProcesses,
    ...(outcome.readyAfterMs !== undefined ? { readyAfterMs: Math.round(outcome.readyAfterMs) } : {}),
    processMs: Math.round(outcome.processMs),
    exitCode: outcome.exitCode,
    checks,
    ...(feed !== undefined ? { feed } : {}),
    ...(kafkaInfo !== undefined ? { kafka: { ...kafkaInfo, ...(outputTopicMessages !== undefined ? { outputTopicMessages } : {}) } } : {}),
    ...(!ok ? { stderrTail: outcome.stderrTail.split('\n').slice(-25).join('\n') } : {}),
  };
}

/** Caudal ÷ Spark: rows/s, or p99 latency for w7; the outputRows cross-check where outputs are deterministic. */
function compare(workload: WorkloadName, runs: readonly EngineRun[]): Pick<WorkloadEntry, 'ratio' | 'crossCheck'> {
  const c = runs.find((r) => r.engine === 'caudal');
  const s = runs.find((r) => r.engine === 'spark');
  if (!c?.result || !s?.result) return {};
  const out: { ratio?: NonNullable<WorkloadEntry['ratio']>; crossCheck?: NonNullable<WorkloadEntry['crossCheck']> } = {};
  if (workload === 'w7-socket-latency') {
    if (c.latencyP99Ms !== undefined && s.latencyP99Ms !== undefined && s.latencyP99Ms > 0) {
      out.ratio = { metric: 'latencyP99Ms', caudalOverSpark: c.latencyP99Ms / s.latencyP99Ms };
    }
  } else if (c.ok && s.ok && s.result.rowsPerSecond > 0) {
    out.ratio = { metric: 'rowsPerSecond', caudalOverSpark: c.result.rowsPerSecond / s.result.rowsPerSecond };
  }
  const co = c.result.outputRows;
  const so = s.result.outputRows;
  if (['w4-wordcount', 'w5-invoices', 'w6-bizum', 'w8-kafka'].includes(workload) && co !== undefined && so !== undefined) {
    out.crossCheck = { field: 'outputRows', caudal: co, spark: so, agree: co === so };
  }
  return out;
}

function summaryLine(workload: string, r: EngineRun): string {
  const head = `[${workload} / ${r.engine}]`;
  if (!r.ok) return `${head} FAILED after ${(r.processMs / 1000).toFixed(1)} s: ${r.error}${r.stderrTail ? `\n${r.stderrTail}` : ''}`;
  const res = r.result!;
  const latency = r.latencyP99Ms !== undefined ? `, latency p50 ${r.latencyP50Ms!.toFixed(2)} / p99 ${r.latencyP99Ms.toFixed(2)} ms` : '';
  return `${head} ${compact(res.rowsPerSecond)} rows/s over ${res.batches} batches${latency}, startup ${Math.round(res.startupMs)} ms, peak RSS ${mb(r.peakRssBytes)} MB (${(r.processMs / 1000).toFixed(1)} s)`;
}

async function main(): Promise<boolean> {
  const startedAt = new Date();
  const t0 = performance.now();
  let pyspark: string | undefined;
  let setupError: string | undefined;
  if (engines.includes('spark')) {
    log('running benchmarks/spark/setup.sh ...');
    const setup = spawnSync('bash', [join(ROOT, 'benchmarks', 'spark', 'setup.sh')], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    if (setup.status === 0) pyspark = /pyspark\s+(\S+)/.exec(setup.stdout)?.[1];
    else setupError = `benchmarks/spark/setup.sh failed (exit ${String(setup.status)}): ${setup.stdout.trim()}`;
  }
  const machine = machineSummary(ROOT, pyspark, engines.includes('spark'));
  log(`side-by-side: ${workloads.join(', ')} on ${engines.join(', ')}; ${machine.cores} cores, load ${machine.loadAverageStart.join(' / ')}`);

  sweepStaleWorkDirs();
  const workDir = mkdtempSync(join(tmpdir(), WORK_DIR_PREFIX));
  writeFileSync(join(workDir, OWNER_FILE), `${process.pid}\n`);
  if (args['keep-work']) log(`work dir (kept): ${workDir}`);
  else cleanups.push(() => rmSync(workDir, { recursive: true, force: true }));
  const tIn = performance.now();
  const inputs = prepareInputs(join(workDir, 'inputs'), inputSizes, {
    quijote: workloads.includes('w4-wordcount'),
    invoices: workloads.includes('w5-invoices'),
    bizum: workloads.includes('w6-bizum'),
  });
  log(`inputs written in ${((performance.now() - tIn) / 1000).toFixed(1)} s under ${workDir}`);

  let broker: Broker | Error | undefined;
  let kafka: SuiteKafka | undefined;
  if (workloads.includes('w8-kafka')) {
    try {
      broker = ensureBroker(ROOT);
      if (broker.started) cleanups.push(() => stopBroker(ROOT));
      kafka = await SuiteKafka.connect(broker.bootstrap);
    } catch (e) {
      broker = e instanceof Error ? e : new Error(String(e));
    }
  }

  const entries: WorkloadEntry[] = [];
  try {
    for (const workload of workloads) {
      const runs: EngineRun[] = [];
      for (const engine of engines) {
        log(`[${workload} / ${engine}] running ...`);
        let run: EngineRun;
        if (engine === 'spark' && setupError !== undefined) {
          run = { engine, ok: false, error: setupError, peakRssBytes: 0, maxProcesses: 0, processMs: 0, exitCode: null, checks: [] };
        } else {
          try {
            run = await runOne(workload, engine, { inputs, workDir, ...(broker !== undefined ? { broker } : {}), ...(kafka !== undefined ? { kafka } : {}) });
          } catch (e) {
            run = { engine, ok: false, error: e instanceof Error ? e.message : String(e), peakRssBytes: 0, maxProcesses: 0, processMs: 0, exitCode: null, checks: [] };
          }
        }
        log(summaryLine(workload, run));
        runs.push(run);
      }
      const entry: WorkloadEntry = { workload, runs, ...compare(workload, runs) };
      if (entry.crossCheck && !entry.crossCheck.agree) log(`[${workload}] outputRows DISAGREE: Caudal ${entry.crossCheck.caudal}, Spark ${entry.crossCheck.spark}`);
      entries.push(entry);
    }
  } finally {
    await kafka?.close().catch(() => undefined);
  }

  const ok = entries.every((w) => w.runs.every((r) => r.ok) && (w.crossCheck?.agree ?? true));
  const result: SuiteResult = {
    suite: 'spark-side-by-side',
    date: localDate(startedAt),
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    durationS: Math.round((performance.now() - t0) / 100) / 10,
    machine: { ...machine, loadAverageEnd: loadAverages() },
    params: {
      workloads, engines, ...sizes, socketLines, ...inputSizes,
      quijoteWords: inputs.quijote?.words ?? 0, invoiceLineItems: inputs.invoices?.lineItems ?? 0,
    },
    workloads: entries,
    ok,
  };
  process.stdout.write(`\n${markdownTable(result)}\n`);
  const bullets = notes(result);
  if (bullets.length > 0) process.stdout.write(`\n${bullets.map((b) => `- ${b}`).join('\n')}\n`);
  if (!args['no-write']) {
    const out = args.out ?? join(ROOT, 'benchmarks', 'results', `${result.date}-spark.json`);
    const base = out.replace(/\.json$/, '');
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
    writeFileSync(`${base}.md`, markdownReport(result));
    writeFileSync(`${base}.svg`, throughputChart(result));
    process.stdout.write(`\nwrote ${out}, ${base}.md, ${base}.svg (${result.durationS} s in all)\n`);
  }
  return ok;
}

try {
  const ok = await main();
  process.exitCode = ok ? 0 : 1;
} catch (e) {
  process.stderr.write(`bench:spark: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 1;
} finally {
  cleanUp();
}
