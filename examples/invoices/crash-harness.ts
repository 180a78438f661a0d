// Kill -9 recovery check for the invoices pipeline (main.ts), shared by crash.test.ts and stress-crash.ts:
// the pipeline runs in a child process that is killed with SIGKILL at random moments and restarted from
// its checkpoint each time; at the end its output, read through the file sink's manifest, must equal an
// uninterrupted run's, row for row.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { FileSinkLog } from 'caudal';

/** The repository root: the nearest folder above this file holding pnpm-workspace.yaml. */
export const ROOT = ((): string => {
  for (let dir = import.meta.dirname; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'pnpm-workspace.yaml'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no pnpm-workspace.yaml above ${import.meta.dirname}`);
  }
})();

const MAIN = join(ROOT, 'examples', 'invoices', 'main.ts');
const DATA = join(ROOT, 'examples', 'invoices', 'data');
const STARTED = 'Facturas Writer started';
/** A fixed past instant for the input files' modification times: they are settled, and their order is fixed. */
const T0 = Date.UTC(2024, 0, 1, 12, 0, 0);

/** The folders of one pipeline's run: its input, output, checkpoint and archive. */
export interface PipelineDirs {
  readonly input: string;
  readonly output: string;
  readonly checkpoint: string;
  readonly archive: string;
}

export function pipelineDirs(root: string): PipelineDirs {
  return { input: join(root, 'input'), output: join(root, 'output'), checkpoint: join(root, 'checkpoint'), archive: join(root, 'archive') };
}

/**
 * Splits each invoices file into `parts` files (by lines) in `input`: 3 × parts files, stamped one second
 * apart so the source takes them in a fixed order.
 */
export function writeInputFiles(input: string, parts: number): string[] {
  mkdirSync(input, { recursive: true });
  const names: string[] = [];
  for (const source of readdirSync(DATA).filter((n) => n.endsWith('.json')).sort()) {
    const lines = readFileSync(join(DATA, source), 'utf8').split('\n').filter((l) => l.trim() !== '');
    const size = Math.ceil(lines.length / parts);
    for (let p = 0; p < parts; p++) {
      const name = `${source.replace(/\.json$/, '')}-part${p + 1}.json`;
      const path = join(input, name);
      writeFileSync(path, lines.slice(p * size, (p + 1) * size).map((l) => `${l}\n`).join(''));
      const t = (T0 + names.length * 1000) / 1000;
      utimesSync(path, t, t);
      names.push(name);
    }
  }
  return names;
}

/** A run of main.ts in its own process group (node with tsx's loader, one process). */
export class PipelineProcess {
  stderr = '';
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private readonly child: ChildProcess;
  private startedWaiters: (() => void)[] = [];

  constructor(dirs: PipelineDirs, trigger: string) {
    const args = [
      '--import', 'tsx', MAIN,
      '--input', dirs.input, '--output', dirs.output, '--checkpoint', dirs.checkpoint, '--archive', dirs.archive,
      '--trigger', trigger, '--max-files', '1',
    ];
    this.child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], detached: true });
    this.child.stderr!.setEncoding('utf8').on('data', (s: string) => {
      this.stderr += s;
      if (this.stderr.includes(STARTED)) for (const w of this.startedWaiters.splice(0)) w();
    });
    this.exited = new Promise((resolve) => this.child.on('exit', (code, signal) => {
      for (const w of this.startedWaiters.splice(0)) w();
      resolve({ code, signal });
    }));
  }

  /** The process has ended (by itself: only kill() ends it otherwise). */
  get ended(): boolean {
    return this.child.exitCode !== null || this.child.signalCode !== null;
  }

  /** Resolves once the query has started (or the process has ended). */
  async started(): Promise<void> {
    if (this.stderr.includes(STARTED) || this.child.exitCode !== null || this.child.signalCode !== null) return;
    await new Promise<void>((resolve) => this.startedWaiters.push(resolve));
  }

  /** SIGTERM: main.ts stops its query (the running batch finishes) and exits. */
  async terminate(): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    if (!this.ended) this.child.kill('SIGTERM');
    return this.exited;
  }

  /** SIGKILL to the whole process group: no clean-up of any kind runs. */
  async kill(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) {
      try {
        process.kill(-this.child.pid!, 'SIGKILL');
      } catch {
        // Gone already.
      }
    }
    await this.exited;
  }
}

/** Runs the pipeline with Trigger.AvailableNow until it stops by itself; fails unless it exits cleanly. */
export async function runToEnd(dirs: PipelineDirs): Promise<void> {
  const p = new PipelineProcess(dirs, 'availableNow');
  const { code, signal } = await p.exited;
  if (code !== 0) throw new Error(`the pipeline exited with ${code ?? signal}; stderr:\n${p.stderr}`);
}

/**
 * Starts the pipeline (processing-time trigger `trigger`) and SIGKILLs it a random 0..`maxDelayMs` ms after its
 * query started, `kills` times, each restart from the same checkpoint. `random` gives numbers in [0, 1).
 */
export async function killRepeatedly(dirs: PipelineDirs, kills: number, maxDelayMs: number, trigger: string, random: () => number): Promise<KillReport> {
  const report: KillReport = { committedAfterKill: [], midBatchKills: 0 };
  for (let i = 0; i < kills; i++) {
    const p = new PipelineProcess(dirs, trigger);
    await p.started();
    await new Promise((resolve) => setTimeout(resolve, Math.floor(random() * maxDelayMs)));
    // With a processing-time trigger the pipeline never ends by itself: ending means it failed.
    if (p.ended) throw new Error(`the pipeline ended by itself before kill ${i + 1}; stderr:\n${p.stderr}`);
    await p.kill();
    const offsets = logEntries(join(dirs.checkpoint, 'offsets'));
    const commits = logEntries(join(dirs.checkpoint, 'commits'));
    report.committedAfterKill.push(commits);
    if (offsets > commits) report.midBatchKills++;
  }
  return report;
}

/** What a kill loop saw: batches committed after each kill, and kills that left a batch logged but not committed. */
export interface KillReport {
  readonly committedAfterKill: number[];
  midBatchKills: number;
}

function logEntries(dir: string): number {
  return existsSync(dir) ? readdirSync(dir).filter((n) => /^\d+$/.test(n)).length : 0;
}

/** The output rows (JSON lines) in commit order, read only through the file sink's manifest. */
export function committedRows(output: string): string[] {
  const files = FileSinkLog.readCommittedFiles(output);
  if (files === null) return [];
  return files.flatMap((f) => readFileSync(f, 'utf8').split('\n').filter((l) => l !== ''));
}

/** A small seeded generator (mulberry32), so a failing run can be repeated with its seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
