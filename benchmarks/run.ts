/**
 * The foundation's benchmark runner (`pnpm bench`). Not a test: it times streaming queries end to end.
 *
 *   pnpm bench [--batches N] [--warmup N] [--reps N] [--rows N] [--only a,b] [--label text] [--out file | --no-write] [--in-process]
 *   pnpm bench --file-source [--reps N] [--out file | --no-write]     (the file source instead: workloads/file-source.ts)
 *   pnpm bench --windowed-count [--reps N] [--batches N] [--rows N] [--keys N]  (state of a watermarked window count: workloads/windowed-count.ts;
 *                                                                              run with node --expose-gc for the heap figures)
 *
 * Each workload runs in its own Node process (unless --in-process), `--reps` times, each time as a fresh
 * session and query with the default trigger; the first `--warmup` batches are discarded and the next
 * `--batches` are measured. Prints a markdown table and writes benchmarks/results/<yyyy-mm-dd>-foundation.json.
 * Profile with: node --import tsx --cpu-prof --cpu-prof-dir=/tmp/prof benchmarks/run.ts --only filter-project
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runInChild, type ChildMessage } from './harness/isolate.ts';
import { machineInfo } from './harness/machine.ts';
import { measureWorkload, type WorkloadResult } from './harness/measure.ts';
import { localDate, markdownTable, type RunReport } from './harness/report.ts';
import type { Workload, WorkloadParams } from './harness/workload.ts';
import { WORKLOADS } from './workloads/index.ts';
import { DEFAULT_FILE_SOURCE_PARAMS, fileSourceBenchmark, fileSourceTable } from './workloads/file-source.ts';
import { DEFAULT_WINDOWED_COUNT_PARAMS, windowedCountStateBenchmark, windowedCountTable } from './workloads/windowed-count.ts';

const SCRIPT = fileURLToPath(import.meta.url);
const HERE = dirname(SCRIPT);

const { values: args } = parseArgs({
  options: {
    batches: { type: 'string' },
    warmup: { type: 'string', default: '5' },
    reps: { type: 'string', default: '3' },
    rows: { type: 'string', default: '100000' },
    only: { type: 'string' },
    label: { type: 'string' },
    out: { type: 'string' },
    'no-write': { type: 'boolean', default: false },
    'in-process': { type: 'boolean', default: false },
    'file-source': { type: 'boolean', default: false },
    'windowed-count': { type: 'boolean', default: false },
    keys: { type: 'string', default: '100' },
    child: { type: 'string' },
    params: { type: 'string' },
  },
  strict: true,
});

function positiveInt(name: string, text: string, min: number): number {
  const n = Number(text);
  if (!Number.isSafeInteger(n) || n < min) throw new Error(`--${name} must be an integer >= ${min}, got '${text}'`);
  return n;
}

function lookup(name: string): Workload {
  const w = WORKLOADS.find((x) => x.name === name);
  if (!w) throw new Error(`unknown workload '${name}'; known: ${WORKLOADS.map((x) => x.name).join(', ')}`);
  return w;
}

function paramsFor(w: Workload): WorkloadParams {
  return {
    batches: args.batches === undefined ? w.defaultBatches : positiveInt('batches', args.batches, 1),
    warmupBatches: positiveInt('warmup', args.warmup, 1),
    repetitions: positiveInt('reps', args.reps, 1),
    rowsPerBatch: positiveInt('rows', args.rows, 1),
  };
}

async function child(name: string, paramsJson: string): Promise<void> {
  let message: ChildMessage;
  try {
    message = { ok: true, result: await measureWorkload(lookup(name), JSON.parse(paramsJson) as WorkloadParams) };
  } catch (e) {
    message = { ok: false, error: e instanceof Error ? (e.stack ?? e.message) : String(e) };
  }
  await new Promise<void>((resolve) => process.send!(message, () => resolve()));
}

async function fileSourceMain(): Promise<void> {
  const params = { ...DEFAULT_FILE_SOURCE_PARAMS, reps: positiveInt('reps', args.reps, 1) };
  const results = await fileSourceBenchmark(params, (line) => process.stdout.write(`${line}\n`));
  process.stdout.write(`\n${fileSourceTable(results)}\n`);
  if (args['no-write']) return;
  const out = args.out ?? join(HERE, 'results', `${localDate()}-file-source.json`);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify({ date: localDate(), label: args.label ?? null, machine: machineInfo(), params, results }, null, 2)}\n`);
  process.stdout.write(`\nwrote ${out}\n`);
}

async function windowedCountMain(): Promise<void> {
  const d = DEFAULT_WINDOWED_COUNT_PARAMS;
  const params = {
    rowsPerBatch: positiveInt('rows', args.rows, 1),
    keys: positiveInt('keys', args.keys, 1),
    warmupBatches: d.warmupBatches,
    batches: args.batches === undefined ? d.batches : positiveInt('batches', args.batches, 1),
    reps: positiveInt('reps', args.reps, 1),
  };
  const machine = machineInfo();
  process.stdout.write(`windowed-count — ${machine.cores} cores (${machine.cpuModel}), Node ${machine.node}, load average ${machine.loadAverage1m}\n`);
  const result = await windowedCountStateBenchmark(params, (line) => process.stdout.write(`${line}\n`));
  process.stdout.write(`\n${windowedCountTable(result)}\n\nstate rows of the first ${params.warmupBatches} batches: ${result.stateRowsFirstBatches.join(' ')}\n`);
  if (args['no-write']) return;
  const out = args.out ?? join(HERE, 'results', `${localDate()}-windowed-count.json`);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify({ date: localDate(), label: args.label ?? null, machine, result, loadAverageAfter: machineInfo().loadAverage1m }, null, 2)}\n`);
  process.stdout.write(`\nwrote ${out}\n`);
}

async function main(): Promise<void> {
  if (args['file-source']) return fileSourceMain();
  if (args['windowed-count']) return windowedCountMain();
  const selected = args.only === undefined ? WORKLOADS : args.only.split(',').map((s) => lookup(s.trim()));
  const machine = machineInfo();
  process.stdout.write(
    `caudal benchmarks — ${machine.cores} cores (${machine.cpuModel}), ${machine.memoryMb} MB, Node ${machine.node}, ` +
    `load average ${machine.loadAverage1m}\n`,
  );
  const results: WorkloadResult[] = [];
  for (const w of selected) {
    const params = paramsFor(w);
    process.stdout.write(`  ${w.name}: ${params.warmupBatches} warm-up + ${params.batches} measured batches × ${params.repetitions} reps ... `);
    const started = process.hrtime.bigint();
    const r = args['in-process'] ? await measureWorkload(w, params) : await runInChild(SCRIPT, w.name, params);
    process.stdout.write(`${(Number(process.hrtime.bigint() - started) / 1e9).toFixed(1)} s\n`);
    results.push(r);
  }
  process.stdout.write(`\n${markdownTable(results)}\n`);
  const report: RunReport = { date: localDate(), label: args.label ?? null, machine, results };
  if (!args['no-write']) {
    const out = args.out ?? join(HERE, 'results', `${report.date}-foundation.json`);
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
    process.stdout.write(`\nwrote ${out}\n`);
  }
}

if (args.child !== undefined) {
  await child(args.child, args.params ?? '{}');
} else {
  try {
    await main();
  } catch (e) {
    process.stderr.write(`bench: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  }
}
