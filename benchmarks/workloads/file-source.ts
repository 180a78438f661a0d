/**
 * The streaming file source's benchmark (`pnpm bench --file-source`; not part of the default run):
 *
 * - throughput: JSON Lines and CSV files of generated rows, read by `readStream` with a schema, one file per
 *   micro-batch (`maxFilesPerTrigger: 1`, Trigger.AvailableNow), to the noop sink: rows/s and MB/s of input,
 *   over the whole run (listing, source log, reading, parsing, offsets and commits included);
 * - per-batch cost: many one-row files, one per batch: the wall time of a batch, and what the engine reports
 *   for its checkpoint writes (`walCommit`: offsets/N; `commitOffsets`: commits/N and the source's commit) and
 *   for `latestOffset` (listing the folder and writing the source log).
 *
 * Each scenario runs `reps` times in a fresh session, temporary folders and checkpoint; medians are reported.
 */
import { mkdirSync, mkdtempSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Session, type StreamingQueryProgress } from 'caudal';
import { mean, median } from '../harness/stats.ts';

export interface FileSourceParams {
  /** Files per throughput run. */
  readonly files: number;
  /** Rows per file in the throughput runs. */
  readonly rowsPerFile: number;
  /** One-row files in the per-batch-cost run. */
  readonly smallFiles: number;
  readonly reps: number;
}

export const DEFAULT_FILE_SOURCE_PARAMS: FileSourceParams = { files: 12, rowsPerFile: 20_000, smallFiles: 200, reps: 3 };

export interface FileSourceResult {
  readonly scenario: string;
  readonly files: number;
  readonly rows: number;
  readonly bytes: number;
  /** Medians over the repetitions. */
  readonly rowsPerSecond: number;
  readonly mbPerSecond: number;
  readonly msPerBatch: number;
  /** Process CPU time (user + system) per batch: steadier than wall time on a shared machine. */
  readonly cpuMsPerBatch: number;
  /** Rows per second of process CPU time. */
  readonly rowsPerCpuSecond: number;
  /** Means over every batch of every repetition (the engine reports whole milliseconds; the mean is finer). */
  readonly walCommitMs: number;
  readonly commitOffsetsMs: number;
  readonly latestOffsetMs: number;
  readonly getBatchMs: number;
}

const SCHEMA = 'id BIGINT, name STRING, amount DOUBLE, country STRING, ts TIMESTAMP';
const COUNTRIES = ['ES', 'FR', 'PT', 'IT', 'DE'];
const T0 = Date.UTC(2024, 0, 1);

function row(i: number): { id: number; name: string; amount: number; country: string; ts: string } {
  return { id: i, name: `customer-${i % 9973}`, amount: Math.round(((i * 7919) % 100_000) / 7) / 100, country: COUNTRIES[i % 5]!, ts: new Date(T0 + i * 1000).toISOString() };
}

function jsonFile(start: number, n: number): string {
  let s = '';
  for (let i = start; i < start + n; i++) s += `${JSON.stringify(row(i))}\n`;
  return s;
}

function csvFile(start: number, n: number): string {
  let s = '';
  for (let i = start; i < start + n; i++) {
    const r = row(i);
    s += `${r.id},${r.name},${r.amount},${r.country},${r.ts}\n`;
  }
  return s;
}

/** Writes `files` files of `rowsPerFile` rows, stamped one second apart (settled, in a fixed order); returns their bytes. */
function writeFiles(dir: string, format: 'json' | 'csv', files: number, rowsPerFile: number): number {
  mkdirSync(dir, { recursive: true });
  let bytes = 0;
  for (let f = 0; f < files; f++) {
    const path = join(dir, `part-${String(f).padStart(5, '0')}.${format}`);
    writeFileSync(path, format === 'json' ? jsonFile(f * rowsPerFile, rowsPerFile) : csvFile(f * rowsPerFile, rowsPerFile));
    const t = (T0 + f * 1000) / 1000;
    utimesSync(path, t, t);
    bytes += statSync(path).size;
  }
  return bytes;
}

interface RunSample {
  readonly wallMs: number;
  readonly cpuMs: number;
  readonly progress: readonly StreamingQueryProgress[];
}

