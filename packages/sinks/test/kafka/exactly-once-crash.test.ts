import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { Kafka, logLevel, type Admin } from 'kafkajs';
import { kafkaBroker } from '@caudal/kafka-testing';

// Exactly-once through crashes: the writer query (fixtures/exactly-once-writer.ts) is killed with SIGKILL at
// random moments and restarted from its checkpoint, again and again; then a read_committed consumer must see
// every value the committed batches hold exactly once: none missing, none twice, nothing else.

const broker = kafkaBroker();
const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const writer = fileURLToPath(new URL('./fixtures/exactly-once-writer.ts', import.meta.url));
const ROWS_PER_BATCH = 20;
const KILLS = 12;

/** A small deterministic generator, so a failing run can be replayed from the seed in its message. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function startWriter(args: readonly string[]): { child: ChildProcess; started: Promise<void>; exited: Promise<number | null>; output: () => string } {
  // node itself with tsx as a loader (not the tsx launcher, which runs node as a grandchild SIGKILL would miss).
  const child = spawn(process.execPath, ['--import', 'tsx', writer, ...args], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let markStarted: () => void = () => {};
  const started = new Promise<void>((resolve) => (markStarted = resolve));
  child.stdout!.on('data', (d: Buffer) => {
    out += d.toString();
    if (out.includes('started\n')) markStarted();
  });
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, started, exited, output: () => out };
}

/** The highest batch id in `<checkpoint>/commits`. */
function lastCommittedBatch(checkpoint: string): number {
  return Math.max(-1, ...readdirSync(join(checkpoint, 'commits')).filter((f) => /^[0-9]+$/.test(f)).map(Number));
}

describe.skipIf(broker.skipWithoutJavaOffCi)('Kafka sink with caudal.exactlyOnce, killed with SIGKILL and restarted', () => {
  const dirs: string[] = [];
  let admin: Admin | undefined;
  afterAll(async () => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
    await admin?.disconnect();
  });

  it('leaves every value exactly once for read_committed consumers', async () => {
    const bootstrap = broker.bootstrap();
    const kafka = new Kafka({ clientId: 'caudal-crash-test', brokers: [bootstrap], logLevel: logLevel.NOTHING });
    admin = kafka.admin();
    await admin.connect();
    const topic = `caudal-test-exactly-once-${Date.now()}-${process.pid}`;
    await admin.createTopics({ topics: [{ topic, numPartitions: 3, replicationFactor: 1 }], waitForLeaders: true });
    const checkpoint = mkdtempSync(join(tmpdir(), 'caudal-kafka-eos-'));
    dirs.push(checkpoint);

    const seed = Date.now() % 1_000_000;
    const next = random(seed);
    const context = (): string => `seed ${seed}`;
    for (let k = 0; k < KILLS; k++) {
      const w = startWriter([bootstrap, topic, checkpoint]);
      // Half the kills land during start-up and recovery, half while batches are being written.
      if (k % 2 === 1) await Promise.race([w.started, w.exited]);
      await new Promise((resolve) => setTimeout(resolve, Math.floor(next() * (k % 2 === 1 ? 800 : 2500))));
      const alive = w.child.exitCode === null;
      w.child.kill('SIGKILL');
      await w.exited;
      expect(alive, `${context()}: the writer exited by itself before kill ${k}:\n${w.output()}`).toBe(true);
    }

    // A last run that stops cleanly some batches further on.
    const target = lastCommittedBatch(checkpoint) + 15;
    const last = startWriter([bootstrap, topic, checkpoint, String(target)]);
    const code = await last.exited;
    expect(code, `${context()}: the final run failed:\n${last.output()}`).toBe(0);
    const lastBatch = lastCommittedBatch(checkpoint);
    expect(lastBatch).toBeGreaterThanOrEqual(target);

    // Independent expectation: rate-micro-batch batch b holds the values b*20 .. b*20+19.
    const expected = Array.from({ length: (lastBatch + 1) * ROWS_PER_BATCH }, (_, v) => v);
    const seen = await readCommitted(kafka, topic, expected.length);
    const sorted = [...seen].sort((a, b) => a - b);
    expect(sorted.length, `${context()}: ${seen.length} values read`).toBe(expected.length);
    expect(sorted, context()).toEqual(expected);
  }, 150_000);
});

/** Every value of the topic as a read_committed consumer sees it: waits for `count`, then for stragglers. */
async function readCommitted(kafka: Kafka, topic: string, count: number): Promise<number[]> {
  const consumer = kafka.consumer({ groupId: `caudal-crash-check-${Date.now()}`, readUncommitted: false, maxWaitTimeInMs: 100 });
  const values: number[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    let reached: () => void = () => {};
    const done = new Promise<void>((resolve) => (reached = resolve));
    await consumer.run({
      eachBatch: async ({ batch }) => {
        for (const m of batch.messages) values.push(Number(m.value!.toString()));
        if (values.length >= count) reached();
      },
    });
    const timer = setTimeout(reached, 30_000);
    await done;
    clearTimeout(timer);
    // Anything beyond the expected values would be a duplicate: give it a moment to show up.
    await new Promise((resolve) => setTimeout(resolve, 1000));
  } finally {
    await consumer.disconnect();
  }
  return values;
}
