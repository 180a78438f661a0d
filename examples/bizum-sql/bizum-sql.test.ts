import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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
const MAIN = join(ROOT, 'examples', 'bizum-sql', 'main.ts');

/** Runs main.ts with tsx; a run that hangs is killed after 20 s. */
function run(args: readonly string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(join(ROOT, 'node_modules', '.bin', 'tsx'), [MAIN, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
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

/** `show()`'s table for two columns, cells right-aligned to the widest cell or header. */
function table(header: readonly [string, string], rows: readonly (readonly [string, number])[]): string {
  const cells = [header, ...rows.map(([a, b]) => [a, String(b)] as const)];
  const w0 = Math.max(...cells.map((c) => c[0].length));
  const w1 = Math.max(...cells.map((c) => c[1].length));
  const rule = `+${'-'.repeat(w0)}+${'-'.repeat(w1)}+`;
  const line = (c: readonly [string, string]): string => `|${c[0].padStart(w0)}|${c[1].padStart(w1)}|`;
  return [rule, line(cells[0]!), rule, ...cells.slice(1).map(line), rule, '', ''].join('\n');
}

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('examples/bizum-sql/main.ts', () => {
  it('prints the largest bizum per person of the course data set', async () => {
    const { code, stdout, stderr } = await run([]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    // The independent facts of ../shared/data/README.md.
    expect(stdout).toBe(table(['nombre', 'maximo'], [
      ['ana', 300], ['elena', 23], ['isabel', 45], ['jorge', 20], ['jose', 8], ['juan', 50], ['maria', 3000],
      ['pablo', 34], ['pedro', 12], ['pepe', 90], ['ramon', 94], ['rosa', 200], ['ruben', 56],
    ]));
  });

  it('reads the directory it is given: CRLF rows, no final newline, names in any case', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'caudal-bizum-sql-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'Bizum1.csv'), 'LUCIA;15;Cine\r\nlucia;40;Cena\r\nTomas;5;Cafe');
    writeFileSync(join(dir, 'Bizum2.csv'), 'Lucia;22;Libro\r\nTOMAS;7;Zumo');
    const { code, stdout } = await run([dir]);
    expect(code).toBe(0);
    expect(stdout).toBe(table(['nombre', 'maximo'], [['lucia', 40], ['tomas', 7]]));
  });

  it('rejects a directory that does not exist', async () => {
    const missing = join(tmpdir(), 'caudal-bizum-sql-missing-directory');
    const { code, stdout, stderr } = await run([missing]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(`Usage: main.ts [directory]   (no such directory: ${missing})\n`);
  });
});
