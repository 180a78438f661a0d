import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server, type Socket } from 'node:net';
import { fileURLToPath } from 'node:url';

/** The repository root (examples run with it as their working directory, as the READMEs say). */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * An example program run by node with tsx as its loader, in its own process group so `kill()` ends it
 * whatever it started; its output is collected, and waiters wake on every chunk (no polling).
 */
export class Program {
  stdout = '';
  stderr = '';
  readonly exited: Promise<number | null>;
  private readonly child: ChildProcess;
  private waiters: (() => void)[] = [];

  constructor(script: string, args: readonly string[]) {
    this.child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
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
        throw new Error(`the program exited before printing ${JSON.stringify(text)}:\n${this.stdout}\nstderr:\n${this.stderr}`);
      }
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  async kill(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) {
      try {
        process.kill(-this.child.pid!, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
    await this.exited;
  }
}

/** A TCP server on 127.0.0.1 and a free port, standing in for `nc -lk`. */
export async function lineServer(): Promise<{ port: number; client: Promise<Socket>; close: () => Promise<void> }> {
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
