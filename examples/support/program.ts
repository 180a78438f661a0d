import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The repository root (examples run with it as their working directory, as the READMEs say). */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** A script run by node with tsx as a loader (so a kill reaches the program itself); collects its output. */
export class Program {
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

  /** Resolves once stdout contains `text` (liveness bound 20 s); fails if the program exits first. */
  async untilStdout(text: string): Promise<void> {
    const deadline = Date.now() + 20_000;
    while (!this.stdout.includes(text)) {
      if (this.child.exitCode !== null) throw new Error(`the program exited before printing ${JSON.stringify(text)}:\n${this.stdout}\n${this.stderr}`);
      if (Date.now() > deadline) throw new Error(`no ${JSON.stringify(text)} in:\n${this.stdout}\n${this.stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  async kill(): Promise<void> {
    if (this.child.exitCode === null) this.child.kill('SIGKILL');
    await this.exited;
  }
}
