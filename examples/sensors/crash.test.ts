// Kill -9 recovery of a windowed aggregation with a watermark in append mode (light-job.ts): the sensor
// readings split into 15 files, one per batch, the closed windows written by the exactly-once JSON file
// sink. The job runs in a child process that is SIGKILLed at random moments and restarted from its
// checkpoint each time (state under <checkpoint>/state/); at the end its output, read through the sink's
// manifest, must equal an uninterrupted run's: the same windows with the same averages, none twice, none
// missing. The same approach as the invoices pipeline's crash test, whose generic helpers it shares.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT, committedRows, seededRandom } from '../invoices/crash-harness.ts';
import { replayFiles } from './replay.ts';

const KILLS = Number(process.env['CAUDAL_CRASH_KILLS'] ?? 20);
const SEED = Number(process.env['CAUDAL_CRASH_SEED'] ?? Date.now() % 1_000_000);
const JOB = join(ROOT, 'examples', 'sensors', 'light-job.ts');
const STARTED = 'Light job started';
/** A fixed past instant for the input files' modification times: settled, and in a fixed order. */
const T0 = Date.UTC(2024, 0, 1, 12, 0, 0);

const roots: string[] = [];
afterEach(() => {
  for (const r of roots.splice(0)) rmSync(r, { recursive: true, force: true });
});

interface JobDirs { readonly input: string; readonly output: string; readonly checkpoint: string }

function jobDirs(root: string): JobDirs {
  return { input: join(root, 'input'), output: join(root, 'output'), checkpoint: join(root, 'checkpoint') };
}

/** All 2,665 readings as 15 files, stamped one second apart so the source takes them in name order. */
function writeInput(input: string): string {
  mkdirSync(input, { recursive: true });
  const data = readFileSync(join(ROOT, 'examples', 'sensors', 'data', 'datatest.txt'), 'utf8');
  const files = replayFiles(data, { rowsPerFile: 178, speed: 60, startMs: Date.UTC(2024, 0, 1) });
  files.forEach((f, i) => {
    const path = join(input, f.name);
    writeFileSync(path, f.text);
    utimesSync(path, (T0 + i * 1000) / 1000, (T0 + i * 1000) / 1000);
  });
  return data;
}

/** One run of light-job.ts in its own process group. */
class Job {
  stderr = '';
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private readonly child: ChildProcess;
  private waiters: (() => void)[] = [];

  constructor(dirs: JobDirs, trigger: string) {
    const args = ['--import', 'tsx', JOB, '--input', dirs.input, '--output', dirs.output, '--checkpoint', dirs.checkpoint,
      '--trigger', trigger, '--max-files', '1'];
    this.child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], detached: true });
    this.child.stderr!.setEncoding('utf8').on('data', (s: string) => {
      this.stderr += s;
      if (this.stderr.includes(STARTED)) for (const w of this.waiters.splice(0)) w();
    });
    this.exited = new Promise((resolve) => this.child.on('exit', (code, signal) => {
      for (const w of this.waiters.splice(0)) w();
      resolve({ code, signal });
    }));
  }

  get ended(): boolean {
    return this.child.exitCode !== null || this.child.signalCode !== null;
  }

  async started(): Promise<void> {
    if (this.stderr.includes(STARTED) || this.ended) return;
    await new Promise<void>((resolve) => this.waiters.push(resolve));
  }

  /** SIGKILL to the whole process group: no clean-up of any kind runs. */
  async kill(): Promise<void> {
    if (!this.ended) {
      try {
        process.kill(-this.child.pid!, 'SIGKILL');
      } catch {
        // Gone already.
      }
    }
    await this.exited;
  }
}

async function runToEnd(dirs: JobDirs): Promise<void> {
  const job = new Job(dirs, 'availableNow');
  const { code, signal } = await job.exited;
  if (code !== 0) throw new Error(`the job exited with ${code ?? signal}; stderr:\n${job.stderr}`);
}

function logEntries(dir: string): number {
  return existsSync(dir) ? readdirSync(dir).filter((n) => /^\d+$/.test(n)).length : 0;
}

