// `pnpm test:parity`: runs every query of queries.ts in Caudal and in Apache Spark (PySpark, local[2]) and
// compares the outputs batch by batch. Exits 1 on any mismatch; known differences, queries Caudal does not
// support yet, and marked queries that now pass (remove the mark) are reported without failing the run.
//
//   pnpm test:parity [--only name,name] [--keep]
//
// --only   run only these queries (by name); --keep   keep the work directory (inputs, outputs, runner logs).
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { compareOutputs, type Outcome, type Verdict } from './compare.ts';
import { prepareInputs } from './inputs.ts';
import { QUERIES } from './queries.ts';
import type { QuerySpec, RunnerInput, RunnerOutput } from './spec.ts';

const HERE = import.meta.dirname;
const ROOT = resolve(HERE, '..', '..');
const PYTHON = join(ROOT, 'benchmarks', '.venv', 'bin', 'python');

interface Args { only: string[] | undefined; keep: boolean }

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { only: undefined, keep: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--keep') args.keep = true;
    else if (a === '--only') args.only = (argv[++i] ?? '').split(',').filter((s) => s !== '');
    else if (a !== '--') throw new Error(`unknown argument ${a} (use --only a,b and/or --keep)`);
  }
  return args;
}

function selectSpecs(only: readonly string[] | undefined): QuerySpec[] {
  const names = new Set(QUERIES.map((q) => q.name));
  if (names.size !== QUERIES.length) throw new Error('queries.ts: query names must be unique');
  if (only === undefined) return [...QUERIES];
  const unknown = only.filter((n) => !names.has(n));
  if (unknown.length > 0) throw new Error(`unknown queries: ${unknown.join(', ')}`);
  return QUERIES.filter((q) => only.includes(q.name));
}

/** Runs a runner process; its stderr goes to a log file, and its per-query lines to our stderr. */
function runRunner(label: string, command: string, args: readonly string[], logFile: string): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const log = createWriteStream(logFile);
    const child = spawn(command, args, {
      cwd: ROOT,
      env: { ...process.env, TZ: 'UTC', PYSPARK_PYTHON: PYTHON, PYSPARK_DRIVER_PYTHON: PYTHON },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let pending = '';
    const onText = (chunk: Buffer): void => {
      log.write(chunk);
      pending += chunk.toString('utf8');
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const l of lines) if (l.startsWith(`${label} `)) process.stderr.write(`  ${l}\n`);
    };
    child.stdout.on('data', onText);
    child.stderr.on('data', onText);
    child.on('error', reject);
    child.on('close', (code) => log.end(() => resolvePromise(code ?? 1)));
  });
}

function readOutput(dir: string, name: string, runnerLog: string): RunnerOutput {
  const file = join(dir, `${name}.json`);
  if (!existsSync(file)) return { name, status: 'error', error: `the runner wrote no result (see ${runnerLog})`, ms: 0 };
  return JSON.parse(readFileSync(file, 'utf8')) as RunnerOutput;
}

function tail(file: string, lines: number): string {
  return existsSync(file) ? readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n') : '';
}

const MARK: Record<Outcome, string> = {
  'match': 'ok      ',
  'known': 'known   ',
  'unsupported': 'pending ',
  'now-supported': 'NOW OK  ',
  'mismatch': 'MISMATCH',
};

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const specs = selectSpecs(args.only);
  const started = performance.now();

  process.stderr.write('parity: checking the Spark environment (benchmarks/spark/setup.sh)\n');
  const setup = spawnSync('bash', [join(ROOT, 'benchmarks', 'spark', 'setup.sh')], { stdio: ['ignore', 'inherit', 'inherit'] });
  if (setup.status !== 0) throw new Error('benchmarks/spark/setup.sh failed');

  const workDir = mkdtempSync(join(tmpdir(), 'caudal-parity-'));
  try {
    const resolved = prepareInputs(specs, workDir);
    const outputs = { caudal: join(workDir, 'out', 'caudal'), spark: join(workDir, 'out', 'spark') };
    const logs = { caudal: join(workDir, 'caudal-runner.log'), spark: join(workDir, 'spark-runner.log') };
    const inputFiles = { caudal: join(workDir, 'caudal-input.json'), spark: join(workDir, 'spark-input.json') };
    for (const engine of ['caudal', 'spark'] as const) {
      mkdirSync(outputs[engine], { recursive: true });
      const input: RunnerInput = { specs: resolved, outDir: outputs[engine], workDir };
      writeFileSync(inputFiles[engine], JSON.stringify(input));
    }

    process.stderr.write(`parity: ${specs.length} queries, Caudal and Spark side by side (work dir ${workDir})\n`);
    // Both runners at once: Spark's start-up and per-batch overhead dominate, Caudal finishes well before.
    const [caudalCode, sparkCode] = await Promise.all([
      runRunner('caudal', process.execPath, ['--import', 'tsx', join(HERE, 'caudal-runner.ts'), inputFiles.caudal], logs.caudal),
      runRunner('spark', PYTHON, [join(HERE, 'spark_runner.py'), inputFiles.spark], logs.spark),
    ]);
    for (const [engine, code] of [['caudal', caudalCode], ['spark', sparkCode]] as const) {
      if (code !== 0) process.stderr.write(`parity: the ${engine} runner exited with ${code}; the end of its log:\n${tail(logs[engine], 30)}\n`);
    }

    const verdicts: Verdict[] = specs.map((spec) =>
      compareOutputs(spec, readOutput(outputs.caudal, spec.name, logs.caudal), readOutput(outputs.spark, spec.name, logs.spark)));

    const out: string[] = ['', 'Parity: Caudal vs Apache Spark 4.0.1', ''];
    for (const v of verdicts) {
      out.push(`${MARK[v.outcome]} ${v.name}`);
      out.push(...v.lines);
    }
    const count = (o: Outcome): number => verdicts.filter((v) => v.outcome === o).length;
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    out.push('', `${verdicts.length} queries: ${count('match')} equal, ${count('known')} with known differences, ` +
      `${count('unsupported')} not yet supported in Caudal, ${count('now-supported')} newly supported, ` +
      `${count('mismatch')} mismatches (${seconds} s)`);
    if (count('now-supported') > 0) out.push('Newly supported queries: remove their caudalUnsupported mark in benchmarks/parity/queries.ts.');
    process.stdout.write(`${out.join('\n')}\n`);
    return count('mismatch') > 0 ? 1 : 0;
  } finally {
    if (args.keep) process.stderr.write(`parity: work directory kept at ${workDir}\n`);
    else rmSync(workDir, { recursive: true, force: true });
  }
}

process.exitCode = await main();
