import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

/** The nearest directory above `from` holding pnpm-workspace.yaml. */
function repoRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'pnpm-workspace.yaml'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no pnpm-workspace.yaml above ${from}`);
  }
}

const ROOT = repoRoot(import.meta.dirname);
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const RULE = '-'.repeat(43);
const lines = (...ls: string[]): string => ls.map((l) => `${l}\n`).join('');

/** A program run with tsx in its own process group, so killing the group also ends tsx's node child. */
class Program {
  stdout = '';
  stderr = '';
  readonly exited: Promise<number | null>;
  private readonly child: ChildProcess;
  private waiters: (() => void)[] = [];

  constructor(script: string, args: readonly string[]) {
    this.child = spawn(TSX, [script, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    this.child.stdout!.setEncoding('utf8').on('data', (s: string) => {
      this.stdout += s;
      for (const w of this.waiters.splice(0)) w();
    });
    this.child.stderr!.setEncoding('utf8').on('data', (s: string) => (this.stderr += s));
    this.exited = new Promise((resolve) => this.child.on('exit', (code) => {
      resolve(code);
      for (const w of this.waiters.splice(0)) w();
    }));
  }

  /** Resolves once stdout contains `text`; fails if the program exits first. */
  async untilStdout(text: string): Promise<void> {
    while (!this.stdout.includes(text)) {
      if (this.child.exitCode !== null || this.child.signalCode !== null) {
        throw new Error(`the program exited before printing ${JSON.stringify(text)}; stderr:\n${this.stderr}`);
      }
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  async kill(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) {
      try {
        process.kill(-this.child.pid!, 'SIGTERM');
      } catch {
        // Already gone.
      }
    }
    await this.exited;
  }
}

/** A TCP server on 127.0.0.1 and a free port, standing in for `nc -lk`. */
async function lineServer(): Promise<{ port: number; client: Promise<Socket>; close: () => Promise<void> }> {
  const sockets: Socket[] = [];
  let accept: (s: Socket) => void = () => {};
  const client = new Promise<Socket>((resolve) => (accept = resolve));
  const server: Server = createServer((socket) => {
    socket.on('error', () => {});
    sockets.push(socket);
    accept(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  return {
    port: address.port,
    client,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const BATCH_0 = lines(
  RULE, 'Batch: 0', RULE,
  '+------+-----+',
  '|  word|count|',
  '+------+-----+',
  '|apache|    1|',
  '| spark|    1|',
  '+------+-----+',
  '',
);

describe('examples/socket-wordcount/main.ts', () => {
  it('prints the running word count of the lines a server sends, as Spark does', async () => {
    const server = await lineServer();
    cleanups.push(server.close);
    const program = new Program(join(ROOT, 'examples', 'socket-wordcount', 'main.ts'), ['127.0.0.1', String(server.port), 'complete']);
    cleanups.push(() => program.kill());
    const client = await server.client;

    client.write('apache spark\n');
    await program.untilStdout(BATCH_0);
    client.write('apache hadoop\n');
    await program.untilStdout('Batch: 1');
    await program.untilStdout('|hadoop|    1|\n+------+-----+\n\n');

    expect(program.stdout).toBe(BATCH_0 + lines(
      RULE, 'Batch: 1', RULE,
      '+------+-----+',
      '|  word|count|',
      '+------+-----+',
      '|apache|    2|',
      '| spark|    1|',
      '|hadoop|    1|',
      '+------+-----+',
      '',
    ));
    expect(program.stderr).toContain('The socket source should not be used for production applications! It does not support recovery.');
  });

  it('takes the port and the output mode alone, and prints only changed counts in update mode', async () => {
    const server = await lineServer();
    cleanups.push(server.close);
    // `main.ts <port> update`: the host defaults to localhost.
    const program = new Program(join(ROOT, 'examples', 'socket-wordcount', 'main.ts'), [String(server.port), 'update']);
    cleanups.push(() => program.kill());
    const client = await server.client;

    client.write('apache spark\n');
    await program.untilStdout(BATCH_0);
    client.write('apache hadoop\n');
    await program.untilStdout('|hadoop|    1|\n+------+-----+\n\n');
    expect(program.stdout).toBe(BATCH_0 + lines(
      RULE, 'Batch: 1', RULE,
      '+------+-----+',
      '|  word|count|',
      '+------+-----+',
      '|apache|    2|',
      '|hadoop|    1|',
      '+------+-----+',
      '',
    ));
  });

  it('rejects a bad port with its usage line', async () => {
    const program = new Program(join(ROOT, 'examples', 'socket-wordcount', 'main.ts'), ['localhost', 'http']);
    cleanups.push(() => program.kill());
    expect(await program.exited).toBe(1);
    expect(program.stdout).toBe('');
    expect(program.stderr).toBe('Usage: main.ts [host] [port] [append|update|complete]   (default: localhost 9999 complete)\n');
  });
});

describe('examples/socket-wordcount/line-server.ts', () => {
  it('serves the lines of a file to a client that connects', async () => {
    const file = join(ROOT, 'examples', 'socket-wordcount', 'sample.txt');
    const program = new Program(join(ROOT, 'examples', 'socket-wordcount', 'line-server.ts'), ['--port', '0', '--rate', '100', file]);
    cleanups.push(() => program.kill());
    await program.untilStdout('\n');
    const match = /^Serving (.+) on 127\.0\.0\.1:(\d+)\n$/.exec(program.stdout);
    expect(match?.[1]).toBe(file);
    const expected = readFileSync(file, 'utf8');

    const socket = createConnection({ host: '127.0.0.1', port: Number(match?.[2]) });
    cleanups.push(async () => void socket.destroy());
    let received = '';
    await new Promise<void>((resolve, reject) => {
      socket.setEncoding('utf8').on('data', (s: string) => {
        received += s;
        if (received.length >= expected.length) resolve();
      });
      socket.on('error', reject);
    });
    expect(received).toBe(expected);
  });
});
