import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileSinkLog } from 'caudal';
import { tempDir, useCleanup } from './helpers/file-sink-fixture.ts';

useCleanup();

function repoRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'pnpm-workspace.yaml'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no pnpm-workspace.yaml above ${from}`);
  }
}

const ROOT = repoRoot(import.meta.dirname);
const ROWS_PER_BATCH = 7;

/** How many batches the manifest holds: one past the newest entry (`<id>` or `<id>.compact`). */
function committedBatches(out: string): number {
  const meta = join(out, '_caudal_metadata');
  if (!existsSync(meta)) return 0;
  const ids = readdirSync(meta).map((n) => /^(\d+)(\.compact)?$/.exec(n)?.[1]).filter((id) => id !== undefined).map(Number);
  return ids.length === 0 ? 0 : Math.max(...ids) + 1;
}

/**
 * Runs the writer in a child process until the manifest holds at least `atLeast` batches, then, after
 * `extraMs` more, kills it with SIGKILL (wherever it is: writing part files, the manifest, the checkpoint).
 */
function runAndKill(out: string, checkpoint: string, atLeast: number, extraMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    // Node itself (tsx as a loader, not its CLI wrapper): the killed process is our own child, reaped by us,
    // so its checkpoint lock is free for the next run.
    const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'helpers', 'crash-writer.ts'), out, checkpoint], {
      cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    const kill = (): void => void child.kill('SIGKILL');
    const guard = setTimeout(() => { kill(); reject(new Error(`writer made no progress in 20 s: ${stderr}`)); }, 20_000);
    const poll = setInterval(() => {
      if (committedBatches(out) < atLeast) return;
      clearInterval(poll);
      setTimeout(kill, extraMs);
    }, 5);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(guard);
      clearInterval(poll);
      if (signal === 'SIGKILL') resolve();
      else reject(new Error(`writer exited by itself (${String(code)}): ${stderr}`));
    });
  });
}

describe('file sink crash recovery', () => {
  it('keeps every row exactly once when the writer is killed with SIGKILL at arbitrary moments', async () => {
    const dir = tempDir();
    const out = join(dir, 'out');
    const checkpoint = join(dir, 'ck');
    // Kill points spread over the batch cycle: right at a commit, and a few milliseconds after it.
    for (const [round, extraMs] of [0, 3, 7, 11, 1].entries()) {
      await runAndKill(out, checkpoint, (round + 1) * 3, extraMs);
    }

    // What an uninterrupted run commits for the same batches: values 0 .. 7k-1, each once, in folder value % 3.
    const batches = committedBatches(out);
    expect(batches).toBeGreaterThanOrEqual(15);
    const rows = FileSinkLog.readCommittedFiles(out)!.flatMap((f) => {
      const folder = relative(out, f).split(sep)[0];
      return readFileSync(f, 'utf8').trimEnd().split('\n').map((l) => ({ ...(JSON.parse(l) as { value: number }), folder }));
    });
    expect(rows.map((r) => r.value).sort((a, b) => a - b)).toEqual(Array.from({ length: batches * ROWS_PER_BATCH }, (_, i) => i));
    for (const r of rows) expect(r.folder).toBe(`bucket=${r.value % 3}`);
  });
});
