import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { Kafka, logLevel, type Admin } from 'kafkajs';
import { kafkaBroker } from '@caudal/kafka-testing';
import { Session } from 'caudal';

const broker = kafkaBroker();
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url));
const PRODUCER = fileURLToPath(new URL('./producer.ts', import.meta.url));
const DATA = fileURLToPath(new URL('../sensors/data/datatest.txt', import.meta.url));
const ROWS = 100;

/** A script run by node with tsx as a loader (so a kill reaches the program itself); collects its output. */
class Program {
  stdout = '';
  stderr = '';
  readonly exited: Promise<number | null>;
  private readonly child: ChildProcess;

  constructor(script: string, args: readonly string[]) {
    this.child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    this.child.stdout!.setEncoding('utf8').on('data', (s: string) => (this.stdout += s));
    this.child.stderr!.setEncoding('utf8').on('data', (s: string) => (this.stderr += s));
    this.exited = new Promise((resolve) => this.child.on('exit', (code) => resolve(code)));
  }

  get running(): boolean {
    return this.child.exitCode === null;
  }

  async kill(): Promise<void> {
    if (this.child.exitCode === null) this.child.kill('SIGKILL');
    await this.exited;
  }
}

// ---- The independent computation: plain JS over the CSV file ----

/** Spark's round(x, 2) on a double: HALF_UP on the double's shortest decimal form. */
function round2(x: number): number {
  const [int = '0', frac = ''] = String(Math.abs(x)).split('.');
  const digits = BigInt(int + (frac + '000').slice(0, 3));
  const rounded = (digits + 5n) / 10n;
  return Math.sign(x) * Number(rounded) / 100;
}
/** Java's Double.toString for the magnitudes of this data set (1e-3 <= |x| < 1e7). */
const javaDouble = (x: number): string => (Number.isInteger(x) ? `${x}.0` : String(x));
const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

interface Reading { readonly seconds: number; readonly temperature: number; readonly humidity: number; readonly light: number; readonly co2: number }

function readings(): Reading[] {
  return readFileSync(DATA, 'utf8').split(/\r?\n/).slice(1, ROWS + 1).map((line) => {
    const [date = '', t, h, l, c] = line.split(',');
    const [day = '', time = ''] = date.replaceAll('"', '').split(' ');
    // Local wall-clock times, kept as if they were UTC: only differences and formatting matter here.
    const seconds = Date.parse(`${day}T${time}Z`) / 1000;
    return { seconds, temperature: Number(t), humidity: Number(h), light: Number(l), co2: Number(c) };
  });
}

const wallClock = (seconds: number): string => new Date(seconds * 1000).toISOString().slice(0, 19).replace('T', ' ');

function expectedMessages(): string[] {
  const rs = readings();
  const out: string[] = [];
  // All rows are in the topic before the query starts, so its first batch holds them all: per batch = since start.
  for (const suffix of ['by_batch', 'since_start']) {
    out.push(`avg_temperature_${suffix}: ${javaDouble(round2(mean(rs.map((r) => r.temperature))))}`);
    out.push(`avg_humidity_${suffix}: ${javaDouble(round2(mean(rs.map((r) => r.humidity))))}`);
    out.push(`avg_co2_${suffix}: ${javaDouble(round2(mean(rs.map((r) => r.co2))))}`);
  }
  // 45-second windows every 15 seconds holding a reading; sent once the watermark (latest time - 1 minute)
  // reaches their end.
  const watermark = Math.max(...rs.map((r) => r.seconds)) - 60;
  const windows = new Map<number, number[]>();
  for (const r of rs) {
    const last = Math.floor(r.seconds / 15) * 15;
    for (const start of [last - 30, last - 15, last]) windows.set(start, [...(windows.get(start) ?? []), r.light]);
  }
  for (const [start, lights] of windows) {
    if (start + 45 > watermark) continue;
    out.push(`avg_light [${wallClock(start)}, ${wallClock(start + 45)}): ${javaDouble(round2(mean(lights)))}`);
  }
  return out.sort();
}

// ---- Test plumbing ----

const cleanups: (() => Promise<void> | void)[] = [];
const topics: string[] = [];
let admin: Admin | undefined;
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});
afterAll(async () => {
  if (topics.length > 0) await admin?.deleteTopics({ topics }).catch(() => undefined);
  await admin?.disconnect();
});

async function results(session: Session, topic: string): Promise<{ key: string; value: string }[]> {
  const rows = await session.read.format('kafka')
    .options({ 'kafka.bootstrap.servers': broker.bootstrap(), subscribe: topic })
    .load().selectExpr('CAST(key AS STRING) AS key', 'CAST(value AS STRING) AS value').collect();
  return rows.map((r) => ({ key: String(r['key']), value: String(r['value']) }));
}

describe.skipIf(broker.skipWithoutJavaOffCi)('examples/kafka-sensors', () => {
  it('sends the per-batch, since-start and windowed averages of the first 100 readings to the results topic', async () => {
    const kafka = new Kafka({ clientId: 'kafka-sensors-test', brokers: [broker.bootstrap()], logLevel: logLevel.NOTHING });
    admin ??= kafka.admin();
    await admin.connect();
    const input = `caudal-example-sensors-${randomUUID()}`;
    const output = `${input}-results`;
    topics.push(input, output);
    const checkpoint = mkdtempSync(join(tmpdir(), 'caudal-kafka-sensors-'));
    cleanups.push(() => rmSync(checkpoint, { recursive: true, force: true }));

    const producer = new Program(PRODUCER, ['--bootstrap', broker.bootstrap(), '--topic', input, '--count', String(ROWS), '--interval', '0']);
    cleanups.push(() => producer.kill());
    expect(await producer.exited).toBe(0);
    expect(producer.stdout).toBe(`sent ${ROWS} rows to ${input}\n`);

    const main = new Program(MAIN, ['--bootstrap', broker.bootstrap(), '--input', input, '--output', output,
      '--starting', 'earliest', '--trigger', '200 milliseconds', '--checkpoint', checkpoint]);
    cleanups.push(() => main.kill());
    const session = Session.builder().create();
    cleanups.push(() => session.stop());

    const expected = expectedMessages();
    // Liveness bound only: wait until as many messages as expected have arrived (or the program died).
    const deadline = Date.now() + 25_000;
    let got: { key: string; value: string }[] = [];
    while (got.length < expected.length && main.running && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 300));
      got = await results(session, output).catch(() => []);
    }
    if (got.length < expected.length && !main.running) throw new Error(`main.ts exited early:\n${main.stderr}`);
    expect(got.map((m) => m.value).sort()).toEqual(expected);
    for (const m of got) expect(m.value.startsWith(`${m.key}: `)).toBe(true);
  });
});
