/**
 * Runs one engine runner (`<runner> <workload> <params.json>`) in its own process group, speaking the suite's
 * protocol: `READY` then `RESULT <json>` on stdout, diagnostics on stderr (kept in a log file). Samples the
 * process tree's RSS meanwhile, enforces a timeout, and kills what is left of the group at the end (a JVM
 * outliving its python parent, say).
 */
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { ProcessTreeRssSampler } from './process-tree-rss.ts';
import type { WorkloadResult } from './types.ts';

export interface RunnerCommand {
  readonly command: string;
  readonly args: readonly string[];
  readonly cwd: string;
}

export interface RunnerOutcome {
  readonly result?: WorkloadResult;
  readonly error?: string;
  readonly exitCode: number | null;
  readonly readyAfterMs?: number;
  readonly processMs: number;
  readonly peakRssBytes: number;
  readonly maxProcesses: number;
  readonly stderrTail: string;
}

export interface RunOptions {
  readonly timeoutMs: number;
  readonly logFile: string;
  /** Called once READY arrives (w7 feeds its lines here); a rejection fails the run and stops the runner. */
  readonly onReady?: () => Promise<void>;
}

const TAIL_CHARS = 3000;
const KILL_GRACE_MS = 5000;

/** The live runner's process group, so a SIGINT of the suite can end it. */
let current: number | null = null;

export function killCurrentRunner(): void {
  if (current !== null) killGroup(current, 'SIGKILL');
}

function killGroup(pgid: number, signal: NodeJS.Signals): boolean {
  try {
    process.kill(-pgid, signal);
    return true;
  } catch {
    return false; // the group is gone
  }
}

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Fields of a RESULT that must be finite numbers. */
const NUMBER_FIELDS = ['startupMs', 'inputRows', 'measuredMs', 'rowsPerSecond', 'batches'] as const;

export function parseResultLine(json: string): WorkloadResult {
  const r = JSON.parse(json) as Record<string, unknown>;
  for (const f of NUMBER_FIELDS) {
    if (typeof r[f] !== 'number' || !Number.isFinite(r[f])) throw new Error(`RESULT.${f} is not a finite number: ${JSON.stringify(r[f])}`);
  }
  if (!Array.isArray(r['batchMs']) || !r['batchMs'].every((x) => typeof x === 'number')) throw new Error('RESULT.batchMs is not an array of numbers');
  if (r['latencyMs'] !== undefined && (!Array.isArray(r['latencyMs']) || !r['latencyMs'].every((x) => typeof x === 'number'))) {
    throw new Error('RESULT.latencyMs is not an array of numbers');
  }
  return r as unknown as WorkloadResult;
}

/** The stderr line that most likely names the failure: the last one mentioning an error, else the last one. */
export function errorLine(stderr: string): string | undefined {
  const lines = stderr.split('\n').map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('at ') && l !== 'Node.js ' + process.version);
  const line = [...lines].reverse().find((l) => /(Error|Exception)\b|failed/.test(l)) ?? lines[lines.length - 1];
  return line === undefined ? undefined : line.length > 300 ? `${line.slice(0, 300)}…` : line;
}

export async function runRunner(cmd: RunnerCommand, opts: RunOptions): Promise<RunnerOutcome> {
  const log = createWriteStream(opts.logFile);
  const t0 = performance.now();
  const child = spawn(cmd.command, [...cmd.args], { cwd: cmd.cwd, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const pid = child.pid;
  if (pid === undefined) {
    const error = await new Promise<Error>((resolve) => child.once('error', resolve));
    log.end();
    return { error: `could not start ${cmd.command}: ${error.message}`, exitCode: null, processMs: 0, peakRssBytes: 0, maxProcesses: 0, stderrTail: '' };
  }
  current = pid;
  const rss = new ProcessTreeRssSampler(pid, 50);
  rss.start();

  let stderrTail = '';
  child.stderr.on('data', (chunk: Buffer) => {
    log.write(chunk);
    stderrTail = (stderrTail + chunk.toString('utf8')).slice(-TAIL_CHARS);
  });

  let result: WorkloadResult | undefined;
  let error: string | undefined;
  let readyAfterMs: number | undefined;
  let killTimer: NodeJS.Timeout | undefined;
  const fail = (message: string): void => {
    error ??= message;
    killGroup(pid, 'SIGTERM');
    killTimer ??= setTimeout(() => killGroup(pid, 'SIGKILL'), KILL_GRACE_MS);
  };
  const timer = setTimeout(() => fail(`timed out after ${Math.round(opts.timeoutMs / 1000)} s`), opts.timeoutMs);

  const stdoutDone = new Promise<void>((resolve) => {
    const lines = createInterface({ input: child.stdout });
    lines.on('line', (raw) => {
      const line = raw.trim();
      log.write(`[stdout] ${line.length > 500 ? `${line.slice(0, 500)}…` : line}\n`);
      if (line === 'READY') {
        if (readyAfterMs !== undefined) return;
        readyAfterMs = performance.now() - t0;
        if (opts.onReady) opts.onReady().catch((e: unknown) => fail(`after READY: ${e instanceof Error ? e.message : String(e)}`));
      } else if (line.startsWith('RESULT ')) {
        try {
          result = parseResultLine(line.slice('RESULT '.length));
        } catch (e) {
          error ??= `unreadable RESULT line: ${e instanceof Error ? e.message : String(e)}`;
        }
      }
    });
    lines.on('close', () => resolve());
  });

  const exitCode = await new Promise<number | null>((resolve) => child.once('exit', (code, signal) => resolve(code ?? (signal ? 128 : null))));
  const processMs = performance.now() - t0;
  clearTimeout(timer);
  clearTimeout(killTimer);
  // A descendant still holding stdout (an orphaned JVM) must not hang the suite.
  await Promise.race([stdoutDone, new Promise((r) => setTimeout(r, 2000))]);
  const { peakRssBytes, maxProcesses } = rss.stop();
  // Spark's JVM shuts down 1–3 s after its python parent exits, tsx's esbuild service soon after node:
  // let them finish (the next run must not share the cores with them); kill what is left after 15 s.
  for (let i = 0; i < 150 && groupAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
  if (groupAlive(pid)) {
    killGroup(pid, 'SIGKILL');
    process.stderr.write(`[suite] processes of the runner (process group ${pid}) were still alive 15 s after it exited; killed them\n`);
  }
  current = null;
  await new Promise<void>((resolve) => log.end(() => resolve()));

  if (error === undefined && exitCode !== 0) {
    const cause = errorLine(stderrTail);
    error = `exit code ${exitCode}${cause !== undefined ? `: ${cause}` : ''}`;
  }
  if (error === undefined && result === undefined) error = 'the runner exited 0 without a RESULT line';
  if (error === undefined && readyAfterMs === undefined) error = 'the runner never printed READY';
  return {
    ...(result !== undefined ? { result } : {}),
    ...(error !== undefined ? { error } : {}),
    exitCode,
    ...(readyAfterMs !== undefined ? { readyAfterMs } : {}),
    processMs,
    peakRssBytes,
    maxProcesses,
    stderrTail,
  };
}