/** Resolves once the log folder holds more than `count` entries, or after `timeoutMs` (the job may have no work left). */
async function untilMore(dir: string, count: number, timeoutMs: number): Promise<void> {
  for (const end = Date.now() + timeoutMs; Date.now() < end && logEntries(dir) <= count;) await sleep(1);
}

/** The 45 s / 15 s windows closed by the final watermark (max event time − 10 s), computed by hand from the replay. */
function expectedWindows(data: string): { start: string; end: string; avg: number }[] {
  const files = replayFiles(data, { rowsPerFile: 178, speed: 60, startMs: Date.UTC(2024, 0, 1) });
  const sums = new Map<number, { sum: number; n: number }>();
  let max = -Infinity;
  for (const f of files) {
    for (const line of f.text.split('\n').slice(1).filter((l) => l !== '')) {
      const fields = line.split(',');
      const t = Date.parse(fields[0]!);
      const light = Number(fields[4]);
      max = Math.max(max, t);
      for (let start = Math.floor(t / 15_000) * 15_000; start > t - 45_000; start -= 15_000) {
        const s = sums.get(start) ?? { sum: 0, n: 0 };
        s.sum += light;
        s.n++;
        sums.set(start, s);
      }
    }
  }
  return [...sums].filter(([start]) => start + 45_000 <= max - 10_000).sort(([a], [b]) => a - b)
    .map(([start, { sum, n }]) => ({ start: new Date(start).toISOString(), end: new Date(start + 45_000).toISOString(), avg: sum / n }));
}

describe('the sensors light windows job under kill -9', () => {
  it(`emits every closed window exactly once across ${KILLS} SIGKILLs at random moments`, async () => {
    const root = mkdtempSync(join(tmpdir(), 'caudal-sensors-crash-'));
    roots.push(root);
    const crashed = jobDirs(join(root, 'crashed'));
    const reference = jobDirs(join(root, 'reference'));
    const data = writeInput(crashed.input);
    writeInput(reference.input);

    const uninterrupted = runToEnd(reference);
    // A batch every 200 ms. Kills 2, 4, 6, ... land 0-250 ms after the query started: before, inside or
    // between batches. Kills 1, 3, 5, ... wait until a batch has written its offsets and land 0-20 ms later,
    // inside it (reading the file, folding it into the windows, writing the part file, committing state or logs).
    const random = seededRandom(SEED);
    const committedAfterKill: number[] = [];
    let midBatchKills = 0;
    for (let i = 0; i < KILLS; i++) {
      const before = logEntries(join(crashed.checkpoint, 'offsets'));
      const job = new Job(crashed, '200 milliseconds');
      await job.started();
      if (i % 2 === 0) await untilMore(join(crashed.checkpoint, 'offsets'), before, 1_000);
      await sleep(Math.floor(random() * (i % 2 === 0 ? 20 : 250)));
      if (job.ended) throw new Error(`the job ended by itself before kill ${i + 1}; stderr:\n${job.stderr}`);
      await job.kill();
      const offsets = logEntries(join(crashed.checkpoint, 'offsets'));
      const commits = logEntries(join(crashed.checkpoint, 'commits'));
      committedAfterKill.push(commits);
      if (offsets > commits) midBatchKills++;
    }
    expect(committedAfterKill).toHaveLength(KILLS);
    await runToEnd(crashed);
    await uninterrupted;

    const expected = committedRows(reference.output);
    const actual = committedRows(crashed.output);
    const context = `seed ${SEED}; batches committed after each kill: ${committedAfterKill.join(',')}; ${midBatchKills} kills mid-batch`;
    expect(actual.length, context).toBe(expected.length);
    expect(actual, context).toEqual(expected);
    // Both equal the windows computed by hand: none missing, none twice, each with its exact average.
    const windows = expectedWindows(data);
    expect(windows.length).toBe(176);
    expect(actual.map((l) => JSON.parse(l) as { window: { start: string; end: string }; AvgLight: number })
      .map((r) => ({ start: r.window.start, end: r.window.end, avg: r.AvgLight })), context).toEqual(windows);
  }, 300_000);
});
