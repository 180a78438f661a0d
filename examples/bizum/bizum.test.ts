import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';

/** The nearest folder above `from` holding pnpm-workspace.yaml. */
function repoRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'pnpm-workspace.yaml'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no pnpm-workspace.yaml above ${from}`);
  }
}

const ROOT = repoRoot(import.meta.dirname);
const HERE = join(ROOT, 'examples', 'bizum');
const RULE = '-'.repeat(43);

const cleanups: (() => void | Promise<unknown>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** A TypeScript program run with node and tsx's loader; its output kept as text. */
class Program {
  stdout = '';
  stderr = '';
  readonly exited: Promise<number | null>;
  private readonly child: ChildProcess;

  constructor(script: string, args: readonly string[]) {
    this.child = spawn(process.execPath, ['--import', 'tsx', join(HERE, script), ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    this.child.stdout!.setEncoding('utf8').on('data', (s: string) => (this.stdout += s));
    this.child.stderr!.setEncoding('utf8').on('data', (s: string) => (this.stderr += s));
    this.exited = new Promise((resolve) => this.child.on('exit', (code) => resolve(code)));
    cleanups.push(() => this.stop());
  }

  get ended(): boolean {
    return this.child.exitCode !== null || this.child.signalCode !== null;
  }

  async until(test: () => boolean): Promise<void> {
    while (!test()) {
      if (this.ended) throw new Error(`the program ended early; stderr:\n${this.stderr}`);
      await sleep(50);
    }
  }

  stop(): Promise<number | null> {
    if (!this.ended) this.child.kill('SIGTERM');
    return this.exited;
  }
}

/** Lines of a checkpoint log folder's entries. */
function logCount(dir: string): number {
  return existsSync(dir) ? readdirSync(dir).filter((n) => /^\d+$/.test(n)).length : 0;
}

/** Files the file source has logged so far. */
function filesLogged(checkpoint: string): number {
  const dir = join(checkpoint, 'sources', '0');
  if (!existsSync(dir)) return 0;
  return readdirSync(dir).filter((n) => /^\d+(\.compact)?$/.test(n))
    .reduce((n, f) => n + readFileSync(join(dir, f), 'utf8').split('\n').filter((l) => l.startsWith('{')).length, 0);
}

interface LogEntry { path: string; batchId: number }

/** Every file the source logged, with its log batch. */
function loggedFiles(checkpoint: string): LogEntry[] {
  const dir = join(checkpoint, 'sources', '0');
  return readdirSync(dir).filter((n) => /^\d+(\.compact)?$/.test(n))
    .flatMap((f) => readFileSync(join(dir, f), 'utf8').split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as LogEntry));
}

/** The log offset batch `batchId` read up to (offsets/<batchId>: `v1`, metadata, then the source offsets). */
function logOffsetOf(checkpoint: string, batchId: number): number {
  const lines = readFileSync(join(checkpoint, 'offsets', String(batchId)), 'utf8').split('\n');
  return (JSON.parse(lines[2]!) as Record<string, { logOffset: number }>)['0']!.logOffset;
}

/** The console table of the largest payment per lower-cased name over `files`, computed by hand. */
function expectedTable(files: readonly string[]): string {
  const best = new Map<string, number>();
  for (const f of files) {
    for (const line of readFileSync(f, 'utf8').split(/\r?\n/)) {
      if (line === '') continue;
      const [name, amount] = line.split(';');
      const key = name!.toLowerCase();
      best.set(key, Math.max(best.get(key) ?? -Infinity, Number(amount)));
    }
  }
  const rows = [...best].sort(([a], [b]) => (a < b ? -1 : 1)).map(([n, v]) => [n, String(v)]);
  const widths = [0, 1].map((c) => Math.max(['Nombre', 'Maximo'][c]!.length, ...rows.map((r) => r[c]!.length)));
  const sepLine = `+${widths.map((w) => '-'.repeat(w)).join('+')}+`;
  const row = (r: readonly string[]): string => `|${r.map((v, c) => v.padStart(widths[c]!)).join('|')}|`;
  return [sepLine, row(['Nombre', 'Maximo']), sepLine, ...rows.map(row), sepLine, '', ''].join('\n');
}

const FINAL_TABLE = [
  '+------+------+',
  '|Nombre|Maximo|',
  '+------+------+',
  '|   ana|   300|',
  '| elena|    23|',
  '|isabel|    45|',
  '| jorge|    20|',
  '|  jose|     8|',
  '|  juan|    50|',
  '| maria|  3000|',
  '| pablo|    34|',
  '| pedro|    12|',
  '|  pepe|    90|',
  '| ramon|    94|',
  '|  rosa|   200|',
  '| ruben|    56|',
  '+------+------+',
  '',
  '',
].join('\n');

describe('examples/bizum', () => {
  it('shows each person\'s largest bizum as the simulator delivers the files; the final table is exact', async () => {
    const root = mkdtempSync(join(tmpdir(), 'caudal-bizum-example-'));
    cleanups.push(() => rmSync(root, { recursive: true, force: true }));
    const input = join(root, 'recibidos');
    const checkpoint = join(root, 'checkpoint');
    const main = new Program('main.ts', ['--input', input, '--checkpoint', checkpoint]);
    await main.until(() => main.stderr.includes('Waiting for bizums'));

    const sim = new Program('simulator.ts', ['--to', input, '--interval-ms', '150', '--seed', '20240101']);
    expect(await sim.exited).toBe(0);
    expect(sim.stdout.split('\n').filter((l) => l !== '').sort()).toEqual(
      readdirSync(join(HERE, 'data')).map((n) => `Bizum recibido: ${n}`).sort(),
    );
    // Every file taken, and every batch that took them committed (its table printed).
    await main.until(() => filesLogged(checkpoint) === 14 && logCount(join(checkpoint, 'commits')) === logCount(join(checkpoint, 'offsets')));
    expect(await main.stop()).toBe(0);

    const blocks = main.stdout.split(`${RULE}\nBatch: `).slice(1);
    expect(blocks.length).toBe(logCount(join(checkpoint, 'commits')));
    blocks.forEach((b, i) => expect(b.startsWith(`${i}\n${RULE}\n+------+------+\n|Nombre|Maximo|\n`)).toBe(true));
    expect(blocks.at(-1)).toBe(`${blocks.length - 1}\n${RULE}\n${FINAL_TABLE}`);
    // Every batch's table is the running maximum over exactly the files its offsets covered.
    const logged = loggedFiles(checkpoint);
    blocks.forEach((b, i) => {
      const upTo = logOffsetOf(checkpoint, i);
      const files = logged.filter((e) => e.batchId <= upTo).map((e) => e.path);
      expect(b).toBe(`${i}\n${RULE}\n${expectedTable(files)}`);
    });
  }, 120_000);
});
