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
const HERE = join(ROOT, 'examples', 'sensors');
const RULE = '-'.repeat(43);

const cleanups: (() => void | Promise<unknown>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** A TypeScript program run with node and tsx's loader, in UTC (the console prints timestamps in the session zone). */
class Program {
  stdout = '';
  stderr = '';
  readonly exited: Promise<number | null>;
  private readonly child: ChildProcess;

  constructor(script: string, args: readonly string[]) {
    this.child = spawn(process.execPath, ['--import', 'tsx', join(HERE, script), ...args], {
      cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, TZ: 'UTC' },
    });
    this.child.stdout!.setEncoding('utf8').on('data', (s: string) => (this.stdout += s));
    this.child.stderr!.setEncoding('utf8').on('data', (s: string) => (this.stderr += s));
    this.exited = new Promise((resolve) => this.child.on('exit', (code) => resolve(code)));
    cleanups.push(() => this.stop());
  }

  get ended(): boolean {
    return this.child.exitCode !== null || this.child.signalCode !== null;
  }

  async until(test: () => boolean, what: string): Promise<void> {
    while (!test()) {
      if (this.ended) throw new Error(`the program ended while waiting for ${what}; stderr:\n${this.stderr}`);
      await sleep(50);
    }
  }

  stop(): Promise<number | null> {
    if (!this.ended) this.child.kill('SIGTERM');
    return this.exited;
  }
}

interface Reading { t: number; temperature: number; humidity: number; light: number; co2: number }

/** The replayed files, read by hand: event time (ms) and the averaged columns of every row, in file order. */
function readReplayed(input: string): Reading[][] {
  return readdirSync(input).filter((n) => n.endsWith('.csv')).sort().map((name) => {
    const lines = readFileSync(join(input, name), 'utf8').split('\n').filter((l) => l !== '');
    expect(lines[0]).toBe('"EventTime","Date","Temperature","Humidity","Light","CO2","HumidityRatio","Occupancy"');
    return lines.slice(1).map((l) => {
      const [time, , temperature, humidity, light, co2] = l.split(',');
      return { t: Date.parse(time!), temperature: Number(temperature), humidity: Number(humidity), light: Number(light), co2: Number(co2) };
    });
  });
}

/** `yyyy-MM-dd HH:mm:ss` in UTC. */
const wall = (ms: number): string => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');

/**
 * The 45-second windows sliding every 15 seconds (aligned to the epoch, as Spark's are) that have closed
 * under the final watermark, oldest first, with the average light of the rows in each, summed in arrival order.
 */
function closedWindows(rows: readonly Reading[], watermarkDelayMs: number): [string, number][] {
  const sums = new Map<number, { sum: number; n: number }>();
  for (const r of rows) {
    for (let start = Math.floor(r.t / 15_000) * 15_000; start > r.t - 45_000; start -= 15_000) {
      const s = sums.get(start) ?? { sum: 0, n: 0 };
      s.sum += r.light;
      s.n += 1;
      sums.set(start, s);
    }
  }
  const watermark = Math.max(...rows.map((r) => r.t)) - watermarkDelayMs;
  return [...sums].filter(([start]) => start + 45_000 <= watermark).sort(([a], [b]) => a - b)
    .map(([start, { sum, n }]) => [`{${wall(start)}, ${wall(start + 45_000)}}`, sum / n]);
}

/** Running averages of temperature, humidity and CO2 after each file. */
function runningAverages(files: readonly Reading[][]): [number, number, number][] {
  const s = { temperature: 0, humidity: 0, co2: 0, n: 0 };
  return files.map((rows) => {
    for (const r of rows) {
      s.temperature += r.temperature;
      s.humidity += r.humidity;
      s.co2 += r.co2;
      s.n += 1;
    }
    return [s.temperature / s.n, s.humidity / s.n, s.co2 / s.n];
  });
}

interface Table { batchId: number; header: string[]; rows: string[][] }

/** The console sink's tables (`Batch: N` banner, then `show(truncate = false)`), in print order. */
function consoleTables(stdout: string): Table[] {
  return stdout.split(`${RULE}\nBatch: `).slice(1).map((block) => {
    const lines = block.split('\n');
    expect(lines[1]).toBe(RULE);
    const cells = (l: string): string[] => l.slice(1, -1).split('|').map((c) => c.trim());
    const body = lines.slice(2);
    // +---+ / |header| / +---+ / rows... / +---+ / '' / ''
    const end = body.indexOf('', 3);
    return { batchId: Number(lines[0]), header: cells(body[1]!), rows: body.slice(3, end - 1).map(cells) };
  });
}

describe('examples/sensors', () => {
  it('prints each closed window\'s average light once, and the running averages after every file, exactly', async () => {
    const root = mkdtempSync(join(tmpdir(), 'caudal-sensors-example-'));
    cleanups.push(() => rmSync(root, { recursive: true, force: true }));
    const input = join(root, 'input');
    const main = new Program('main.ts', ['--input', input, '--watermark', '10 seconds']);
    await main.until(() => main.stderr.includes('Waiting for sensor readings'), 'the queries to start');

    // 90 readings in 9 files of 10; a minute of readings per second of event time.
    const sim = new Program('simulator.ts', ['--to', input, '--limit', '90', '--rows-per-file', '10', '--start', '2024-01-01T00:00:00Z']);
    expect(await sim.exited).toBe(0);
    expect(sim.stdout.split('\n').filter((l) => l !== '').map((l) => l.split(' ')[1])).toEqual(
      Array.from({ length: 9 }, (_, i) => `readings-0000${i + 1}.csv`));

    const files = readReplayed(input);
    expect(files.map((f) => f.length)).toEqual([10, 10, 10, 10, 10, 10, 10, 10, 10]);
    const rows = files.flat();
    // The replay's event times follow the readings' own (59, 60 or 61 s apart), 60 times faster.
    expect(rows.slice(0, 3).map((r) => new Date(r.t).toISOString())).toEqual(
      ['2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.983Z', '2024-01-01T00:00:02.000Z']);
    const windows = closedWindows(rows, 10_000);
    const averages = runningAverages(files);
    expect(windows.length).toBe(5);

    const lastWindow = windows.at(-1)![0];
    const tables = (): Table[] => consoleTables(main.stdout);
    await main.until(() => tables().filter((t) => t.header[0] === 'AvgTemperature').length === 9 &&
      tables().some((t) => t.rows.some((r) => r[0] === lastWindow)), 'every file and the last closed window');
    expect(await main.stop()).toBe(0);

    const all = tables();
    const light = all.filter((t) => t.header[0] === 'window');
    const running = all.filter((t) => t.header[0] === 'AvgTemperature');
    expect(light.length + running.length).toBe(all.length);
    // Append mode: each closed window once, with its final average, in the order they closed.
    expect(light.map((t) => t.header)).toEqual(light.map(() => ['window', 'AvgLight']));
    expect(light.flatMap((t) => t.rows).map(([w, a]) => [w, Number(a)])).toEqual(windows);
    // As printed (Java's double format): the first window holds the readings of its last 15 seconds only.
    expect(light.flatMap((t) => t.rows)[0]).toEqual(['{2023-12-31 23:59:30, 2024-01-01 00:00:15}', '512.6777777777778']);
    // Update mode over the whole stream: one row per batch, the averages over every file so far.
    expect(running.map((t) => t.batchId)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(running.map((t) => t.header)).toEqual(running.map(() => ['AvgTemperature', 'AvgHumidity', 'AvgCO2']));
    expect(running.map((t) => t.rows.map((r) => r.map(Number)))).toEqual(averages.map((a) => [a]));
  }, 120_000);
});
