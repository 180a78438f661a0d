import { execFile } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { delimiter, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { KAFKA_CONTEXT_KEY, type KafkaAvailability } from './kafka-availability.ts';
import { isKafkaTestFile } from './kafka-test-files.ts';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const kafkaScript = join(repoRoot, 'scripts', 'kafka.sh');

/**
 * vitest global setup: makes a Kafka broker available to the Kafka tests.
 * - CAUDAL_KAFKA_BOOTSTRAP set: that broker is used as is (never started or stopped here).
 * - else, when a Kafka test file is in the run and java + mvn are on PATH: scripts/kafka.sh starts a
 *   broker on free loopback ports (so parallel runs do not share one) and stops it in teardown.
 *   Costs ~3-5 s per run (start + stop) once the jars are in ~/.m2; the first run downloads ~65 MB from Maven Central.
 * - else: records why, and {@link kafkaBroker} turns that into a failure (CI) or a skip (a machine
 *   without java/mvn, off CI).
 */
export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const provide = (value: KafkaAvailability): void => project.provide(KAFKA_CONTEXT_KEY, value);
  const external = process.env['CAUDAL_KAFKA_BOOTSTRAP'];
  if (external !== undefined && external !== '') {
    provide({ status: 'ready', bootstrap: external, origin: 'env' });
    return undefined;
  }

  // The spec list is known before global setup runs; an empty list means "unknown", so start anyway.
  const specs = project.vitest.state.getPaths().map((p) => relative(repoRoot, p));
  if (specs.length > 0 && !specs.some(isKafkaTestFile)) {
    provide({
      status: 'unavailable',
      reason:
        'no Kafka broker was started: the run began without a Kafka test file (a path containing "kafka"); ' +
        'restart vitest with the Kafka tests selected, or set CAUDAL_KAFKA_BOOTSTRAP',
      skip: false,
    });
    return undefined;
  }

  const missing = ['java', 'mvn'].filter((tool) => !onPath(tool));
  if (missing.length > 0) {
    const reason = `${missing.join('/')} not found; install Java 17 and Maven, or set CAUDAL_KAFKA_BOOTSTRAP`;
    const inCi = process.env['CI'] === 'true';
    if (!inCi) console.warn(`Kafka tests not run: ${reason}`);
    provide({ status: 'unavailable', reason, skip: !inCi });
    return undefined;
  }

  const [port, controllerPort] = await freePorts(2);
  const scriptEnv: NodeJS.ProcessEnv = {
    ...process.env,
    KAFKA_PORT: String(port),
    KAFKA_CONTROLLER_PORT: String(controllerPort),
    // The broker stops itself if this process dies before teardown.
    KAFKA_OWNER_PID: String(process.pid),
  };
  let bootstrap: string;
  try {
    const out = await runScript('start', scriptEnv);
    bootstrap = out.trim().split('\n').at(-1) ?? '';
  } catch (error) {
    provide({ status: 'unavailable', reason: `scripts/kafka.sh start failed: ${messageOf(error)}`, skip: false });
    return undefined;
  }
  provide({ status: 'ready', bootstrap, origin: 'started' });
  return async () => {
    await runScript('stop', scriptEnv);
  };
}

function onPath(tool: string): boolean {
  for (const dir of (process.env['PATH'] ?? '').split(delimiter)) {
    if (dir === '') continue;
    try {
      accessSync(join(dir, tool), constants.X_OK);
      return true;
    } catch {
      // not in this directory
    }
  }
  return false;
}

/** Distinct free loopback ports: all are held open together, then released for the broker. */
async function freePorts(count: number): Promise<number[]> {
  const servers: Server[] = [];
  try {
    const ports: number[] = [];
    for (let i = 0; i < count; i++) {
      const server = createServer();
      servers.push(server);
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(0, '127.0.0.1', resolve);
      });
      const address = server.address();
      if (address === null || typeof address === 'string') throw new Error('no TCP address');
      ports.push(address.port);
    }
    return ports;
  } finally {
    await Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
  }
}

function runScript(command: 'start' | 'stop', env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('bash', [kafkaScript, command], { env, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${error.message.split('\n')[0]}\n${stderr.trim()}`));
      else resolve(stdout);
    });
  });
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