/** Streams `input` to the noop sink, one file per batch, until everything there is processed. */
async function runOnce(format: 'json' | 'csv', input: string, checkpoint: string): Promise<RunSample> {
  const session = Session.builder().appName(`bench-file-source-${format}`).create();
  const progress: StreamingQueryProgress[] = [];
  session.streams.addListener({ onQueryProgress: ({ progress: p }) => { progress.push(p); } });
  try {
    const started = process.hrtime.bigint();
    const cpu = process.cpuUsage();
    const query = await session.readStream.format(format).schema(SCHEMA).option('maxFilesPerTrigger', 1).load(input)
      .writeStream.format('noop').option('checkpointLocation', checkpoint).trigger({ availableNow: true }).start();
    await query.awaitTermination();
    const used = process.cpuUsage(cpu);
    return { wallMs: Number(process.hrtime.bigint() - started) / 1e6, cpuMs: (used.user + used.system) / 1000, progress };
  } finally {
    await session.stop();
  }
}

async function scenario(name: string, format: 'json' | 'csv', files: number, rowsPerFile: number, reps: number): Promise<FileSourceResult> {
  const samples: RunSample[] = [];
  let bytes = 0;
  for (let r = 0; r < reps; r++) {
    const root = mkdtempSync(join(tmpdir(), 'caudal-bench-files-'));
    try {
      bytes = writeFiles(join(root, 'input'), format, files, rowsPerFile);
      samples.push(await runOnce(format, join(root, 'input'), join(root, 'checkpoint')));
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }
  const rows = files * rowsPerFile;
  for (const s of samples) {
    const read = s.progress.reduce((n, p) => n + p.numInputRows, 0);
    if (read !== rows) throw new Error(`${name}: read ${read} rows, expected ${rows}`);
  }
  const all = samples.flatMap((s) => s.progress.filter((p) => p.numInputRows > 0));
  const d = (k: string): number => mean(all.map((p) => p.durationMs[k] ?? 0));
  return {
    scenario: name,
    files,
    rows,
    bytes,
    rowsPerSecond: median(samples.map((s) => rows / (s.wallMs / 1000))),
    mbPerSecond: median(samples.map((s) => bytes / 1e6 / (s.wallMs / 1000))),
    msPerBatch: median(samples.map((s) => s.wallMs / files)),
    cpuMsPerBatch: median(samples.map((s) => s.cpuMs / files)),
    rowsPerCpuSecond: median(samples.map((s) => rows / (s.cpuMs / 1000))),
    walCommitMs: d('walCommit'),
    commitOffsetsMs: d('commitOffsets'),
    latestOffsetMs: d('latestOffset'),
    getBatchMs: d('getBatch'),
  };
}

export async function fileSourceBenchmark(params: FileSourceParams = DEFAULT_FILE_SOURCE_PARAMS, log: (line: string) => void = () => {}): Promise<FileSourceResult[]> {
  const out: FileSourceResult[] = [];
  const plan: [string, 'json' | 'csv', number, number][] = [
    ['json', 'json', params.files, params.rowsPerFile],
    ['csv', 'csv', params.files, params.rowsPerFile],
    ['one-row files (per-batch cost)', 'csv', params.smallFiles, 1],
  ];
  for (const [name, format, files, rowsPerFile] of plan) {
    const t0 = process.hrtime.bigint();
    out.push(await scenario(name, format, files, rowsPerFile, params.reps));
    log(`  file-source ${name}: ${(Number(process.hrtime.bigint() - t0) / 1e9).toFixed(1)} s`);
  }
  return out;
}

const int = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

export function fileSourceTable(results: readonly FileSourceResult[]): string {
  const f = (x: number): string => x.toFixed(x < 10 ? 2 : 1);
  return [
    '| scenario | files × rows | input MB | rows/s | MB/s | rows per CPU-s | wall ms/batch | CPU ms/batch | latestOffset ms | getBatch ms | walCommit ms | commitOffsets ms |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...results.map((r) =>
      `| ${r.scenario} | ${int.format(r.files)} × ${int.format(r.rows / r.files)} | ${f(r.bytes / 1e6)} | ${int.format(r.rowsPerSecond)} | ` +
      `${f(r.mbPerSecond)} | ${int.format(r.rowsPerCpuSecond)} | ${f(r.msPerBatch)} | ${f(r.cpuMsPerBatch)} | ${f(r.latestOffsetMs)} | ` +
      `${f(r.getBatchMs)} | ${f(r.walCommitMs)} | ${f(r.commitOffsetsMs)} |`),
  ].join('\n');
}
