import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { fileURLToPath } from 'node:url';

const kafkaScript = fileURLToPath(new URL('../../../../../scripts/kafka.sh', import.meta.url));

/**
 * A broker of its own for a test that stops and restarts it (scripts/kafka.sh on free ports), so the shared
 * broker of the run is never disturbed. `restart` keeps topics, records and committed offsets.
 */
export class DedicatedBroker {
  private constructor(private readonly env: NodeJS.ProcessEnv, readonly bootstrap: string) {}

  static async start(): Promise<DedicatedBroker> {
    const [port, controllerPort] = await freePorts(2);
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      KAFKA_PORT: String(port),
      KAFKA_CONTROLLER_PORT: String(controllerPort),
      // The broker stops itself if the test process dies before its teardown.
      KAFKA_OWNER_PID: String(process.pid),
    };
    const out = await run('start', env);
    return new DedicatedBroker(env, out.trim().split('\n').at(-1) ?? '');
  }

  async restart(): Promise<void> {
    await run('restart', this.env);
  }

  async stop(): Promise<void> {
    await run('stop', this.env);
  }
}

function run(command: string, env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('bash', [kafkaScript, command], { env, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`scripts/kafka.sh ${command} failed: ${error.message}\n${stderr}`));
      else resolve(stdout);
    });
  });
}

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
