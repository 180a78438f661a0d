import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** The nearest directory above `from` holding pnpm-workspace.yaml. */
function repoRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'pnpm-workspace.yaml'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no pnpm-workspace.yaml above ${from}`);
  }
}

const ROOT = repoRoot(import.meta.dirname);
const RULE = '-'.repeat(43);
const lines = (...ls: string[]): string => ls.map((l) => `${l}\n`).join('');

/** Runs the demo as `pnpm demo` does; a demo that hangs is killed after 20 s and fails the test. */
function runDemo(): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(join(ROOT, 'node_modules', '.bin', 'tsx'), [join(ROOT, 'examples', 'rate-demo', 'main.ts')], {
      cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], detached: true,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    const guard = setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), 20_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(guard);
      resolve({ code, stdout, stderr });
    });
  });
}

/**
 * The table complete mode prints after batch k, computed independently: values 0 .. 10(k+1)-1, so each
 * bucket b holds c = 2(k+1) values b, b+5, ..., summing to c*b + 5*c*(c-1)/2. Cells right-aligned to the
 * widest of the header and the cells.
 */
function expectedBatch(k: number): string {
  const c = 2 * (k + 1);
  const rows = [0, 1, 2, 3, 4].map((b) => [String(b), String(c), String(c * b + (5 * c * (c - 1)) / 2)]);
  const header = ['bucket', 'count', 'sum'];
  const widths = header.map((h, i) => Math.max(3, h.length, ...rows.map((r) => r[i]!.length)));
  const border = `+${widths.map((w) => '-'.repeat(w)).join('+')}+`;
  const line = (cells: string[]): string => `|${cells.map((s, i) => s.padStart(widths[i]!)).join('|')}|`;
  return lines(RULE, `Batch: ${k}`, RULE, border, line(header), border, ...rows.map(line), border, '');
}

describe('examples/rate-demo/main.ts (pnpm demo)', () => {
  it('prints five complete-mode tables and a summary, then exits 0 by itself', async () => {
    const { code, stdout, stderr } = await runDemo();
    expect(stderr).toBe('');
    expect(code).toBe(0);

    const intro = 'Counting rate-micro-batch values (10 per batch) by value % 5, one batch every 500 ms; stopping after 5 batches.\n\n';
    const firstTable = lines(
      RULE,
      'Batch: 0',
      RULE,
      '+------+-----+---+',
      '|bucket|count|sum|',
      '+------+-----+---+',
      '|     0|    2|  5|',
      '|     1|    2|  7|',
      '|     2|    2|  9|',
      '|     3|    2| 11|',
      '|     4|    2| 13|',
      '+------+-----+---+',
      '',
    );
    expect(stdout.startsWith(intro + firstTable)).toBe(true);
    expect(expectedBatch(0)).toBe(firstTable);

    const tables = [0, 1, 2, 3, 4].map(expectedBatch).join('');
    expect(stdout.startsWith(intro + tables)).toBe(true);
    const summary = stdout.slice((intro + tables).length);
    expect(summary).toMatch(new RegExp(
      '^Done: 5 batches, 50 rows read from RatePerMicroBatchStream\\[rowsPerBatch=10, numPartitions=1, startTimestamp=0, ' +
      'advanceMsPerBatch=1000\\]; last batch 4: 10 rows in, 5 rows out, 5 groups in state, \\d+ ms\\.\\n$',
    ));
  });
});
