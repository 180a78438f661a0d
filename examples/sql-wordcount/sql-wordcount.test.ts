import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
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
const MAIN = join(ROOT, 'examples', 'sql-wordcount', 'main.ts');
const RULE = '-'.repeat(43);
const lines = (...ls: string[]): string => ls.map((l) => `${l}\n`).join('');

/** A program run with tsx in its own process group, so killing the group also ends tsx's node child. */
class Program {
  stdout = '';
  stderr = '';
  readonly exited: Promise<number | null>;
  private readonly child: ChildProcess;
  private waiters: (() => void)[] = [];

  constructor(args: readonly string[]) {
    this.child = spawn(TSX, [MAIN, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
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

async function start(args: (port: number) => string[]): Promise<{ program: Program; client: Socket }> {
  const server = await lineServer();
  cleanups.push(server.close);
  const program = new Program(args(server.port));
  cleanups.push(() => program.kill());
  return { program, client: await server.client };
}

describe('examples/sql-wordcount/main.ts', () => {
  it('prints the running word count of a SQL query over the socket lines, as the DataFrame version does', async () => {
    const { program, client } = await start((port) => ['127.0.0.1', String(port)]);
    client.write('apache spark\n');
    await program.untilStdout('| spark|    1|\n+------+-----+\n\n');
    client.write('apache hadoop\n');
    await program.untilStdout('|hadoop|    1|\n+------+-----+\n\n');
    expect(program.stdout).toBe(lines(
      RULE, 'Batch: 0', RULE,
      '+------+-----+',
      '|  word|count|',
      '+------+-----+',
      '|apache|    1|',
      '| spark|    1|',
      '+------+-----+',
      '',
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
  });

  it('with `memory`, queries the memory table after every batch: SELECT * FROM wordcounts ORDER BY count DESC, word', async () => {
    const { program, client } = await start((port) => [String(port), 'memory']);
    client.write('to be or not to be\n');
    await program.untilStdout('|  or|    1|\n+----+-----+\n\n');
    client.write('be quick\n');
    await program.untilStdout('|quick|    1|\n+-----+-----+\n\n');
    expect(program.stdout).toBe(lines(
      RULE, 'wordcounts after batch 0', RULE,
      '+----+-----+',
      '|word|count|',
      '+----+-----+',
      '|  be|    2|',
      '|  to|    2|',
      '| not|    1|',
      '|  or|    1|',
      '+----+-----+',
      '',
      RULE, 'wordcounts after batch 1', RULE,
      '+-----+-----+',
      '| word|count|',
      '+-----+-----+',
      '|   be|    3|',
      '|   to|    2|',
      '|  not|    1|',
      '|   or|    1|',
      '|quick|    1|',
      '+-----+-----+',
      '',
    ));
  });

  it('rejects an unknown sink with its usage line', async () => {
    const program = new Program(['localhost', '9999', 'parquet']);
    cleanups.push(() => program.kill());
    expect(await program.exited).toBe(1);
    expect(program.stdout).toBe('');
    expect(program.stderr).toBe('Usage: main.ts [host] [port] [console|memory]   (default: localhost 9999 console)\n');
  });
});
